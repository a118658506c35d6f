import { dropLeadIn, dropParentheticals, truncateAtClause } from './compress.ts';
import { keyResultOfPlainText } from './key-result.ts';
import { plainText } from './plain-text.ts';
import { selectSentence } from './select-sentence.ts';
import { splitSentences } from './split-sentences.ts';
import { wordCount } from './text.ts';
import { titleNames } from './title-names.ts';

/** Longest TL;DR we emit, in words. */
const MAX_WORDS = 30;

/** Below this many words the chosen sentence has room for the key result. */
const SHORT_SENTENCE_WORDS = 15;

/** A clause cut leaving fewer words than this loses the point; cut at the word limit instead. */
const MIN_CLAUSE_WORDS = 12;

/**
 * Returns a one-sentence TL;DR of at most {@link MAX_WORDS} words: the
 * abstract sentence that most likely states the contribution, stripped of
 * lead-ins, citations and asides, cut at a clause boundary if still too long.
 */
export function summarize(input: { title: string; abstract: string }): string {
  const abstract = plainText(input.abstract);
  const sentences = splitSentences(abstract);
  const chosen = sentences[selectSentence(sentences, input.title)];
  if (chosen === undefined) return finishSentence(truncateAtClause(input.title, MAX_WORDS, MIN_CLAUSE_WORDS));
  const compressed = truncateAtClause(dropLeadIn(dropParentheticals(chosen, titleNames(input.title))), MAX_WORDS, MIN_CLAUSE_WORDS);
  // Compression and cutting only remove text; a sentence of bare punctuation
  // ("!!!") can lose everything, and then the sentence itself is the answer.
  if (!/[\p{L}\p{N}]/u.test(compressed)) return chosen.split(/\s+/).slice(0, MAX_WORDS).join(' ');
  return finishSentence(withKeyResult(compressed, abstract, input.title));
}

/**
 * Appends the (plain-text) abstract's quantitative claim to a short method sentence, so the
 * TL;DR says both what the paper does and how well it works.
 */
function withKeyResult(sentence: string, abstract: string, title: string): string {
  const words = wordCount(sentence);
  const found = keyResultOfPlainText(abstract, title);
  const result = found === null ? null : dropParentheticals(found, []);
  if (result === null || words >= SHORT_SENTENCE_WORDS || sentence.includes(result)) return sentence;
  const claim = truncateAtClause(result, MAX_WORDS - words, 4);
  // A claim cut short of its number is no longer a result.
  if (!/\d/.test(claim)) return sentence;
  // Lower-case a leading function word only; "OFA outperforms" keeps its acronym.
  const joined = claim.replace(/^(The|Our|We|It|Its|This|These|Their|In|On|With|Compared)\b/, (w) => w.toLowerCase());
  return `${sentence.replace(/[.!?]+$/, '')}; ${joined}`;
}

/** Capitalises and ends with a single period; text of only punctuation is returned as is. */
function finishSentence(text: string): string {
  const trimmed = text.trim();
  const body = trimmed.replace(/[\s,;:.!?\-–—(]+$/, '');
  if (body === '') return trimmed;
  return body.charAt(0).toUpperCase() + body.slice(1) + '.';
}
