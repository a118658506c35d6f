import { describe, expect, it } from 'vitest';
import { expectedUnigramF1, tokenLikelihood } from './expected-overlap.ts';

describe('tokenLikelihood', () => {
  const likelihood = tokenLikelihood(new Set(['graph', 'norm']), [
    new Set(['the', 'graph', 'model']),
    new Set(['graph', 'layers', 'and', 'model']),
    new Set(['rare']),
  ]);

  it('rates title words and recurring words above one-off words', () => {
    expect(likelihood.get('graph')).toBeCloseTo(0.75);
    expect(likelihood.get('model')).toBeCloseTo(0.25);
    expect(likelihood.get('rare')).toBeCloseTo(0.1);
    expect(likelihood.get('the')).toBeCloseTo(0.8);
  });
});

describe('expectedUnigramF1', () => {
  it('is 2 * expected overlap / (candidate + reference length), counting each type once', () => {
    const likelihood = new Map([['a', 0.5], ['b', 1]]);
    // candidate "a b a": types a, b → overlap 1.5; 3 tokens + reference 3
    expect(expectedUnigramF1(new Set(['a', 'b']), 3, likelihood, 3)).toBeCloseTo((2 * 1.5) / 6);
    expect(expectedUnigramF1(new Set(['zzz']), 1, likelihood, 3)).toBe(0);
  });
});
