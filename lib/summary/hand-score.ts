import type { SentenceFeatures } from './sentence-features.ts';

/**
 * Feature weights of issue 6's weight-free selection, rounded from a least-squares fit of sentence ROUGE-1 on one
 * half of SciTLDR-A dev and checked on the other half. Expected F1 is the
 * main signal; the cue phrases break ties in favour of contribution sentences.
 */
const SENTENCE_WEIGHTS: Readonly<Record<keyof SentenceFeatures, number>> = {
  contribution: 0.1,
  weVerb: 0.05,
  thisPaper: 0.12,
  naming: 0.05,
  background: -0.03,
  evidence: -0.03,
  boilerplate: -0.15,
  titleOverlap: 0.15,
  centrality: 0.05,
  expectedF1: 1,
  position: -0.06,
  first: -0.02,
  lengthDeviation: -0.01,
};

/** The weight-free score of a sentence: how likely it states the contribution. */
export function handScore(features: SentenceFeatures): number {
  let score = 0;
  for (const key of Object.keys(SENTENCE_WEIGHTS) as (keyof SentenceFeatures)[]) {
    score += SENTENCE_WEIGHTS[key] * features[key];
  }
  return score;
}

/** Index of the highest score (the first of equals), or -1 if there are none. */
export function argmax(scores: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < scores.length; i++) if (best === -1 || scores[i]! > scores[best]!) best = i;
  return best;
}
