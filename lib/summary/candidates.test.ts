import { describe, expect, it } from 'vitest';
import { candidatesOf, cleanSentence, finishSentence, joinable } from './candidates.ts';
import { splitSentences } from './split-sentences.ts';

const abstract =
  'Transformers are slow on long inputs. ' +
  'In this paper, we propose LongNet, a sparse transformer that scales to a billion tokens, which we train on books. ' +
  'We also show that LongNet beats dense attention. ' +
  'LongNet improves perplexity by 12% on PG-19.';
const sentences = splitSentences(abstract);

describe('candidatesOf', () => {
  const candidates = candidatesOf(sentences, [1, 2], abstract, 'LongNet: Scaling Transformers', ['LongNet']);
  const texts = candidates.map((c) => c.text);

  it('offers the cleaned sentence, its clause cuts and the join with the next sentence', () => {
    expect(texts).toContain('We propose LongNet, a sparse transformer that scales to a billion tokens, which we train on books.');
    expect(texts).toContain('We propose LongNet, a sparse transformer that scales to a billion tokens.');
    expect(texts).toContain('We show that LongNet beats dense attention; LongNet improves perplexity by 12% on PG-19.');
    expect(candidates.find((c) => c.text.startsWith('We show') && c.kind === 'join')).toMatchObject({ sentence: 2, joined: 3 });
  });

  it('joins a short sentence with the key result', () => {
    const text = 'We propose LongNet for books. Long inputs are common in practice. Our LongNet improves perplexity by 12% on PG-19.';
    const withResult = candidatesOf(splitSentences(text), [0], text, 'LongNet', ['LongNet']).find((c) => c.kind === 'result');
    expect(withResult?.text).toBe('We propose LongNet for books; our LongNet improves perplexity by 12% on PG-19.');
  });

  it('lists only the requested sentences, each text once, as finished sentences of at most 30 words', () => {
    expect(new Set(candidates.map((c) => c.sentence))).toEqual(new Set([1, 2]));
    expect(new Set(texts).size).toBe(texts.length);
    for (const text of texts) {
      expect(text).toMatch(/^[A-Z].*[^.]\.$/);
      expect(text.split(/\s+/).length).toBeLessThanOrEqual(30);
    }
  });
});

describe('cleanSentence', () => {
  it('drops framing, asides and a second-step adverb', () => {
    expect(cleanSentence('We also show that LongNet (see Fig. 2) beats dense attention.', [])).toBe('We show that LongNet beats dense attention');
    expect(cleanSentence('To address these challenges, this paper introduces Stockformer.', [])).toBe('This paper introduces Stockformer');
  });
});

describe('joinable and finishSentence', () => {
  it('lower-cases a leading function word but not a name', () => {
    expect(joinable('Our model wins')).toBe('our model wins');
    expect(joinable('BERT wins')).toBe('BERT wins');
  });

  it('capitalises and ends with one period', () => {
    expect(finishSentence('we win;  ')).toBe('We win.');
    expect(finishSentence('!!!')).toBe('!!!');
  });
});
