import { rougeTokens } from './rouge.ts';
import type { SentenceFeatures } from './sentence-features.ts';
import { isContentToken } from './text.ts';

/**
 * What is known about one word of an abstract when guessing whether a human TL;DR of the paper
 * keeps it. `lexical` is the word's own keep rate learned from the training TL;DRs (its log odds
 * against the average word, 0 for a word the vocabulary lacks); the rest describe where and how
 * often the word occurs.
 */
export const TOKEN_FEATURES = [
  'bias',
  'lexical',
  'inVocabulary',
  'inTitle',
  'inTitleName',
  'sentenceFrequency',
  'termFrequency',
  'firstPosition',
  'inFirstSentence',
  'inContributionSentence',
  'inHandBestSentence',
  'functionWord',
  'number',
  'capitalised',
  'bestSentenceScore',
  'meanSentenceScore',
  'sentenceShare',
  'once',
  'lexicalInTitle',
  'lexicalFunctionWord',
  'titleFunctionWord',
  'inSecondBest',
] as const;

/** The parts of an abstract the word features are read from. */
export interface TokenContext {
  /** ROUGE tokens of each sentence. */
  tokens: string[][];
  /** The abstract's sentences as written (for capitals). */
  sentences: string[];
  sentenceFeatures: SentenceFeatures[];
  titleTokens: ReadonlySet<string>;
  /** ROUGE tokens of the title's names ("ByteTransformer", "MMA"). */
  titleNameTokens: ReadonlySet<string>;
  /** The sentence the weight-free score of issue 6 picks. */
  handBest: number;
  /** Issue 6's weight-free score of each sentence. */
  handScores: number[];
}

/** A word that starts with a capital, brackets or quotes aside (sentences come with single spaces). */
const CAPITALISED = /^[^\p{L}]*\p{Lu}/u;

/** Each frequent word's learned keep rate: log odds against the average word's. */
export type Vocabulary = ReadonlyMap<string, number>;

/**
 * Calls `visit` with every distinct word of an abstract and its feature vector (in
 * {@link TOKEN_FEATURES} order). The vector is reused between calls: copy it to keep it.
 * Per-word counts live in typed arrays indexed by first appearance: this runs for every
 * summary, and one object per word made it the slowest step.
 */
export function forEachWord(context: TokenContext, vocabulary: Vocabulary, visit: (word: string, features: Float64Array) => void): void {
  const { tokens, sentences, sentenceFeatures, titleTokens, titleNameTokens, handBest, handScores } = context;
  const last = Math.max(tokens.length - 1, 1);
  const capitalised = new Set<string>();
  for (const sentence of sentences) {
    // Capitals after a sentence's first word mark names ("… the Transformer", "BERT").
    const words = sentence.split(' ');
    for (let w = 1; w < words.length; w++) if (CAPITALISED.test(words[w]!)) for (const t of rougeTokens(words[w]!)) capitalised.add(t);
  }
  let second = -1;
  for (let i = 0; i < handScores.length; i++) {
    if (i !== handBest && (second === -1 || handScores[i]! > handScores[second]!)) second = i;
  }
  const index = new Map<string, number>();
  let total = 0;
  for (const sentenceTokens of tokens) total += sentenceTokens.length;
  const sentenceCount = new Float64Array(total);
  const count = new Float64Array(total);
  const first = new Float64Array(total);
  const lastSentence = new Int32Array(total);
  const inContribution = new Float64Array(total);
  const inHandBest = new Float64Array(total);
  const inSecond = new Float64Array(total);
  const bestScore = new Float64Array(total);
  const scoreSum = new Float64Array(total);
  tokens.forEach((sentenceTokens, i) => {
    const score = handScores[i]!;
    const contribution = sentenceFeatures[i]!.contribution > 0;
    for (const t of sentenceTokens) {
      let k = index.get(t);
      if (k === undefined) {
        k = index.size;
        index.set(t, k);
        first[k] = i;
        lastSentence[k] = -1;
        bestScore[k] = -Infinity;
      }
      count[k]!++;
      if (lastSentence[k] === i) continue;
      lastSentence[k] = i;
      sentenceCount[k]!++;
      if (contribution) inContribution[k] = 1;
      if (i === handBest) inHandBest[k] = 1;
      if (i === second) inSecond[k] = 1;
      if (score > bestScore[k]!) bestScore[k] = score;
      scoreSum[k]! += score;
    }
  });
  const x = new Float64Array(TOKEN_FEATURES.length);
  for (const [t, k] of index) {
    const lexical = vocabulary.get(t);
    const inTitle = titleTokens.has(t) ? 1 : 0;
    const functionWord = isContentToken(t) ? 0 : 1;
    x[0] = 1;
    x[1] = lexical ?? 0;
    x[2] = lexical === undefined ? 0 : 1;
    x[3] = inTitle;
    x[4] = titleNameTokens.has(t) ? 1 : 0;
    x[5] = Math.log1p(sentenceCount[k]!);
    x[6] = Math.log1p(count[k]!);
    x[7] = first[k]! / last;
    x[8] = first[k] === 0 ? 1 : 0;
    x[9] = inContribution[k]!;
    x[10] = inHandBest[k]!;
    x[11] = functionWord;
    x[12] = /^\d+$/.test(t) ? 1 : 0;
    x[13] = capitalised.has(t) ? 1 : 0;
    x[14] = bestScore[k]!;
    x[15] = scoreSum[k]! / sentenceCount[k]!;
    x[16] = sentenceCount[k]! / tokens.length;
    x[17] = count[k] === 1 ? 1 : 0;
    x[18] = (lexical ?? 0) * inTitle;
    x[19] = (lexical ?? 0) * functionWord;
    x[20] = inTitle * functionWord;
    x[21] = inSecond[k]!;
    visit(t, x);
  }
}

/** The logistic function. */
function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Log odds of a word being kept, from its features. */
export type KeepScorer = (features: ArrayLike<number>) => number;

/** Probability, for each distinct word of an abstract, that a human TL;DR of the paper contains it. */
export function keepProbabilities(context: TokenContext, vocabulary: Vocabulary, score: KeepScorer): Map<string, number> {
  const probabilities = new Map<string, number>();
  forEachWord(context, vocabulary, (t, x) => probabilities.set(t, sigmoid(score(x))));
  return probabilities;
}
