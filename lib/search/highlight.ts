import { tokenize } from '../match/normalize';

/** A highlighted stretch of source text, [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** The ranges of the words of `text` that the query matched (its normalized form is in `terms`). */
export function highlightRanges(text: string, terms: ReadonlySet<string>): Range[] {
  if (terms.size === 0) return [];
  const ranges: Range[] = [];
  for (const t of tokenize(text)) if (terms.has(t.text)) ranges.push({ start: t.start, end: t.end });
  return ranges;
}

/** A window of a long text around its first matched word, with the matches inside it. */
export interface Snippet {
  text: string;
  ranges: Range[];
}

/**
 * Cuts `radius` characters either side of the first match (at word boundaries, with ellipses)
 * so an abstract or note hit shows why the paper was found. Without a match, the text's start.
 */
export function snippet(text: string, terms: ReadonlySet<string>, radius = 90): Snippet {
  const all = highlightRanges(text, terms);
  const first = all[0];
  let from = first ? Math.max(0, first.start - radius) : 0;
  let to = Math.min(text.length, (first ? first.end : 0) + radius * (first ? 1 : 2));
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && (!first || space < first.start)) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > (first?.end ?? from)) to = space;
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shift = prefix.length - from;
  return {
    text: prefix + text.slice(from, to) + suffix,
    ranges: all.filter((r) => r.start >= from && r.end <= to).map((r) => ({ start: r.start + shift, end: r.end + shift })),
  };
}
