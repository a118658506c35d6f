import { describe, expect, it } from 'vitest';
import { analyse } from './candidate-features.ts';
import { forEachWord, keepProbabilities, TOKEN_FEATURES } from './keep-model.ts';

const analysis = analyse(
  ['Graph networks oversmooth.', 'We propose GraphNorm, which normalizes graph features.', 'GraphNorm helps on 5 benchmarks.'],
  'GraphNorm: Normalizing Graph Networks',
);
const vocabulary = new Map([['graph', 1.5], ['we', 0.8]]);

function featuresOf(word: string): Record<string, number> {
  let found: Record<string, number> = {};
  forEachWord(analysis, vocabulary, (w, x) => {
    if (w === word) found = Object.fromEntries(TOKEN_FEATURES.map((f, i) => [f, x[i]!]));
  });
  return found;
}

describe('forEachWord', () => {
  it('describes where and how often a word occurs', () => {
    expect(featuresOf('graph')).toMatchObject({ bias: 1, lexical: 1.5, inVocabulary: 1, inTitle: 1, inFirstSentence: 1, termFrequency: Math.log1p(2), sentenceFrequency: Math.log1p(2) });
    expect(featuresOf('graphnorm')).toMatchObject({ inTitleName: 1, inContributionSentence: 1, capitalised: 1, firstPosition: 0.5, once: 0 });
    expect(featuresOf('5')).toMatchObject({ number: 1, inVocabulary: 0, lexical: 0, once: 1 });
    expect(featuresOf('we')).toMatchObject({ functionWord: 1, lexicalFunctionWord: 0.8 });
  });
});

describe('keepProbabilities', () => {
  it('turns the scorer’s log odds into a probability for every distinct word', () => {
    const probabilities = keepProbabilities(analysis, vocabulary, (x) => x[TOKEN_FEATURES.indexOf('inTitle')]! * 2 - 1);
    expect(probabilities.get('graph')).toBeCloseTo(1 / (1 + Math.exp(-1)));
    expect(probabilities.get('benchmarks')).toBeCloseTo(1 / (1 + Math.exp(1)));
    expect(probabilities.size).toBe(new Set(analysis.tokens.flat()).size);
  });
});
