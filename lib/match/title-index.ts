import { normalizeTitle, stripTitleAffixes, tokenize, type Token } from './normalize';
import {
  byteAt,
  compareAt,
  compareStrings,
  indexOfSorted,
  isStringTable,
  lowerBound,
  packStrings,
  prefixRange,
  stringAt,
  tableSize,
  type StringTable,
} from './string-table';

/**
 * What the content script asks about in one scan. `title` candidates are elements a site
 * adapter says hold exactly one title (with site prefixes and suffixes around it); `text`
 * candidates are blocks of running text searched for titles inside them; `link` candidates are
 * links whose address names a paper by id (arXiv, alphaXiv, Hugging Face, DOI), matched by
 * lib/library/page-index.ts.
 */
export interface MatchCandidate {
  kind: 'title' | 'text' | 'link';
  /** title/text: the text; link: the absolute address. */
  text: string;
  /** Title candidates only: the arXiv id the page shows next to this title (arXiv listing, search and abstract pages). */
  arxivId?: string;
}

/** A recognized mention: which candidate, which paper, and where in the candidate's text. */
export interface PageMatch {
  candidate: number;
  id: string;
  /** Source character range of the mention inside the candidate's text (a whole link: 0 to its length). */
  start: number;
  end: number;
  /**
   * Set when a title carried an `arxivId` and was recognized by its text as a paper that has no
   * arXiv id yet: the background keeps it, so links to the paper are recognized from then on.
   */
  learnedArxivId?: string;
}

/** Longer than any paper title: text this long is a container or page text, never one title. */
export const MAX_TITLE_CHARS = 2_000;

/** A title found in running text: its id, title as stored, tokens and words. */
interface Entry {
  id: string;
  title: string;
  tokens: string[];
  /** Words as the catalog writes them, split at spaces only ("Multi-Scale Self-Attention" is two). */
  words: number;
}

/**
 * Everything one page scan needs, built once per papers revision: every distinct normalized
 * title (its tokens joined by single spaces) in sorted order, with its paper's id and its title
 * as stored. Sorted keys answer all three lookups by binary search: a whole title, a "…"
 * truncation (a unique prefix), and the titles whose tokens start at a word of running text
 * (the keys starting with those tokens are one run). Three packed string tables
 * (./string-table.ts), so the index IndexedDB stores is the index a woken service worker
 * searches, as it comes out of the database: no string is split, parsed or hashed on waking.
 */
export interface TitleIndex {
  /** Normalized titles, sorted in code point order, one per distinct title. */
  keys: StringTable;
  /** The paper id of each key (the first paper with that title). */
  ids: StringTable;
  /** The title of each key as the paper has it, for telling a title-cased mention from prose. */
  titles: StringTable;
}

/**
 * Titles of fewer words than this are matched in running text only in quotes or title case.
 * Words, not tokens: hyphens make "multi-scale self-attention for text classification" eight
 * tokens, yet in lowercase prose it is an ordinary phrase.
 */
export const LONG_TITLE_WORDS = 6;
/** A "…" cut title must keep at least this many words to be recognized. */
export const MIN_TRUNCATED_TOKENS = 6;

export function buildTitleIndex(papers: Iterable<{ id: string; title: string }>): TitleIndex {
  const rows: { key: string; id: string; title: string }[] = [];
  const seen = new Set<string>();
  for (const { id, title } of papers) {
    const key = normalizeTitle(title);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    rows.push({ key, id, title });
  }
  rows.sort((a, b) => compareStrings(a.key, b.key));
  return {
    keys: packStrings(rows.map((r) => r.key)),
    ids: packStrings(rows.map((r) => r.id)),
    titles: packStrings(rows.map((r) => r.title)),
  };
}

/** Whether `value` has the shape of a title index (checked before a stored one is used). */
export function isTitleIndex(value: unknown): value is TitleIndex {
  if (typeof value !== 'object' || value === null) return false;
  const { keys, ids, titles } = value as TitleIndex;
  return (
    isStringTable(keys) &&
    isStringTable(ids) &&
    isStringTable(titles) &&
    ids.ends.length === keys.ends.length &&
    titles.ends.length === keys.ends.length
  );
}

/** The id of the paper whose normalized title is exactly `key`, or null. */
export function findTitle(index: TitleIndex, key: string): string | null {
  const at = indexOfSorted(index.keys, key);
  return at === -1 ? null : stringAt(index.ids, at);
}

/** The id of the one title starting with `prefix`, or null when none or several do. */
function uniquePrefix(index: TitleIndex, prefix: string, wholeWord: boolean): string | null {
  const { from, to, length } = prefixRange(index.keys, prefix);
  let found = -1;
  for (let k = from; k < to; k++) {
    const next = byteAt(index.keys, k, length);
    if (wholeWord && next !== -1 && next !== SPACE) continue;
    if (found !== -1) return null;
    found = k;
  }
  return found === -1 ? null : stringAt(index.ids, found);
}

const SPACE = 32;

/**
 * The longest title of two tokens or more whose tokens start at `i`, or null. The keys equal
 * to some tokens `p` or starting with `p + ' '` are one run of the sorted keys, from `p` up to
 * `p + '!'` (no key holds a character between space and "!"); each further token narrows it.
 */
function titleAt(index: TitleIndex, tokens: Token[], i: number): Entry | null {
  const { keys } = index;
  let lo = 0;
  let hi = tableSize(keys);
  let best = -1;
  let prefix = '';
  for (let n = 0; i + n < tokens.length; n++) {
    prefix = n === 0 ? tokens[i]!.text : `${prefix} ${tokens[i + n]!.text}`;
    lo = lowerBound(keys, prefix, lo, hi);
    hi = lowerBound(keys, `${prefix}!`, lo, hi);
    if (lo >= hi) break;
    if (n >= 1 && compareAt(keys, lo, prefix) === 0) best = lo;
  }
  if (best === -1) return null;
  const title = stringAt(index.titles, best);
  return { id: stringAt(index.ids, best), title, tokens: stringAt(keys, best).split(' '), words: title.trim().split(/\s+/).length };
}

/** What may follow a title inside a title element: authors, a year, venue after a separator. */
const SUFFIX_START = /^\s*(?:$|[,.;:?!(|[–—·•/-]|by\s|\d{4}\b)/;
const OPEN_QUOTES = '"“„«‹\'‘';
const CLOSE_QUOTES = '"”»›\'’';

/**
 * A candidate that holds one title: exactly a title, the start of one cut with "…", or a
 * title followed by an author/year suffix outside it. Returns the paper and the title's source
 * range in the candidate (site tags such as `[CITATION]` and suffixes left outside it).
 */
function matchTitle(index: TitleIndex, shown: string): { id: string; start: number; end: number } | null {
  const all = tokenize(shown);
  if (all.length === 0) return null;
  const whole = { start: all[0]!.start, end: all[all.length - 1]!.end };
  const direct = findTitle(index, all.map((t) => t.text).join(' '));
  if (direct) return { id: direct, ...whole };
  const { text, start: offset, truncated, cutMidWord } = stripTitleAffixes(shown);
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const range = (last: number) => ({ start: offset + tokens[0]!.start, end: offset + tokens[last]!.end });
  const key = tokens.map((t) => t.text).join(' ');
  const stripped = findTitle(index, key);
  if (stripped) return { id: stripped, ...range(tokens.length - 1) };
  if (truncated) {
    const id = tokens.length >= MIN_TRUNCATED_TOKENS ? uniquePrefix(index, key, !cutMidWord) : null;
    return id ? { id, ...range(tokens.length - 1) } : null;
  }
  const entry = titleAt(index, tokens, 0);
  if (!entry) return null;
  const end = tokens[entry.tokens.length - 1]!.end;
  return SUFFIX_START.test(text.slice(end)) ? { id: entry.id, ...range(entry.tokens.length - 1) } : null;
}

/** Whether the mention sits between quotes (`“Title,”` counts). */
function quoted(text: string, start: number, end: number): boolean {
  let b = start - 1;
  while (b >= 0 && /\s/.test(text[b]!)) b--;
  let a = end;
  while (a < text.length && /[\s.,;:!?]/.test(text[a]!)) a++;
  return b >= 0 && a < text.length && OPEN_QUOTES.includes(text[b]!) && CLOSE_QUOTES.includes(text[a]!);
}

/** Whether the mention is written in title case: as the catalog writes it, or Capitalized Content Words. */
function titleCased(text: string, tokens: Token[], i: number, entry: Entry): boolean {
  const own = tokenize(entry.title);
  let sameAsCatalog = own.length === entry.tokens.length;
  let content = 0;
  let capitalized = 0;
  for (let k = 0; k < entry.tokens.length; k++) {
    const t = tokens[i + k]!;
    const word = text.slice(t.start, t.end);
    if (sameAsCatalog && word !== entry.title.slice(own[k]!.start, own[k]!.end)) sameAsCatalog = false;
    if (t.text.length >= 4 && /\p{L}/u.test(word[0]!)) {
      content++;
      if (word[0] !== word[0]!.toLowerCase()) capitalized++;
    }
  }
  return sameAsCatalog || (content >= 2 && capitalized === content);
}

/** An ellipsis in running text, then what a cut title shared in a post is followed by: a link. */
const CUT_THEN_LINK = /(\s?)(?:…|\.{3})["”»'’]?\s*(?=https?:\/\/|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)+\/)/giu;
/**
 * What a post puts before a title it quotes: a handle (`@_akhaliq`, `RT @user:`), "RT", an
 * opening quote, or the start of the post. The title runs from there to the ellipsis, with no
 * quote or handle inside.
 */
const CUT_OPENER = /(?:^\s*(?:RT\b\s*)?:?|@\w{1,30}\s*:?|\bRT\b\s*:?|["“„«‘])\s*([^"“”„«»@:\n][^"“”„«»@\n]{7,600})$/u;

/**
 * Titles cut short in social posts ("@_akhaliq Scaling Vision Transformers to…
 * arxiv.org/abs/…"): the words between the opener and the ellipsis must be the start of exactly
 * one catalog title, at least {@link MIN_TRUNCATED_TOKENS} words long.
 */
function matchCutTitles(index: TitleIndex, text: string, candidate: number, out: PageMatch[], from: number): void {
  CUT_THEN_LINK.lastIndex = 0;
  for (let m = CUT_THEN_LINK.exec(text); m; m = CUT_THEN_LINK.exec(text)) {
    const cutAt = m.index;
    const before = text.slice(Math.max(0, cutAt - 600), cutAt);
    const opened = CUT_OPENER.exec(before);
    if (!opened) continue;
    const start = cutAt - opened[1]!.length;
    const tokens = tokenize(opened[1]!);
    if (tokens.length < MIN_TRUNCATED_TOKENS) continue;
    const id = uniquePrefix(index, tokens.map((t) => t.text).join(' '), m[1] !== '');
    if (!id) continue;
    const range = { start: start + tokens[0]!.start, end: start + tokens[tokens.length - 1]!.end };
    // A full title already matched there wins.
    if (out.slice(from).some((o) => o.start < range.end && range.start < o.end)) continue;
    out.push({ candidate, id, ...range });
  }
}

/**
 * Running text: every title inside it, longest first, accepted when quoted, title-cased or
 * long; then titles cut short with "…" in social posts. Short titles in lowercase prose ("we
 * keep scaling vision transformers") are ordinary words, not mentions.
 */
function matchText(index: TitleIndex, text: string, candidate: number, out: PageMatch[]): void {
  const from = out.length;
  const tokens = tokenize(text);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const entry = titleAt(index, tokens, i);
    if (!entry) continue;
    const n = entry.tokens.length;
    const start = tokens[i]!.start;
    const end = tokens[i + n - 1]!.end;
    if (entry.words >= LONG_TITLE_WORDS || quoted(text, start, end) || titleCased(text, tokens, i, entry)) {
      out.push({ candidate, id: entry.id, start, end });
      i += n - 1;
    }
  }
  if (text.includes('…') || text.includes('...')) matchCutTitles(index, text, candidate, out, from);
}

/**
 * Matches one scan's candidates by title: whole-title elements and running-text blocks. Links
 * name papers by id, which only lib/library/page-index.ts knows: they are skipped here.
 */
export function matchCandidates(index: TitleIndex, candidates: readonly MatchCandidate[]): PageMatch[] {
  const out: PageMatch[] = [];
  candidates.forEach((c, i) => {
    if (c.kind === 'link') return;
    if (c.kind === 'title') {
      // Longer than any title: a container, not a title element.
      if (c.text.length > MAX_TITLE_CHARS) return;
      const found = matchTitle(index, c.text);
      if (found) out.push({ candidate: i, ...found });
    } else {
      matchText(index, c.text, i, out);
    }
  });
  return out;
}
