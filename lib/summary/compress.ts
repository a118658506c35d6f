import { wordCount } from './text.ts';

/** Sentence-initial connectives that only link to the previous sentence. */
const CONNECTIVE = /^(?:however|specifically|in particular|finally|furthermore|moreover|additionally|in addition|also|then|thus|therefore|hence|consequently|as a result|to this end|in contrast|instead|here|first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|overall|in summary|in short|to summarize|concretely|importantly|notably|crucially|further|besides|meanwhile|as such|in practice|empirically|theoretically|experimentally),?\s+/i;

/** "In this paper," and its variants: pure framing, no content. */
const THIS_PAPER_LEAD = /^(?:in|with)\s+(?:this|the present|our)\s+(?:paper|work|study|article|submission|note|report)\s*,?\s*/i;

/** "Based on X, we propose Y" / "To address this, we …": the clause before "we" is context. */
const LEAD_IN_CLAUSE = /^[^,;]{0,200}?,\s+(?:here\s+)?(we\b.*)$/i;

/**
 * Places where a long sentence can be cut and still read as a sentence. A bare
 * "and" counts only before a verb-like word ("and enables"), not inside a
 * phrase ("linear and nonlinear").
 */
const CLAUSE_BOUNDARY = /(?:[,;:]|\s--|\s—)\s|\s(?=(?:which|where|while|whereas|by|using|via|through|based on|in order to|so that|thereby|without|with|to)\s|and\s+\w+(?:s|ed)\s)/g;

/** Words a truncated sentence must not end on. */
const DANGLING = /\s+(?:a|an|the|of|to|for|in|on|at|by|with|and|or|as|from|into|that|which|is|are|its|their|our|this|these|than|via|using)$/i;

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
 * Shortens a sentence to at most `maxWords` words, preferring to cut at the
 * last clause boundary that keeps at least `minWords`, and never ending on a
 * function word.
 */
export function truncateAtClause(sentence: string, maxWords: number, minWords: number): string {
  const body = sentence.trim().replace(/[.!?]+$/, '');
  if (wordCount(body) <= maxWords) return body;
  let cut = '';
  for (const match of body.matchAll(CLAUSE_BOUNDARY)) {
    const prefix = body.slice(0, match.index);
    const words = wordCount(prefix);
    if (words > maxWords) break;
    if (words >= minWords) cut = prefix;
  }
  if (cut === '') cut = body.split(/\s+/).slice(0, maxWords).join(' ');
  cut = dropOpenBracket(cut);
  let previous: string;
  do {
    previous = cut;
    cut = cut.replace(DANGLING, '').replace(/[\s,;:\-–—(]+$/, '');
  } while (cut !== previous);
  return cut;
}
