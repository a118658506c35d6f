import { describe, expect, it } from 'vitest';
import { bestRougeF1, lcsLength, rouge, rougeTokens } from './rouge.ts';

describe('rougeTokens', () => {
  it('lower-cases and keeps only letter/digit runs', () => {
    expect(rougeTokens("GPT-4's F1 is 3.5%!")).toEqual(['gpt', '4', 's', 'f1', 'is', '3', '5']);
  });
});

describe('rouge', () => {
  // candidate: the cat sat on the mat (6 tokens)
  // reference: the cat lay on the red mat (7 tokens)
  const candidate = 'The cat sat on the mat.';
  const reference = 'the cat lay on the red mat';

  it('computes ROUGE-1 with clipped counts', () => {
    // overlap: the×2, cat, on, mat = 5 → P = 5/6, R = 5/7
    const { r1 } = rouge(candidate, reference);
    expect(r1.precision).toBeCloseTo(5 / 6);
    expect(r1.recall).toBeCloseTo(5 / 7);
    expect(r1.f1).toBeCloseTo((2 * (5 / 6) * (5 / 7)) / (5 / 6 + 5 / 7));
  });

  it('computes ROUGE-2 on bigrams', () => {
    // candidate bigrams: the cat, cat sat, sat on, on the, the mat (5)
    // reference bigrams: the cat, cat lay, lay on, on the, the red, red mat (6)
    // overlap: the cat, on the = 2
    const { r2 } = rouge(candidate, reference);
    expect(r2.precision).toBeCloseTo(2 / 5);
    expect(r2.recall).toBeCloseTo(2 / 6);
  });

  it('computes ROUGE-L from the longest common subsequence', () => {
    // LCS: the cat on the mat = 5
    const { rl } = rouge(candidate, reference);
    expect(rl.precision).toBeCloseTo(5 / 6);
    expect(rl.recall).toBeCloseTo(5 / 7);
  });

  it('clips repeated unigrams to the reference count', () => {
    const { r1 } = rouge('the the the the', 'the cat');
    expect(r1.precision).toBeCloseTo(1 / 4);
    expect(r1.recall).toBeCloseTo(1 / 2);
  });

  it('returns zeros for empty input', () => {
    expect(rouge('', 'a b').r1.f1).toBe(0);
    expect(rouge('a b', '').rl.f1).toBe(0);
  });
});

describe('lcsLength', () => {
  it('finds the longest common subsequence, not substring', () => {
    expect(lcsLength(['a', 'b', 'c', 'd', 'e'], ['a', 'x', 'c', 'y', 'e'])).toBe(3);
    expect(lcsLength([], ['a'])).toBe(0);
  });
});

describe('bestRougeF1', () => {
  it('takes the best reference per metric', () => {
    const best = bestRougeF1('a b c', ['a b c', 'x y z']);
    expect(best).toEqual({ r1: 1, r2: 1, rl: 1 });
    expect(bestRougeF1('a b c', ['x y z']).r1).toBe(0);
  });
});
