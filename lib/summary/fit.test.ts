import { describe, expect, it } from 'vitest';
import { fitListwise, fitLogistic, solveSymmetric } from './fit.ts';

/** A small deterministic pseudo-random sequence (LCG), so the synthetic data is the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('solveSymmetric', () => {
  it('solves a positive definite system', () => {
    const x = solveSymmetric([[4, 1], [1, 3]], [1, 2]);
    expect(x[0]).toBeCloseTo(1 / 11);
    expect(x[1]).toBeCloseTo(7 / 11);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => solveSymmetric([[1, 2], [2, 1]], [1, 1])).toThrow(/positive definite/);
  });
});

describe('fitLogistic', () => {
  it('recovers the direction of the weights that generated the labels', () => {
    const next = random(1);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = next() * 4 - 2;
      const b = next() * 10;
      rows.push([1, a, b]);
      // True log odds: -1 + 2a + 0b.
      labels.push(next() < 1 / (1 + Math.exp(-(-1 + 2 * a))) ? 1 : 0);
    }
    const [bias, wa, wb] = fitLogistic(rows, labels, 0, { l2: 1e-4, steps: 10 });
    expect(bias!).toBeCloseTo(-1, 0);
    expect(wa!).toBeCloseTo(2, 0);
    expect(Math.abs(wb!)).toBeLessThan(0.1);
  });
});

describe('fitListwise', () => {
  it('weights the feature that tells the better candidates of each group', () => {
    const next = random(2);
    const groups = Array.from({ length: 200 }, () => {
      const rows = Array.from({ length: 5 }, () => [next(), next(), next() * 100]);
      // Gains follow the first feature; the third shifts whole groups alike in real data, here it is noise.
      return { rows, gains: rows.map((r) => 0.3 * r[0]! + 0.02 * next()) };
    });
    const [useful, noise] = fitListwise(groups, 0.05, { l2: 1e-3, steps: 10 });
    expect(useful!).toBeGreaterThan(1);
    expect(Math.abs(noise!)).toBeLessThan(useful! / 5);
  });

  it('gives the same weights for the same data', () => {
    const groups = [
      { rows: [[1, 0], [0, 1], [0.5, 0.5]], gains: [0.9, 0.1, 0.4] },
      { rows: [[0.2, 0.3], [0.8, 0.1]], gains: [0.2, 0.7] },
    ];
    expect(fitListwise(groups, 0.1, { l2: 0.01, steps: 8 })).toEqual(fitListwise(groups, 0.1, { l2: 0.01, steps: 8 }));
  });
});
