/** Abbreviations (lower-case, final period removed) that never end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'al', 'cf', 'vs', 'resp', 'approx', 'viz', 'w.r.t', 'a.k.a',
  'dr', 'mr', 'mrs', 'ms', 'prof', 'inc', 'ltd', 'corp', 'jr', 'sr', 'u.s',
  'fig', 'figs', 'eq', 'eqs', 'sec', 'secs', 'tab', 'ref', 'refs', 'ch', 'pp', 'vol',
]);

/**
 * Abbreviations that are also ordinary words ("no", "app"), so they only
 * count when a number follows, as in "No. 5".
 */
const NUMBERED_ABBREVIATIONS = new Set(['no', 'nos', 'app', 'art', 'thm', 'def', 'lem', 'prop', 'alg']);

/**
 * Words that list-closing abbreviations ("etc.") may end a sentence before:
 * "records PM2.5, CO, etc. The data …" splits, "etc. Transformers" does not.
 */
const SENTENCE_OPENERS = /^(?:The|We|This|These|Those|Our|In|It|Its|However|Such|Finally|A|An|Moreover|Furthermore|To|Experiments|Results|Here|Thus|Therefore)\b/;
const LIST_END_ABBREVIATIONS = new Set(['etc', 'e.t.c']);

/**
 * Splits an abstract into sentences. A terminator ends a sentence only when
 * whitespace and an upper-case letter, digit, quote or bracket follow, and the
 * word before it is not a known abbreviation. Decimals ("3.5%") and URLs never
 * split because their periods are not followed by whitespace.
 */
export function splitSentences(text: string): string[] {
  const normalized = text.replace(/\s+/g, ' ').trim();
  if (normalized === '') return [];
  const sentences: string[] = [];
  const boundary = /[.!?]+["')\]]*(?= ["'([]?[A-Z0-9])/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(normalized)) !== null) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && endsWithAbbreviation(normalized.slice(start, match.index), normalized.slice(end + 1, end + 40))) {
      continue;
    }
    sentences.push(normalized.slice(start, end).trim());
    start = end;
  }
  const rest = normalized.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

function endsWithAbbreviation(before: string, after: string): boolean {
  // The last word, found from the end: an anchored regex would rescan the text for every period.
  const word = before.slice(before.lastIndexOf(' ') + 1).replace(/^[("'[]+/, '').toLowerCase();
  if (word === '') return false;
  if (ABBREVIATIONS.has(word)) return true;
  if (LIST_END_ABBREVIATIONS.has(word)) return !SENTENCE_OPENERS.test(after);
  if (NUMBERED_ABBREVIATIONS.has(word)) return /^\(?\d/.test(after);
  // Dotted acronyms not in the list, such as "U.K." or "a.k.a.".
  return /^([a-z]\.)+[a-z]$/.test(word);
}
