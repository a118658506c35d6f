import type { Candidate } from './candidates.ts';
import { keepProbabilities, type KeepScorer, type TokenContext, type Vocabulary } from './keep-model.ts';
import { rougeTokens } from './rouge.ts';
import { argmax, handScore } from './hand-score.ts';
import { sentenceFeatures, type SentenceFeatures } from './sentence-features.ts';
import { isContentToken, wordCount } from './text.ts';
import { titleNames } from './title-names.ts';

/**
 * What the ranker knows about a candidate TL;DR. The `expected*` features come from the word
 * keep model (how many of the words a human TL;DR keeps the candidate holds, per word and in
 * all); `hand*` and `sentence.*` are issue 6's weight-free sentence score and its inputs, for
 * the sentence the candidate starts from.
 */
export const CANDIDATE_FEATURES = [
  'expectedOverlap',
  'expectedPrecision',
  'expectedRecall',
  'expectedF1',
  'expectedContentOverlap',
  'contentWords',
  'titleCoverage',
  'titleContentMissing',
  'expectedF1Short',
  'expectedF1Long',
  'words',
  'wordsSquared',
  'keptFraction',
  'prefix',
  'join',
  'result',
  'handScore',
  'handBest',
  'handRank',
  'joinedHandScore',
  'startsWithWe',
  'hasTitleName',
  'hasNumber',
  'sentence.contribution',
  'sentence.weVerb',
  'sentence.thisPaper',
  'sentence.naming',
  'sentence.background',
  'sentence.evidence',
  'sentence.boilerplate',
  'sentence.titleOverlap',
  'sentence.centrality',
  'sentence.position',
  'sentence.first',
  'sentence.lengthDeviation',
] as const;

/** Typical length of a human TL;DR in ROUGE tokens, for the expected F1. */
const REFERENCE_LENGTH = 20;

/** An abstract taken apart once for all of its candidates. */
export interface Analysis extends TokenContext {
  handScores: number[];
  /** The title's acronyms and coined names, which compression keeps. */
  keepNames: string[];
}

/** Reads the sentences (of an abstract already in plain text) and the title once for all candidates. */
export function analyse(sentences: string[], title: string): Analysis {
  const tokens = sentences.map(rougeTokens);
  const features = sentenceFeatures(sentences, title, tokens);
  const handScores = features.map(handScore);
  const keepNames = titleNames(title);
  return {
    sentences,
    tokens,
    sentenceFeatures: features,
    titleTokens: new Set(rougeTokens(title)),
    titleNameTokens: new Set(keepNames.flatMap(rougeTokens)),
    handBest: argmax(handScores),
    handScores,
    keepNames,
  };
}

/** Rank of each score, 0 for the highest (ties share the better rank). */
function ranks(scores: readonly number[]): number[] {
  return scores.map((s) => scores.filter((other) => other > s).length);
}

const SENTENCE_KEYS = CANDIDATE_FEATURES.filter((f) => f.startsWith('sentence.')).map(
  (f) => f.slice('sentence.'.length) as keyof SentenceFeatures,
);

/**
 * The feature vector of each candidate, in {@link CANDIDATE_FEATURES} order, given the word
 * keep model's vocabulary and weights.
 */
export function candidateFeatures(
  analysis: Analysis,
  candidates: readonly Candidate[],
  vocabulary: Vocabulary,
  keepScore: KeepScorer,
): number[][] {
  const keep = keepProbabilities(analysis, vocabulary, keepScore);
  let totalKeep = 0;
  for (const p of keep.values()) totalKeep += p;
  const handRanks = ranks(analysis.handScores);
  const sourceWords = analysis.sentences.map(wordCount);
  const titleContent = [...analysis.titleTokens].filter(isContentToken).length;
  return candidates.map((candidate) => {
    const tokens = rougeTokens(candidate.text);
    let overlap = 0;
    let contentOverlap = 0;
    let contentWords = 0;
    let titleCovered = 0;
    for (const t of new Set(tokens)) {
      const p = keep.get(t) ?? 0;
      overlap += p;
      if (isContentToken(t)) {
        contentOverlap += p;
        contentWords++;
        if (analysis.titleTokens.has(t)) titleCovered++;
      }
    }
    const length = Math.max(tokens.length, 1);
    const words = wordCount(candidate.text);
    const sentence = analysis.sentenceFeatures[candidate.sentence]!;
    return [
      overlap,
      overlap / length,
      totalKeep === 0 ? 0 : overlap / totalKeep,
      (2 * overlap) / (length + REFERENCE_LENGTH),
      contentOverlap,
      contentWords / 10,
      titleContent === 0 ? 0 : titleCovered / titleContent,
      (titleContent - titleCovered) / 5,
      (2 * overlap) / (length + 12),
      (2 * overlap) / (length + 30),
      words / 10,
      ((words - 20) / 10) ** 2,
      Math.min(words / Math.max(sourceWords[candidate.sentence]!, 1), 1),
      candidate.kind === 'prefix' ? 1 : 0,
      candidate.kind === 'join' ? 1 : 0,
      candidate.kind === 'result' ? 1 : 0,
      analysis.handScores[candidate.sentence]!,
      candidate.sentence === analysis.handBest ? 1 : 0,
      Math.min(handRanks[candidate.sentence]!, 3) / 3,
      candidate.joined === -1 ? 0 : analysis.handScores[candidate.joined]!,
      /^we\b/i.test(candidate.text) ? 1 : 0,
      analysis.keepNames.some((name) => candidate.text.includes(name)) ? 1 : 0,
      /\d/.test(candidate.text) ? 1 : 0,
      ...SENTENCE_KEYS.map((key) => sentence[key]),
    ];
  });
}
