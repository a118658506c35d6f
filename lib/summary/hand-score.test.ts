import { describe, expect, it } from 'vitest';
import { argmax, handScore } from './hand-score.ts';
import { sentenceFeatures } from './sentence-features.ts';

const sentences = [
  'Graph neural networks have recently become popular for many tasks.',
  'However, existing methods suffer from oversmoothing.',
  'In this paper, we propose GraphNorm, a normalization layer for graph neural networks that prevents oversmoothing.',
  'Experiments on five benchmark datasets show consistent gains.',
  'Code is available at https://github.com/x/y.',
];

describe('sentenceFeatures', () => {
  const features = sentenceFeatures(sentences, 'GraphNorm: Normalization for Graph Neural Networks');

  it('flags contribution, background, evidence and boilerplate sentences', () => {
    expect(features[2]).toMatchObject({ contribution: 1, thisPaper: 1 });
    expect(features[1]).toMatchObject({ contribution: 0, background: 1 });
    expect(features[3]).toMatchObject({ evidence: 1 });
    expect(features[4]).toMatchObject({ boilerplate: 1 });
  });

  it('measures title overlap and position', () => {
    expect(features[2]!.titleOverlap).toBeGreaterThan(features[1]!.titleOverlap);
    expect(features[0]!.position).toBe(0);
    expect(features[4]!.position).toBe(1);
  });
});

describe('handScore', () => {
  it('scores the contribution sentence highest', () => {
    const scores = sentenceFeatures(sentences, 'GraphNorm: Normalization for Graph Neural Networks').map(handScore);
    expect(argmax(scores)).toBe(2);
  });
});

describe('argmax', () => {
  it('returns the first of equal maxima, and -1 for nothing', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
    expect(argmax([])).toBe(-1);
    expect(argmax([-5])).toBe(0);
  });
});
