import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/rng';
import { allowedTypos, boundedDistance, boundedDistances } from './edit-distance';

describe('boundedDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(boundedDistance('forcasting', 'forecasting', 2)).toBe(1);
    expect(boundedDistance('itransfomer', 'itransformer', 2)).toBe(1);
    expect(boundedDistance('tranformer', 'transformer', 2)).toBe(1);
    expect(boundedDistance('trasnformer', 'transformer', 2)).toBe(1);
    expect(boundedDistance('vison', 'vision', 1)).toBe(1);
    expect(boundedDistance('same', 'same', 1)).toBe(0);
  });

  it('stops at the bound', () => {
    expect(boundedDistance('diffusion', 'attention', 2)).toBe(3);
    expect(boundedDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('measures against the closest prefix in prefix mode', () => {
    expect(boundedDistance('transfom', 'transformer', 1, true)).toBe(1);
    expect(boundedDistance('transfor', 'transformer', 1, true)).toBe(0);
    expect(boundedDistance('transfom', 'transformer', 1)).toBe(2);
  });
});

/** Optimal string alignment distance, the whole table, no bound: what the bounded ones must agree with. */
function osa(a: string, b: string): number[] {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  // The last row: the distance from a to each prefix of b.
  return d[a.length]!;
}

describe('boundedDistances', () => {
  /** Words over a small alphabet, so near words (and transpositions) are common. */
  function randomWords(seed: number, count: number): string[] {
    const rand = rng(seed);
    return Array.from({ length: count }, () => Array.from({ length: Math.floor(rand() * 14) }, () => 'abcde'[Math.floor(rand() * 5)]).join(''));
  }

  it('equals the full distance when within the bound, and the bound + 1 when not, for a whole batch at once', () => {
    const words = randomWords(1, 400);
    const wrong: string[] = [];
    let within = 0;
    for (const a of randomWords(2, 60)) {
      for (const max of [0, 1, 2, 3]) {
        const { full, prefix } = boundedDistances(a, words, max, true);
        const batchFull = boundedDistances(a, words, max).full;
        words.forEach((b, k) => {
          const row = osa(a, b);
          const exact = row[b.length]!;
          const closestPrefix = Math.min(...row);
          if (exact <= max) within++;
          const want = [exact <= max ? exact : max + 1, closestPrefix <= max ? closestPrefix : max + 1];
          const got = [full[k], prefix![k], batchFull[k], boundedDistance(a, b, max), boundedDistance(a, b, max, true)];
          if (got.join() !== [want[0], want[1], want[0], want[0], want[1]].join()) wrong.push(`${a} → ${b} within ${max}: ${got.join()}`);
        });
      }
    }
    expect(wrong).toEqual([]);
    // Enough pairs within the bound that agreeing means something.
    expect(within).toBeGreaterThan(1000);
  });

  it('gives no prefix distances unless asked, and nothing for no words', () => {
    expect(boundedDistances('transfomer', ['transformer', 'transformers'], 2).prefix).toBeNull();
    expect(boundedDistances('transfomer', [], 2).full).toEqual(new Uint8Array(0));
  });
});

describe('allowedTypos', () => {
  it('tolerates more typos in longer words', () => {
    expect([3, 4, 7, 8, 12].map(allowedTypos)).toEqual([0, 1, 1, 2, 2]);
  });
});
