import type { PaperLink } from '../catalog/types';
import type { Note } from '../notes/model';
import { normalizeTitle, tokenize } from '../match/normalize';
import { hasActiveFilter, noteHasText, passesFilters, type SearchFilters } from './filters';
import { FIELD, isStopword, maskWeight, TextIndex, TextIndexBuilder, type SerializedTextIndex } from './text-index';

/** What the catalog index reads from a paper. */
export interface SearchablePaper {
  id: string;
  title: string;
  tldr: string;
  abstract: string;
  topics: readonly string[];
  links: readonly Pick<PaperLink, 'kind'>[];
}

/** Bumped when the serialized layout changes, so an index stored by an older version is rebuilt. */
export const INDEX_FORMAT = 1;

export interface SerializedCatalogIndex {
  format: typeof INDEX_FORMAT;
  ids: string[];
  titles: string[];
  /** Each paper's topics joined by "|". */
  topics: string[];
  hasCode: Uint8Array;
  text: SerializedTextIndex;
}

/**
 * The part of the search index that depends only on the papers: rebuilt when the papers
 * revision changes, stored serialized between popup openings. Papers are numbered by position
 * ("ordinals"); posting lists hold ordinals.
 */
export class CatalogIndex {
  readonly ordinalOf = new Map<string, number>();
  private readonly topicLists: (string[] | undefined)[];
  private readonly normTitles: (string | undefined)[];

  private constructor(
    readonly ids: string[],
    readonly titles: string[],
    private readonly topicsJoined: string[],
    readonly hasCode: Uint8Array,
    readonly text: TextIndex,
  ) {
    ids.forEach((id, i) => this.ordinalOf.set(id, i));
    this.topicLists = new Array<string[] | undefined>(ids.length);
    this.normTitles = new Array<string | undefined>(ids.length);
  }

  static build(papers: readonly SearchablePaper[]): CatalogIndex {
    const builder = new TextIndexBuilder();
    papers.forEach((p, i) => {
      builder.add(i, FIELD.title, p.title);
      builder.add(i, FIELD.tldr, p.tldr);
      builder.add(i, FIELD.topics, p.topics.join(' '));
      builder.add(i, FIELD.abstract, p.abstract);
    });
    return new CatalogIndex(
      papers.map((p) => p.id),
      papers.map((p) => p.title),
      papers.map((p) => p.topics.join('|')),
      Uint8Array.from(papers, (p) => (p.links.some((l) => l.kind === 'code') ? 1 : 0)),
      builder.finish(),
    );
  }

  static deserialize(s: SerializedCatalogIndex): CatalogIndex {
    if (s.format !== INDEX_FORMAT) throw new Error(`search index format ${String(s.format)} is not ${INDEX_FORMAT}`);
    return new CatalogIndex(s.ids, s.titles, s.topics, s.hasCode, TextIndex.deserialize(s.text));
  }

  serialize(): SerializedCatalogIndex {
    return {
      format: INDEX_FORMAT,
      ids: this.ids,
      titles: this.titles,
      topics: this.topicsJoined,
      hasCode: this.hasCode,
      text: this.text.serialize(),
    };
  }

  get size(): number {
    return this.ids.length;
  }

  topics(ordinal: number): string[] {
    const joined = this.topicsJoined[ordinal] ?? '';
    return (this.topicLists[ordinal] ??= joined ? joined.split('|') : []);
  }

  normalizedTitle(ordinal: number): string {
    return (this.normTitles[ordinal] ??= normalizeTitle(this.titles[ordinal] ?? ''));
  }

  /** Every topic label in the catalog, sorted, for the topic filter. */
  allTopics(): string[] {
    const set = new Set<string>();
    for (const joined of this.topicsJoined) for (const t of joined ? joined.split('|') : []) set.add(t);
    return [...set].sort();
  }
}

/**
 * The notes part of the index, over the user's notes and tags. Separate from the catalog part
 * so a note edit rebuilds only this (small) part; ordinals are the catalog index's.
 */
export function buildNotesIndex(catalog: CatalogIndex, notes: readonly Note[]): TextIndex {
  const builder = new TextIndexBuilder();
  const placed = notes
    .map((n) => ({ n, ordinal: catalog.ordinalOf.get(n.paperId) }))
    .filter((x): x is { n: Note; ordinal: number } => x.ordinal !== undefined)
    .sort((a, b) => a.ordinal - b.ordinal);
  for (const { n, ordinal } of placed) {
    builder.add(ordinal, FIELD.notes, n.text);
    builder.add(ordinal, FIELD.tags, n.tags.join(' '));
  }
  return builder.finish();
}

/** One result: which paper, how well it matched, and in which fields (FIELD bits). */
export interface SearchHit {
  id: string;
  ordinal: number;
  score: number;
  fields: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Vocabulary words the query matched, for highlighting. */
  terms: Set<string>;
  /** How many papers matched in all (before `limit`). */
  total: number;
}

/**
 * Papers missing a query word still show (after those that have them all), so one word beyond
 * typo tolerance does not empty the list; the cube keeps a title hit on one word of two below
 * a paper that has both words in its abstract.
 */
function coverageFactor(matched: number, words: number): number {
  const c = matched / words;
  return c * c * c;
}

/**
 * How many postings a word may expand to (completions, typo neighbours), per paper in the catalog. One or two
 * letters match thousands of words; their most frequent completions are enough to show, and
 * scanning all of them is what would make the first keystrokes slow at 100,000 papers.
 */
const PREFIX_POSTINGS_PER_PAPER = 1;

/**
 * Once this many papers have every query word, papers missing one are left out; below it they
 * stay (after those with every word), so a word beyond typo tolerance does not empty the list.
 */
const ENOUGH_WITH_ALL_WORDS = 3;

/**
 * Results scoring under this share of the best one are left out and not counted: a title or
 * TL;DR hit scores several times an abstract-only one, so a query that names a topic counts
 * the papers about it, not every abstract that mentions its words once.
 */
const RELATIVE_SCORE_CUT = 0.25;

/** Candidates re-ranked with the title phrase bonus before the final cut. */
const RERANK = 200;

/** One query word's matches: papers, their score for the word, and the fields it matched in. */
interface WordScores {
  docs: Uint32Array;
  scores: Float32Array;
  fields: Uint8Array;
  terms: string[];
}

/** A small binary min-heap keeping the `capacity` best-scored documents. */
class TopK {
  readonly docs: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly capacity: number) {}

  push(doc: number, score: number): void {
    const { docs, scores } = this;
    if (docs.length < this.capacity) {
      docs.push(doc);
      scores.push(score);
      let i = docs.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (scores[parent]! <= scores[i]!) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (score <= scores[0]!) return;
    docs[0] = doc;
    scores[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < docs.length && scores[l]! < scores[m]!) m = l;
      if (r < docs.length && scores[r]! < scores[m]!) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    [this.docs[a], this.docs[b]] = [this.docs[b]!, this.docs[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
  }
}

/**
 * Answers queries over the catalog index plus the user's notes and tags. Two stages: the
 * inverted indexes pick and score candidates (field weights put title hits first, papers with
 * every query word before those missing one), then the best few hundred get a bonus
 * when the query is (the start of) their title, so typing a title finds it in a few keystrokes.
 */
export class Searcher {
  readonly notes: TextIndex;
  private readonly noteOf = new Map<string, Note>();
  private readonly score: Float32Array;
  private readonly tokScore: Float32Array;
  private readonly matched: Uint8Array;
  private readonly fieldMask: Uint8Array;
  private readonly tokFields: Uint8Array;
  private readonly touched: Uint32Array;
  private readonly wordDocs: Uint32Array;
  private wordCache = new Map<string, WordScores>();

  /** `notesIndex` is `buildNotesIndex(catalog, notes)`, or that index restored from storage. */
  constructor(
    readonly catalog: CatalogIndex,
    notes: readonly Note[],
    notesIndex: TextIndex = buildNotesIndex(catalog, notes),
  ) {
    for (const n of notes) this.noteOf.set(n.paperId, n);
    this.notes = notesIndex;
    const n = catalog.size;
    this.score = new Float32Array(n);
    this.tokScore = new Float32Array(n);
    this.matched = new Uint8Array(n);
    this.fieldMask = new Uint8Array(n);
    this.tokFields = new Uint8Array(n);
    this.touched = new Uint32Array(n);
    this.wordDocs = new Uint32Array(n);
  }

  note(id: string): Note | undefined {
    return this.noteOf.get(id);
  }

  private passes(filters: SearchFilters, ordinal: number): boolean {
    const id = this.catalog.ids[ordinal]!;
    return passesFilters(filters, {
      hasCode: this.catalog.hasCode[ordinal] === 1,
      topics: this.catalog.topics(ordinal),
      note: this.noteOf.get(id),
    });
  }

  search(query: string, filters: SearchFilters, limit = 50): SearchResult {
    const words = tokenize(query).map((t) => t.text);
    const typing = !/\s$/.test(query);
    const terms = new Set<string>();
    const queried = words
      .map((w, i) => ({ w, prefix: typing && i === words.length - 1 }))
      .filter(({ w, prefix }) => prefix || !isStopword(w));
    if (queried.length === 0) return { hits: [], terms, total: 0 };

    const { score, matched, fieldMask, touched } = this;
    let count = 0;
    const cache = new Map<string, WordScores>();
    for (const { w, prefix } of queried) {
      const key = `${prefix ? 'p' : 'w'}:${w}`;
      const word = cache.get(key) ?? this.wordCache.get(key) ?? this.scoreWord(w, prefix);
      cache.set(key, word);
      for (const t of word.terms) terms.add(t);
      const { docs, scores, fields } = word;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (matched[doc] === 0) touched[count++] = doc;
        matched[doc]!++;
        score[doc]! += scores[i]!;
        fieldMask[doc]! |= fields[i]!;
      }
    }
    // Typing extends the last word; the words before it are reused from the previous keystroke.
    this.wordCache = cache;

    const filtering = hasActiveFilter(filters);
    // Which papers count as results: those with every query word once enough papers have them
    // all (else those with the most words), scoring at least a share of the best one. The rest
    // are noise that would only inflate the count ("vision transformer" is in most abstracts).
    const atLeast = new Uint32Array(queried.length + 1);
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      if (filtering && !this.passes(filters, doc)) matched[doc] = 0;
      else atLeast[matched[doc]!]!++;
    }
    let need = queried.length;
    for (let have = atLeast[need]!; need > 1 && have < ENOUGH_WITH_ALL_WORDS; ) have += atLeast[--need]!;
    let best = 0;
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      if (matched[doc]! >= need && score[doc]! > best) best = score[doc]!;
    }
    // The cut compares scores before the coverage factor: with few papers having every word,
    // a strong match on most of them (a title word) is as relevant as a weak one on all.
    const cut = best * RELATIVE_SCORE_CUT;
    const top = new TopK(Math.max(RERANK, limit));
    let total = 0;
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      const m = matched[doc]!;
      if (m < need || score[doc]! < cut) continue;
      total++;
      top.push(doc, score[doc]! * coverageFactor(m, queried.length));
    }
    const phrase = words.join(' ');
    const hits: SearchHit[] = top.docs.map((doc, i) => ({
      id: this.catalog.ids[doc]!,
      ordinal: doc,
      score: top.scores[i]! + this.titleBonus(doc, phrase),
      fields: fieldMask[doc]!,
    }));
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      score[doc] = 0;
      matched[doc] = 0;
      fieldMask[doc] = 0;
    }
    hits.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
    return { hits: hits.slice(0, limit), terms, total };
  }

  /** Each paper's best score for one query word over both indexes, and the fields it matched in. */
  private scoreWord(w: string, prefix: boolean): WordScores {
    const { tokScore, tokFields, wordDocs } = this;
    const n = this.catalog.size;
    let count = 0;
    const terms: string[] = [];
    for (const index of [this.catalog.text, this.notes]) {
      const expansions = index.expand(w, prefix, PREFIX_POSTINGS_PER_PAPER * n);
      // A word being typed stands for all its completions: they share the rarity of the group,
      // so a rare completion ("attentional") does not outrank the word itself ("attention").
      let groupDf = 0;
      if (prefix) for (const e of expansions) if (e.prefix) groupDf += index.df(e.term);
      for (const e of expansions) {
        terms.push(index.terms[e.term]!);
        const from = index.starts[e.term]!;
        const to = index.starts[e.term + 1]!;
        const df = prefix && e.prefix ? Math.max(to - from, groupDf) : to - from;
        const base = e.sim * Math.log(1 + n / Math.min(n, df));
        for (let p = from; p < to; p++) {
          const doc = index.docs[p]!;
          const f = index.fields[p]!;
          const wgt = base * maskWeight(f);
          const prev = tokScore[doc]!;
          if (prev === 0) wordDocs[count++] = doc;
          if (wgt > prev) tokScore[doc] = wgt;
          tokFields[doc]! |= f;
        }
      }
    }
    const docs = wordDocs.slice(0, count);
    const scores = new Float32Array(count);
    const fields = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const doc = docs[i]!;
      scores[i] = tokScore[doc]!;
      fields[i] = tokFields[doc]!;
      tokScore[doc] = 0;
      tokFields[doc] = 0;
    }
    return { docs, scores, fields, terms };
  }

  /** Typing a title (or its start) should put that paper first, whatever its abstract says. */
  private titleBonus(ordinal: number, phrase: string): number {
    if (phrase.length < 3) return 0;
    const title = this.catalog.normalizedTitle(ordinal);
    if (title === phrase) return 1000;
    if (title.startsWith(phrase)) return 400;
    if (title.includes(phrase)) return 150;
    return 0;
  }

  /**
   * What to show before anything is typed: papers recognized on the current tab, then starred
   * ones, then recently noted ones. With a filter on, every paper that passes it (in that order,
   * then catalog order).
   */
  browse(filters: SearchFilters, recognized: readonly string[], limit = 50): SearchHit[] {
    const filtering = hasActiveFilter(filters);
    const byRecent = [...this.noteOf.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    const order: string[] = [
      ...recognized,
      ...byRecent.filter((n) => n.starred).map((n) => n.paperId),
      ...byRecent.filter((n) => noteHasText(n) || n.tags.length > 0).map((n) => n.paperId),
    ];
    if (filtering) order.push(...this.catalog.ids);
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    for (const id of order) {
      if (hits.length >= limit) break;
      if (seen.has(id)) continue;
      seen.add(id);
      const ordinal = this.catalog.ordinalOf.get(id);
      if (ordinal === undefined) continue;
      if (filtering && !this.passes(filters, ordinal)) continue;
      hits.push({ id, ordinal, score: 0, fields: 0 });
    }
    return hits;
  }
}
