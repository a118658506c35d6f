import { checkModel, type TldrModel } from './model.ts';
import modelJson from './model.json' with { type: 'json' };
import { chooseCandidate, fallback, prepare, type SummaryInput } from './rank.ts';

export type { SummaryInput };

/** The shipped model, checked once against the features this code computes. */
const MODEL = checkModel(modelJson);

/**
 * A one-sentence TL;DR of at most 30 words: the candidate (a sentence of the
 * abstract, a clause-cut prefix of one, or two joined) that the trained ranker expects to share
 * the most words with a human TL;DR, among those that read on their own.
 */
export function summarize(input: SummaryInput, model: TldrModel = MODEL): string {
  const { prepared, chosen } = chooseCandidate(input, model);
  return chosen?.text ?? fallback(input, prepared.analysis);
}

/**
 * Issue 6's summarizer, kept as the baseline the evaluation prints: the sentence with the best
 * weight-free score, cleaned, with the key result appended when it is short. It does not check
 * readability.
 */
export function weightFreeSummary(input: SummaryInput): string {
  const prepared = prepare(input);
  return prepared.weightFree?.text ?? fallback(input, prepared.analysis);
}
