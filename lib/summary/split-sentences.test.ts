import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.ts';

describe('splitSentences', () => {
  it('splits plain sentences on terminators', () => {
    expect(splitSentences('We study X. It works! Does it scale? Yes.')).toEqual([
      'We study X.',
      'It works!',
      'Does it scale?',
      'Yes.',
    ]);
  });

  it('keeps e.g., i.e. and et al. inside the sentence', () => {
    const text = 'Prior work, e.g. BERT, fails. Smith et al. Showed this, i.e. Transformers overfit. We fix it.';
    expect(splitSentences(text)).toEqual([
      'Prior work, e.g. BERT, fails.',
      'Smith et al. Showed this, i.e. Transformers overfit.',
      'We fix it.',
    ]);
  });

  it('does not split decimals, percentages or URLs', () => {
    const text = 'Accuracy rises by 3.5% to 92.1 on ImageNet. Code is at https://github.com/a/b.c and www.x.org. Done.';
    expect(splitSentences(text)).toEqual([
      'Accuracy rises by 3.5% to 92.1 on ImageNet.',
      'Code is at https://github.com/a/b.c and www.x.org.',
      'Done.',
    ]);
  });

  it('does not split figure, equation and section references', () => {
    expect(splitSentences('As shown in Fig. 2 the loss drops. See Eq. 3 and Sec. 4. We conclude.')).toEqual([
      'As shown in Fig. 2 the loss drops.',
      'See Eq. 3 and Sec. 4.',
      'We conclude.',
    ]);
  });

  it('treats "no." as an abbreviation only before a number', () => {
    expect(splitSentences('See item No. 5 here. The answer is no. We move on.')).toEqual([
      'See item No. 5 here.',
      'The answer is no.',
      'We move on.',
    ]);
  });

  it('splits before digits and brackets but not before lower-case words', () => {
    expect(splitSentences('It fails. 3 reasons exist. (Mostly noise.) the end')).toEqual([
      'It fails.',
      '3 reasons exist.',
      '(Mostly noise.) the end',
    ]);
  });

  it('ends a sentence after "etc." only before a typical sentence opener', () => {
    expect(splitSentences('It records PM2.5, CO, etc. The data has gaps. Tasks like QA, NER, etc. Are hard.')).toEqual([
      'It records PM2.5, CO, etc.',
      'The data has gaps.',
      'Tasks like QA, NER, etc. Are hard.',
    ]);
  });

  it('keeps dotted acronyms and "i.i.d." inside the sentence', () => {
    expect(splitSentences('We use the i.i.d. Assumption on U.S. Senate speeches. It holds.')).toEqual([
      'We use the i.i.d. Assumption on U.S. Senate speeches.',
      'It holds.',
    ]);
  });

  it('splits after a sentence-final URL or closing bracket', () => {
    expect(splitSentences('Code: https://github.com/x/y. We (mostly) agree (see below). [1] Fine.')).toEqual([
      'Code: https://github.com/x/y.',
      'We (mostly) agree (see below).',
      '[1] Fine.',
    ]);
  });

  it('normalises whitespace and returns [] for blank input', () => {
    expect(splitSentences('  A  b.\n\nC d.  ')).toEqual(['A b.', 'C d.']);
    expect(splitSentences('   ')).toEqual([]);
  });
});
