import { endsDangling } from './readability.ts';
import { wordCount } from './text.ts';

/** Sentence-initial connectives that only link to the previous sentence. */
const CONNECTIVE = /^(?:however|specifically|in particular|finally|furthermore|moreover|additionally|in addition|also|then|thus|therefore|hence|consequently|as a result|to this end|in contrast|instead|here|first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|overall|in summary|in short|to summarize|concretely|importantly|notably|crucially|further|besides|meanwhile|as such|in practice|empirically|theoretically|experimentally),?\s+/i;

/** "In this paper," and its variants: pure framing, no content. */
const THIS_PAPER_LEAD = /^(?:in|with)\s+(?:this|the present|our)\s+(?:paper|work|study|article|submission|note|report)\s*,?\s*/i;

/** "Based on X, we propose Y" / "To address this, this paper …": the clause before the subject is context. */
const LEAD_IN_CLAUSE = /^[^,;]{0,200}?,\s+(?:here\s+|in this (?:paper|work),?\s+)?((?:we|this (?:paper|work|study|article)|our (?:paper|work))\b.*)$/i;

/**
 * Places where a long sentence can be cut and still read as a sentence. A bare
 * "and" counts only before a verb-like word ("and enables"), not inside a
 * phrase ("linear and nonlinear").
 */
const CLAUSE_BOUNDARY = /(?:[,;:]|\s--|\s—)\s|\s(?=(?:which|where|while|whereas|by|using|via|through|based on|in order to|so that|thereby|without|with|to)\s|and\s+\w+(?:s|ed)\s)/g;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Removes framing lead-ins so the sentence starts with its subject. */
export function dropLeadIn(sentence: string): string {
  let s = sentence.replace(CONNECTIVE, '').replace(THIS_PAPER_LEAD, '');
  const clause = LEAD_IN_CLAUSE.exec(s);
  if (clause) s = clause[1]!;
  return capitalise(s);
}

/** A coined method name such as "CoordFormer" or "DS-Softmax": capitals inside a word with lower-case letters. */
const COINED_NAME = /^(?=[\p{L}\p{N}-]*\p{Ll})[\p{L}\p{N}]*\p{Ll}[\p{L}\p{N}]*[\p{Lu}][\p{L}\p{N}-]*$|^\p{Lu}[\p{L}\p{N}]*-[\p{L}\p{N}-]+$/u;

/**
 * Removes citations and parentheticals, except a parenthetical that is the
 * method's coined name ("(CoordFormer)") or a name from `keep` (a title acronym).
 */
export function dropParentheticals(sentence: string, keep: string[]): string {
  return sentence
    .replace(/\s*\[[^\][]*\]/g, '')
    .replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
      const name = inner.trim();
      return keep.includes(name) || COINED_NAME.test(name) ? whole : '';
    })
    .replace(/\s+([,.;:])/g, '$1');
}

/** Never leave a bracket open: "accuracy (from" becomes "accuracy ". */
export function dropOpenBracket(text: string): string {
  const open = text.lastIndexOf('(');
  return open > text.lastIndexOf(')') ? text.slice(0, open) : text;
}

/**
 * Strips what a cut left dangling at the end (the words {@link endsDangling} rejects, and
 * punctuation): "… models for the" → "… models", "… such as" → "… models".
 */
export function trimDangling(text: string): string {
  let cut = dropOpenBracket(text).replace(/[\s,;:\-–—(]+$/, '');
  while (cut.includes(' ') && endsDangling(cut)) {
    cut = dropOpenBracket(cut.slice(0, cut.lastIndexOf(' '))).replace(/[\s,;:\-–—(]+$/, '');
  }
  return cut;
}

/**
 * Every prefix of a sentence that ends at a clause boundary and has between
 * `minWords` and `maxWords` words, shortest first, each trimmed of dangling words.
 */
export function clausePrefixes(sentence: string, minWords: number, maxWords: number): string[] {
  const body = sentence.trim().replace(/[.!?]+$/, '');
  // Word starts, so the words before a boundary are a binary search, not a recount per boundary.
  const starts = [...body.matchAll(/\S+/g)].map((m) => m.index);
  const wordsBefore = (position: number) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < position) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const prefixes: string[] = [];
  for (const match of body.matchAll(CLAUSE_BOUNDARY)) {
    // Trimming only removes words, so a prefix already too long before it stays too long.
    if (wordsBefore(match.index) - 8 > maxWords) break;
    const prefix = trimDangling(body.slice(0, match.index));
    const words = wordCount(prefix);
    if (words > maxWords) continue;
    if (words >= minWords && prefixes.at(-1) !== prefix) prefixes.push(prefix);
  }
  return prefixes;
}

/**
 * Shortens a sentence to at most `maxWords` words, preferring to cut at the
 * last clause boundary that keeps at least `minWords`, and never ending on a
 * function word.
 */
export function truncateAtClause(sentence: string, maxWords: number, minWords: number): string {
  const body = sentence.trim().replace(/[.!?]+$/, '');
  if (wordCount(body) <= maxWords) return body;
  const cut = clausePrefixes(body, minWords, maxWords).at(-1) ?? body.split(/\s+/).slice(0, maxWords).join(' ');
  return trimDangling(cut);
}
