import { stripTitleAffixes, tokenize, type Token } from './normalize';

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

/** One catalog title as the index keeps it. */
interface Entry {
  id: string;
  title: string;
  tokens: string[];
  /** Words as the catalog writes them, split at spaces only ("Multi-Scale Self-Attention" is two). */
  words: number;
}

/**
 * Everything one page scan needs, built once per papers revision: exact keys for whole-title
 * elements, a sorted key list for "…" truncations, and titles grouped by their first two tokens
 * so running text is matched in one pass over its tokens, whatever the catalog size.
 */
export interface TitleIndex {
  exact: Map<string, string>;
  /** First two tokens → titles starting with them, longest first (the longest mention wins). */
  heads: Map<string, Entry[]>;
  /** Normalized keys in sorted order, with their ids, for unique-prefix lookups. */
  sortedKeys: string[];
  sortedIds: string[];
  size: number;
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
  const exact = new Map<string, string>();
  const heads = new Map<string, Entry[]>();
  for (const { id, title } of papers) {
    const tokens = tokenize(title).map((t) => t.text);
    if (tokens.length === 0) continue;
    const key = tokens.join(' ');
    if (exact.has(key)) continue;
    exact.set(key, id);
    if (tokens.length < 2) continue;
    const head = `${tokens[0]} ${tokens[1]}`;
    const list = heads.get(head);
    const entry = { id, title, tokens, words: title.trim().split(/\s+/).length };
    if (list) list.push(entry);
    else heads.set(head, [entry]);
  }
  for (const list of heads.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const sortedKeys = [...exact.keys()].sort();
  const sortedIds = sortedKeys.map((k) => exact.get(k)!);
  return { exact, heads, sortedKeys, sortedIds, size: exact.size };
}

/** The id of the one title starting with `prefix`, or null when none or several do. */
function uniquePrefix(index: TitleIndex, prefix: string, wholeWord: boolean): string | null {
  const keys = index.sortedKeys;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let found: string | null = null;
  for (let k = lo; k < keys.length && keys[k]!.startsWith(prefix); k++) {
    const key = keys[k]!;
    if (wholeWord && key.length > prefix.length && key[prefix.length] !== ' ') continue;
    if (found !== null) return null;
    found = index.sortedIds[k]!;
  }
  return found;
}

/** The longest catalog title whose tokens start at `i`, or null. */
function titleAt(index: TitleIndex, tokens: Token[], i: number): Entry | null {
  if (i + 1 >= tokens.length) return null;
  const list = index.heads.get(`${tokens[i]!.text} ${tokens[i + 1]!.text}`);
  if (!list) return null;
  outer: for (const entry of list) {
    const n = entry.tokens.length;
    if (i + n > tokens.length) continue;
    for (let k = 2; k < n; k++) if (tokens[i + k]!.text !== entry.tokens[k]) continue outer;
    return entry;
  }
  return null;
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
  const direct = index.exact.get(all.map((t) => t.text).join(' '));
  if (direct) return { id: direct, ...whole };
  const { text, start: offset, truncated, cutMidWord } = stripTitleAffixes(shown);
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const range = (last: number) => ({ start: offset + tokens[0]!.start, end: offset + tokens[last]!.end });
  const key = tokens.map((t) => t.text).join(' ');
  const stripped = index.exact.get(key);
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
