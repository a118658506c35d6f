import { analyse, candidateFeatures, type Analysis } from './candidate-features.ts';
import { candidatesOf, finishSentence, fitToLimit, MAX_WORDS, type Candidate } from './candidates.ts';
import { linearScore, type TldrModel } from './model.ts';
import { readabilityChecker } from './readability.ts';
import { plainText } from './plain-text.ts';
import { splitSentences } from './split-sentences.ts';

/**
 * Candidates come from this many sentences, the best by issue 6's weight-free score. More
 * sentences raise the best possible pick but the ranker chooses worse among them (measured on
 * dev: 3 sentences 38.2 R1, 4 38.0, all 37.9).
 */
const SOURCE_SENTENCES = 3;

/** A paper as the summarizer sees it. */
export interface SummaryInput {
  title: string;
  abstract: string;
}

/** An abstract taken apart, with the candidate TL;DRs the ranker chooses from. */
export interface Prepared {
  analysis: Analysis;
  candidates: Candidate[];
  /** Whether a candidate reads on its own (no readability issues against this abstract). */
  readable: (candidate: Candidate) => boolean;
  /** What issue 6's weight-free rule picks (kept as the baseline), if there is a sentence. */
  weightFree: Candidate | undefined;
}

/** Sentences, weight-free scores and candidates of one paper; shared by summarizing, training and evaluation. */
export function prepare(input: SummaryInput): Prepared {
  const abstract = plainText(input.abstract);
  const analysis = analyse(splitSentences(abstract), input.title);
  const order = analysis.handScores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const candidates = candidatesOf(analysis.sentences, order.slice(0, SOURCE_SENTENCES).map((s) => s.i), abstract, input.title, analysis.keepNames);
  const check = readabilityChecker(abstract);
  const fromBest = candidates.filter((c) => c.sentence === analysis.handBest);
  return {
    analysis,
    candidates,
    readable: (candidate) => check(candidate.text).length === 0,
    weightFree: fromBest.find((c) => c.kind === 'result') ?? fromBest.find((c) => c.kind === 'sentence'),
  };
}

/** The candidates the ranker chooses among: those that read on their own, or all when none does. */
export function eligibleCandidates(prepared: Prepared): Candidate[] {
  const readable = prepared.candidates.filter(prepared.readable);
  return readable.length > 0 ? readable : prepared.candidates;
}

/**
 * The eligible candidate the model ranks first, or undefined when there are none. Candidates
 * are checked for readability best first, so most abstracts need one or two checks.
 */
export function bestCandidate(prepared: Prepared, model: TldrModel): Candidate | undefined {
  const rows = candidateFeatures(prepared.analysis, prepared.candidates, model.vocabulary, linearScore(model.keep.weights));
  const score = linearScore(model.rank.weights);
  const order = rows.map((row, i) => ({ score: score(row), i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const ranked = order.map(({ i }) => prepared.candidates[i]!);
  return ranked.find(prepared.readable) ?? ranked[0];
}

/** When no sentence has a letter or digit left after cleaning: the title, or the abstract's first words. */
export function fallback(input: SummaryInput, analysis: Analysis): string {
  const first = analysis.sentences[0];
  if (first === undefined) return finishSentence(fitToLimit(input.title));
  // Cleaning only removes text; a sentence of bare punctuation ("!!!") is its own answer.
  return first.split(/\s+/).slice(0, MAX_WORDS).join(' ');
}

