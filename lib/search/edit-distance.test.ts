import { describe, expect, it } from 'vitest';
import { allowedTypos, boundedDistance } from './edit-distance';

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

describe('allowedTypos', () => {
  it('tolerates more typos in longer words', () => {
    expect([3, 4, 7, 8, 12].map(allowedTypos)).toEqual([0, 1, 1, 2, 2]);
  });
});
