import { clausePrefixes, dropLeadIn, dropParentheticals, truncateAtClause } from './compress.ts';
import { keyResultOfPlainText } from './key-result.ts';
import { wordCount } from './text.ts';

/** Longest TL;DR we emit, in words. */
export const MAX_WORDS = 30;

/** A clause cut leaving fewer words than this loses the point; cut at the word limit instead. */
const MIN_CLAUSE_WORDS = 12;

/** Shortest clause-cut prefix worth offering: "We propose FlatFormer" (3) is a TL;DR, "We propose" is not. */
const MIN_PREFIX_WORDS = 5;

/** A sentence longer than this leaves no room for a second one in {@link MAX_WORDS}. */
const MAX_JOIN_HEAD_WORDS = 22;

/** Below this many words a sentence has room for the key result (the issue-6 rule, kept as one candidate). */
const SHORT_SENTENCE_WORDS = 15;

/** How a candidate was made from the abstract. */
export const CANDIDATE_KINDS = ['sentence', 'prefix', 'join', 'result'] as const;

/** How a candidate was made: a whole sentence, a clause-cut prefix, two sentences, or a sentence and the key result. */
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

/** One possible TL;DR of an abstract, with where it came from. */
export interface Candidate {
  /** The TL;DR: one finished sentence (capitalised, one final period). */
  text: string;
  kind: CandidateKind;
  /** Index of the sentence it starts from. */
  sentence: number;
  /** Index of the sentence joined after it, or -1. */
  joined: number;
}

/**
 * A sentence ready to stand alone: citations and asides dropped (the title's names kept),
 * framing lead-ins removed ("In this paper, we …" → "We …").
 */
export function cleanSentence(sentence: string, keepNames: string[]): string {
  return dropLeadIn(dropParentheticals(sentence.replace(SECTION_LABEL, ''), keepNames))
    .replace(SECOND_STEP, '$1')
    .replace(/[.!?]+$/, '')
    .trim();
}

/** A structured abstract's section label: "Objective To solve …", "Methods: We formulated …". */
const SECTION_LABEL = /^(?:Objectives?|Methods?|Background|Results?|Conclusions?|Purpose|Aims?|Motivation|Materials and methods)\s*[:.]?\s+(?=\p{Lu})/u;

/** "We also propose" / "We then show": the adverb points at a step the TL;DR does not have, and the sentence reads without it. */
const SECOND_STEP = /^((?:We|Our\s+\S+|This\s+\S+)\s+)(?:also|further|additionally|then|next|first|finally|now|again|instead)\s+(?=\w)/;

/** Lower-cases a leading function word so a clause can follow a semicolon; "OFA outperforms" keeps its acronym. */
export function joinable(clause: string): string {
  return clause.replace(/^(The|Our|We|It|Its|This|These|Their|In|On|With|Compared|A|An|By|For|To|Using|Experiments|Results|Extensive)\b/, (w) => w.toLowerCase());
}

/** The sentence shortened to {@link MAX_WORDS}, cut at a clause boundary when it can be. */
export function fitToLimit(sentence: string): string {
  return truncateAtClause(sentence, MAX_WORDS, MIN_CLAUSE_WORDS);
}

/** Capitalises and ends with a single period; text of only punctuation is returned as is. */
export function finishSentence(text: string): string {
  const trimmed = text.trim();
  const body = trimmed.replace(/[\s,;:.!?\-–—(]+$/, '');
  if (body === '') return trimmed;
  return body.charAt(0).toUpperCase() + body.slice(1) + '.';
}

/**
 * The TL;DRs that start from the given sentences (indices into `sentences`): each sentence
 * (cleaned, cut to the word limit), its clause-cut prefixes, the sentence joined with the next
 * one when both fit, and a short sentence joined with the abstract's key result (issue 6's
 * rule). Each is a finished sentence, listed once.
 */
export function candidatesOf(sentences: string[], from: readonly number[], abstract: string, title: string, keepNames: string[]): Candidate[] {
  const cleaned = new Map<number, string>();
  const clean = (i: number) => {
    let text = cleaned.get(i);
    if (text === undefined && i < sentences.length) cleaned.set(i, (text = cleanSentence(sentences[i]!, keepNames)));
    return text;
  };
  // Found only when a short sentence has room for it: the search is the slowest step here.
  let result: string | null | undefined;
  const keyResult = () => {
    if (result === undefined) {
      const claim = keyResultOfPlainText(abstract, title);
      result = claim === null ? null : dropParentheticals(claim, []);
    }
    return result;
  };
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const add = (body: string, kind: CandidateKind, sentence: number, joined = -1) => {
    const text = finishSentence(body);
    if (seen.has(text)) return;
    seen.add(text);
    candidates.push({ text, kind, sentence, joined });
  };
  for (const i of from) {
    const text = clean(i)!;
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const whole = fitToLimit(text);
    add(whole, 'sentence', i);
    for (const prefix of clausePrefixes(text, MIN_PREFIX_WORDS, MAX_WORDS)) add(prefix, 'prefix', i);
    const words = wordCount(whole);
    const next = clean(i + 1);
    if (words <= MAX_JOIN_HEAD_WORDS && next !== undefined && /[\p{L}\p{N}]/u.test(next) && words + wordCount(next) <= MAX_WORDS) {
      add(`${whole}; ${joinable(next)}`, 'join', i, i + 1);
    }
    const result = words < SHORT_SENTENCE_WORDS ? keyResult() : null;
    if (result !== null && !whole.includes(result)) {
      const cut = truncateAtClause(result, MAX_WORDS - words, 4);
      // A claim cut short of its number is no longer a result.
      if (/\d/.test(cut)) add(`${whole}; ${joinable(cut)}`, 'result', i);
    }
  }
  return candidates;
}
