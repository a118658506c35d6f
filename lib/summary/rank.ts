import { analyse, candidateFeatures, type Analysis } from './candidate-features.ts';
import { candidatesOf, finishSentence, fitToLimit, MAX_WORDS, type Candidate } from './candidates.ts';
import { linearScore, type TldrModel } from './model.ts';
import { readabilityChecker } from './readability.ts';
import { plainText } from './plain-text.ts';
import { splitSentences } from './split-sentences.ts';

/**
 * Candidates come from this many sentences, the best by issue 6's weight-free score. More
 * sentences raise the best possible pick, but the ranker does not choose better among them
 * (dev R1: 3 sentences 38.0, 4 38.2, 5 38.2, 6 38.2, all 38.1); fewer are faster.
 */
const SOURCE_SENTENCES = 4;

/**
 * A TL;DR that speaks of the paper itself: "we", "our", "this paper/survey/…", "the proposed".
 * Background sentences read on their own too, but tell nothing of what the paper does.
 */
const OWN_WORK = /\b(?:we|our|us)\b|\b(?:this|the present) (?:paper|work|study|survey|article|book|thesis|review|report|tutorial|chapter|letter|note)\b|\bthe proposed\b/i;

/** A paper as the summarizer sees it. */
export interface SummaryInput {
  title: string;
  abstract: string;
}

/** An abstract taken apart, with the candidate TL;DRs the ranker chooses from. */
export interface Prepared {
  analysis: Analysis;
  candidates: Candidate[];
  /**
   * How suitable a candidate is, best first: 0 reads on its own and speaks of the paper ("we",
   * "this survey", the title's name), 1 reads on its own, 2 does not.
   */
  tier: (candidate: Candidate) => number;
  /** What issue 6's weight-free rule picks (kept as the baseline), if there is a sentence. */
  weightFree: Candidate | undefined;
  /** Whether the candidates come from every sentence, not just the best few. */
  complete: boolean;
}

/**
 * Sentences, weight-free scores and candidates of one paper, from its `sources` best sentences;
 * shared by summarizing, training and evaluation.
 */
export function prepare(input: SummaryInput, sources = SOURCE_SENTENCES): Prepared {
  const abstract = plainText(input.abstract);
  const analysis = analyse(splitSentences(abstract), input.title);
  const order = analysis.handScores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const candidates = candidatesOf(analysis.sentences, order.slice(0, sources).map((s) => s.i), abstract, input.title, analysis.keepNames);
  const check = readabilityChecker(abstract);
  const fromBest = candidates.filter((c) => c.sentence === analysis.handBest);
  const aboutPaper = (text: string) => OWN_WORK.test(text) || analysis.keepNames.some((name) => text.includes(name));
  return {
    analysis,
    candidates,
    tier: (candidate) => (check(candidate.text).length > 0 ? 2 : aboutPaper(candidate.text) ? 0 : 1),
    weightFree: fromBest.find((c) => c.kind === 'result') ?? fromBest.find((c) => c.kind === 'sentence'),
    complete: sources >= analysis.sentences.length,
  };
}

/**
 * The TL;DR the model picks for a paper. When every candidate of the best few sentences leans
 * on text it lacks, the rest of the abstract is tried too (rare, so the common case stays fast).
 */
export function chooseCandidate(input: SummaryInput, model: TldrModel): { prepared: Prepared; chosen: Candidate | undefined } {
  const prepared = prepare(input);
  const chosen = bestCandidate(prepared, model);
  if (chosen === undefined || prepared.tier(chosen) < 2 || prepared.complete) return { prepared, chosen };
  const widened = prepare(input, Infinity);
  return { prepared: widened, chosen: bestCandidate(widened, model) };
}

/** What training ranks for a paper: the candidates {@link chooseCandidate} chooses among. */
export function trainingCandidates(input: SummaryInput): { prepared: Prepared; candidates: Candidate[] } {
  const prepared = prepare(input);
  const candidates = eligibleCandidates(prepared);
  if (candidates.length === 0 || prepared.tier(candidates[0]!) < 2 || prepared.complete) return { prepared, candidates };
  const widened = prepare(input, Infinity);
  return { prepared: widened, candidates: eligibleCandidates(widened) };
}

/** The candidates the ranker chooses among: those of the best {@link Prepared.tier} present. */
export function eligibleCandidates(prepared: Prepared): Candidate[] {
  const tiers = prepared.candidates.map(prepared.tier);
  const best = Math.min(...tiers);
  return prepared.candidates.filter((_, i) => tiers[i] === best);
}

/**
 * The eligible candidate the model ranks first, or undefined when there are none. Candidates
 * are checked for readability best first, so most abstracts need one or two checks.
 */
export function bestCandidate(prepared: Prepared, model: TldrModel): Candidate | undefined {
  const rows = candidateFeatures(prepared.analysis, prepared.candidates, model.vocabulary, linearScore(model.keep.weights));
  const score = linearScore(model.rank.weights);
  const order = rows.map((row, i) => ({ score: score(row), i })).sort((a, b) => b.score - a.score || a.i - b.i);
  // The best-ranked candidate of the best tier: stop at the first of tier 0, remember the first of tier 1.
  let readable: Candidate | undefined;
  for (const { i } of order) {
    const candidate = prepared.candidates[i]!;
    const tier = prepared.tier(candidate);
    if (tier === 0) return candidate;
    if (tier === 1) readable ??= candidate;
  }
  return readable ?? prepared.candidates[order[0]?.i ?? -1];
}

/** When no sentence has a letter or digit left after cleaning: the title, or the abstract's first words. */
export function fallback(input: SummaryInput, analysis: Analysis): string {
  const first = analysis.sentences[0];
  if (first === undefined) return finishSentence(fitToLimit(input.title));
  // Cleaning only removes text; a sentence of bare punctuation ("!!!") is its own answer.
  return first.split(/\s+/).slice(0, MAX_WORDS).join(' ');
}

