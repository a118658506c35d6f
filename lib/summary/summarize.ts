import { splitSentences } from './split-sentences.ts';

/** Longest TL;DR we emit, in words. */
export const MAX_WORDS = 30;

const CONTRIBUTION_CUE = /\bwe\s+(propose|present|introduce|develop)\w*/i;

/**
 * Returns a one-sentence TL;DR of at most {@link MAX_WORDS} words: the
 * sentence that states the contribution, else the first sentence.
 */
export function summarize(input: { title: string; abstract: string }): string {
  const sentences = splitSentences(input.abstract);
  const chosen = sentences.find((s) => CONTRIBUTION_CUE.test(s)) ?? sentences[0] ?? input.title.trim();
  return finishSentence(chosen, MAX_WORDS);
}

/** Truncates to `maxWords`, capitalises and ends with a single period. */
export function finishSentence(text: string, maxWords: number): string {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return '';
  const kept = words.slice(0, maxWords).join(' ');
  const body = kept.replace(/[\s,;:.!?\-–—(]+$/, '');
  // Input made only of punctuation has no body to capitalise; keep it verbatim.
  if (body === '') return kept;
  return body.charAt(0).toUpperCase() + body.slice(1) + '.';
}
