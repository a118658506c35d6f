import { CANDIDATE_FEATURES } from './candidate-features.ts';
import { TOKEN_FEATURES, type Vocabulary } from './keep-model.ts';

/**
 * The trained TL;DR model, as `npm run train:tldr` writes it to model.json: a logistic word
 * keep model (its weights over {@link TOKEN_FEATURES}, plus each frequent word's own keep rate)
 * and a linear ranker over {@link CANDIDATE_FEATURES}. Feature names are stored beside the
 * weights so a model trained for other features is refused rather than misread.
 */
export interface TldrModel {
  about: string;
  training: Record<string, number | string>;
  keep: { features: string[]; weights: number[] };
  rank: { features: string[]; weights: number[] };
  vocabulary: Vocabulary;
}

function numbers(value: unknown, length: number, where: string): number[] {
  if (!Array.isArray(value) || value.length !== length || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new Error(`TL;DR model: ${where} must be ${length} finite numbers`);
  }
  return value as number[];
}

function layer(value: unknown, expected: readonly string[], where: string): { features: string[]; weights: number[] } {
  const v = (value ?? {}) as { features?: unknown; weights?: unknown };
  if (JSON.stringify(v.features) !== JSON.stringify(expected)) {
    throw new Error(`TL;DR model: ${where}.features do not match the code's (${expected.join(', ')}); run npm run train:tldr`);
  }
  return { features: [...expected], weights: numbers(v.weights, expected.length, `${where}.weights`) };
}

/** Checks that a parsed model.json fits this code: same features in the same order, finite weights. */
export function checkModel(value: unknown): TldrModel {
  if (typeof value !== 'object' || value === null) throw new Error('TL;DR model: expected a JSON object');
  const v = value as Record<string, unknown>;
  const vocabulary = v.vocabulary;
  if (typeof vocabulary !== 'object' || vocabulary === null || !Object.values(vocabulary).every((x) => typeof x === 'number')) {
    throw new Error('TL;DR model: vocabulary must map words to numbers');
  }
  return {
    about: String(v.about ?? ''),
    training: (v.training ?? {}) as Record<string, number | string>,
    keep: layer(v.keep, TOKEN_FEATURES, 'keep'),
    rank: layer(v.rank, CANDIDATE_FEATURES, 'rank'),
    // A Map, not the object: a word like "constructor" must not find Object.prototype's.
    vocabulary: new Map(Object.entries(vocabulary as Record<string, number>)),
  };
}

/** The model as model.json stores it: the vocabulary as an object, words in sorted order. */
export function modelToJson(model: TldrModel): string {
  const vocabulary = Object.fromEntries([...model.vocabulary].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ ...model, vocabulary }, null, 1) + '\n';
}

/** `w · x` for a weight vector. */
export function linearScore(weights: readonly number[]): (x: ArrayLike<number>) => number {
  return (x) => {
    let sum = 0;
    for (let k = 0; k < weights.length; k++) sum += weights[k]! * x[k]!;
    return sum;
  };
}
