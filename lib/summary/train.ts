import { candidateFeatures, CANDIDATE_FEATURES } from './candidate-features.ts';
import { fitListwise, fitLogistic } from './fit.ts';
import { forEachWord, TOKEN_FEATURES, type Vocabulary } from './keep-model.ts';
import { linearScore, type TldrModel } from './model.ts';
import { bestRougeF1, rougeTokens } from './rouge.ts';
import { trainingCandidates, type Prepared } from './rank.ts';
import type { Candidate } from './candidates.ts';

/** A training paper: what the summarizer sees, and the human TL;DRs it should resemble. */
export interface TrainingPaper {
  title: string;
  abstract: string;
  targets: string[];
}

/**
 * Training settings, chosen on SciTLDR-A dev (never fitted on it). `folds`: the word keep
 * rates a paper's features use are counted on the other folds, so the models learn how much to
 * trust rates for text they have not seen. `minCount`/`smoothing`: a word gets its own rate once
 * it occurs in that many abstracts, shrunk towards the average by `smoothing` pseudo-papers.
 * `temperature`: how sharply the ranker's target favours each paper's best candidates (in ROUGE-1
 * F1 units).
 */
export const TRAINING_SETTINGS = {
  folds: 5,
  minCount: 3,
  smoothing: 5,
  keepL2: 1e-4,
  keepSteps: 12,
  temperature: 0.01,
  rankL2: 0.003,
  rankSteps: 15,
} as const;

/** Settings of {@link trainModel}. */
export type TrainingSettings = { readonly [K in keyof typeof TRAINING_SETTINGS]: number };

/** Significant digits kept in the written weights: readable, and far below what changes a ranking. */
const DIGITS = 4;

const round = (x: number): number => Number(x.toPrecision(DIGITS));

interface Example {
  prepared: Prepared;
  /** The candidates summarize chooses among. */
  candidates: Candidate[];
  /** Distinct words of the abstract and of the human TL;DRs. */
  words: Set<string>;
  kept: Set<string>;
  gains: number[];
}

/**
 * Each word's keep rate (how often a TL;DR keeps it when its abstract has it) as log odds
 * against the average word's, for words seen in at least `minCount` abstracts.
 */
export function keepRates(examples: readonly Pick<Example, 'words' | 'kept'>[], minCount: number, smoothing: number): Vocabulary {
  const seen = new Map<string, number>();
  const kept = new Map<string, number>();
  let all = 0;
  let allKept = 0;
  for (const e of examples) {
    for (const w of e.words) {
      seen.set(w, (seen.get(w) ?? 0) + 1);
      all++;
      if (e.kept.has(w)) {
        kept.set(w, (kept.get(w) ?? 0) + 1);
        allKept++;
      }
    }
  }
  const base = allKept / Math.max(all, 1);
  const logit = (p: number) => Math.log(p / (1 - p));
  const rates = new Map<string, number>();
  for (const [w, n] of seen) {
    if (n < minCount) continue;
    const rate = ((kept.get(w) ?? 0) + smoothing * base) / (n + smoothing);
    rates.set(w, Number((logit(rate) - logit(base)).toFixed(2)));
  }
  return rates;
}

/**
 * Fits the TL;DR model on papers with human TL;DRs: first the word keep model (logistic, one
 * row per distinct abstract word, label: a TL;DR keeps it), then the candidate ranker (listwise,
 * gains: each candidate's ROUGE-1 F1 against the TL;DRs). Deterministic: same papers in the same
 * order, same bytes.
 */
export function trainModel(papers: readonly TrainingPaper[], settings: TrainingSettings = TRAINING_SETTINGS): TldrModel {
  const examples: Example[] = papers.map((paper) => {
    const { prepared, candidates } = trainingCandidates(paper);
    const kept = new Set(paper.targets.flatMap(rougeTokens));
    return {
      prepared,
      candidates,
      words: new Set(prepared.analysis.tokens.flat()),
      kept,
      gains: candidates.map((c) => bestRougeF1(c.text, paper.targets).r1),
    };
  });
  const fold = (i: number) => i % settings.folds;
  const foldRates = Array.from({ length: settings.folds }, (_, f) =>
    keepRates(examples.filter((_, i) => fold(i) !== f), settings.minCount, settings.smoothing),
  );

  const rows: number[][] = [];
  const labels: number[] = [];
  examples.forEach((e, i) => {
    forEachWord(e.prepared.analysis, foldRates[fold(i)]!, (word, x) => {
      rows.push(Array.from(x));
      labels.push(e.kept.has(word) ? 1 : 0);
    });
  });
  const keepWeights = fitLogistic(rows, labels, TOKEN_FEATURES.indexOf('bias'), { l2: settings.keepL2, steps: settings.keepSteps }).map(round);

  const groups = examples
    .map((e, i) => ({
      rows: candidateFeatures(e.prepared.analysis, e.candidates, foldRates[fold(i)]!, linearScore(keepWeights)),
      gains: e.gains,
    }))
    .filter((g) => g.rows.length > 1);
  const rankWeights = fitListwise(groups, settings.temperature, { l2: settings.rankL2, steps: settings.rankSteps }).map(round);

  return {
    about:
      'TL;DR model of lib/summary, written by `npm run train:tldr` from SciTLDR-A train: a logistic word keep model ' +
      '(keep.weights over keep.features; vocabulary: each frequent word’s keep rate as log odds against the average word) ' +
      'and a listwise linear ranker over candidate TL;DRs (rank.weights over rank.features). See lib/summary/README.md.',
    training: { papers: papers.length, ...settings },
    keep: { features: [...TOKEN_FEATURES], weights: keepWeights },
    rank: { features: [...CANDIDATE_FEATURES], weights: rankWeights },
    vocabulary: keepRates(examples, settings.minCount, settings.smoothing),
  };
}
