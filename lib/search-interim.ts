import { tokenize } from './match/normalize';

/**
 * The cheap answer while the index loads: whether every word of the query starts a word of the
 * title (the papers already listed are filtered with it, so typing is never answered by nothing).
 */
export function titleHasWords(title: string, query: string): boolean {
  const words = tokenize(query).map((t) => t.text);
  if (words.length === 0) return false;
  const titleWords = tokenize(title).map((t) => t.text);
  return words.every((w) => titleWords.some((t) => t.startsWith(w)));
}
