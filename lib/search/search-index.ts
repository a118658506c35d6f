import type { PaperLink } from '../catalog/types';
import type { Note } from '../notes/model';
import { normalizeTitle, tokenize } from '../match/normalize';
import { hasActiveFilter, noteHasText, passesFilters, type SearchFilters } from './filters';
import { PaperNames, PaperNamesBuilder, type SerializedNames } from './names';
import { FIELD, isStopword, maskWeight, TextIndex, TextIndexBuilder, type SerializedTextIndex } from './text-index';

/** What the catalog index reads from a paper: any stored paper, whatever its source. */
export interface SearchablePaper {
  id: string;
  title: string;
  tldr: string;
  abstract: string;
  topics: readonly string[];
  links: readonly Pick<PaperLink, 'kind'>[];
  authors?: readonly string[];
}

/**
 * Bumped when the stored layout changes, so an index stored by an older version is rebuilt
 * (4: an index built before could hold a word twice, see TextIndexBuilder.intern).
 */
export const INDEX_FORMAT = 4;

/**
 * The stored catalog index: typed arrays and a few strings, so IndexedDB keeps it as blocks.
 * Papers are numbered by id order ("ordinals"), so an id's ordinal is a binary search away.
 */
export interface SerializedCatalogIndex {
  format: typeof INDEX_FORMAT;
  size: number;
  /** Ids and titles, deflated in blocks (see ./names.ts). */
  names: SerializedNames;
  /** The distinct topic labels, one a line. */
  topicNames: string;
  /** Each paper's topics as label numbers + 1, ended by 0. */
  topicCodes: Uint8Array;
  /** One bit a paper: it links to code. */
  hasCode: Uint8Array;
  /** Each paper's title length in words (at most 255), for SHORT_TITLE_BONUS. */
  titleWords: Uint8Array;
  text: SerializedTextIndex;
}

/**
 * Builds a catalog index from papers handed over in id order, a batch at a time, so a caller
 * reading 100,000 papers from IndexedDB never holds them all.
 */
export class CatalogIndexBuilder {
  private readonly text = new TextIndexBuilder();
  private readonly names = new PaperNamesBuilder();
  private size = 0;
  private lastId = '';
  private readonly topicOf = new Map<string, number>();
  private topicCodes: number[] = [];
  private hasCode: number[] = [];
  private readonly titleWords: number[] = [];

  add(p: SearchablePaper): void {
    const i = this.size++;
    if (i > 0 && !(this.lastId < p.id)) throw new Error(`papers must come in id order: ${p.id} after ${this.lastId}`);
    this.lastId = p.id;
    this.names.add(p.id, p.title);
    this.titleWords.push(Math.min(255, this.text.add(i, FIELD.title, p.title)));
    this.text.add(i, FIELD.tldr, p.tldr);
    this.text.add(i, FIELD.topics, p.topics.join(' '));
    this.text.add(i, FIELD.abstract, p.abstract);
    if (p.authors?.length) this.text.add(i, FIELD.authors, p.authors.join(' '));
    for (const t of p.topics) {
      let code = this.topicOf.get(t);
      if (code === undefined) this.topicOf.set(t, (code = this.topicOf.size));
      // Label numbers over 254 take two bytes: 255 then the rest.
      if (code + 1 < 255) this.topicCodes.push(code + 1);
      else this.topicCodes.push(255, code + 1 - 255);
    }
    this.topicCodes.push(0);
    if (p.links.some((l) => l.kind === 'code')) this.hasCode.push(i);
  }

  finish(): CatalogIndex {
    const size = this.size;
    const names = this.names.finish();
    const hasCode = new Uint8Array((size + 7) >> 3);
    for (const i of this.hasCode) hasCode[i >> 3]! |= 1 << (i & 7);
    return CatalogIndex.fromParts(
      {
        format: INDEX_FORMAT,
        size,
        names: names.serialize(),
        topicNames: [...this.topicOf.keys()].join('\n'),
        topicCodes: Uint8Array.from(this.topicCodes),
        hasCode,
        titleWords: Uint8Array.from(this.titleWords),
        text: this.text.finish(size).serialize(),
      },
      names,
    );
  }
}

/**
 * The part of the search index that depends only on the papers: rebuilt (in the background)
 * when the papers change, stored compact between popup openings.
 */
export class CatalogIndex {
  readonly text: TextIndex;
  private readonly topicLabels: string[];
  private topicOffsets: Uint32Array | null = null;
  private readonly normTitles: (string | undefined)[];

  private constructor(
    private readonly data: SerializedCatalogIndex,
    readonly names: PaperNames,
  ) {
    this.text = TextIndex.deserialize(data.text);
    this.topicLabels = data.topicNames ? data.topicNames.split('\n') : [];
    this.normTitles = new Array<string | undefined>(data.size);
  }

  /** For CatalogIndexBuilder, which has the names at hand. */
  static fromParts(data: SerializedCatalogIndex, names: PaperNames): CatalogIndex {
    return new CatalogIndex(data, names);
  }

  /** Builds from papers in any order (tests and the bench; the background streams them). */
  static build(papers: readonly SearchablePaper[]): CatalogIndex {
    const builder = new CatalogIndexBuilder();
    for (const p of [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) builder.add(p);
    return builder.finish();
  }

  /**
   * The index from its stored form. Cheap: ids and titles stay deflated until asked for (a
   * block at a time, see ./names.ts), postings until a query needs them.
   */
  static async deserialize(s: SerializedCatalogIndex): Promise<CatalogIndex> {
    if (s.format !== INDEX_FORMAT) throw new Error(`search index format ${String(s.format)} is not ${INDEX_FORMAT}`);
    return new CatalogIndex(s, new PaperNames(s.names, s.size));
  }

  serialize(): SerializedCatalogIndex {
    return this.data;
  }

  /** Bytes of the stored form. */
  get storedBytes(): number {
    const d = this.data;
    return this.names.storedBytes + d.topicNames.length + d.topicCodes.byteLength + d.hasCode.byteLength + d.titleWords.byteLength + this.text.storedBytes;
  }

  get size(): number {
    return this.data.size;
  }

  /** The ordinal of a paper id, or undefined when the index does not hold it. */
  ordinalOf(id: string): number | undefined {
    return this.names.ordinalOf(id);
  }

  id(ordinal: number): string {
    return this.names.id(ordinal);
  }

  /** The paper's title, white space collapsed. */
  title(ordinal: number): string {
    return this.names.title(ordinal);
  }

  /** Each paper's title length in words (see SHORT_TITLE_BONUS). */
  get titleWords(): Uint8Array {
    return this.data.titleWords;
  }

  hasCode(ordinal: number): boolean {
    return (this.data.hasCode[ordinal >> 3]! & (1 << (ordinal & 7))) !== 0;
  }

  topics(ordinal: number): string[] {
    const codes = this.data.topicCodes;
    if (!this.topicOffsets) {
      const offsets = new Uint32Array(this.size + 1);
      let paper = 0;
      for (let i = 0; i < codes.length && paper < this.size; i++) {
        if (codes[i] === 255) i++;
        else if (codes[i] === 0) offsets[++paper] = i + 1;
      }
      this.topicOffsets = offsets;
    }
    const out: string[] = [];
    for (let i = this.topicOffsets[ordinal]!; codes[i] !== 0 && i < codes.length; i++) {
      const code = codes[i] === 255 ? 255 + codes[++i]! : codes[i]!;
      out.push(this.topicLabels[code - 1]!);
    }
    return out;
  }

  normalizedTitle(ordinal: number): string {
    return (this.normTitles[ordinal] ??= normalizeTitle(this.names.title(ordinal)));
  }

  /** Every topic label in the catalog, sorted, for the topic filter. */
  allTopics(): string[] {
    return [...this.topicLabels].sort();
  }
}

/** A paper's note, as the filters see it (bits of NotesIndex.flags). */
export const NOTE_FLAG = { text: 1, starred: 2, toRead: 4 } as const;

export interface SerializedNotesIndex {
  text: SerializedTextIndex;
  /** NOTE_FLAG bits per paper ordinal. */
  flags: Uint8Array;
}

/**
 * The notes part of the index, over the user's notes and tags, with what the filters need to
 * know of each note. Separate from the catalog part so a note edit rebuilds only this (small)
 * part; ordinals are the catalog index's.
 */
export class NotesIndex {
  constructor(
    readonly text: TextIndex,
    readonly flags: Uint8Array,
  ) {}

  static deserialize(s: SerializedNotesIndex): NotesIndex {
    return new NotesIndex(TextIndex.deserialize(s.text), s.flags);
  }

  serialize(): SerializedNotesIndex {
    return { text: this.text.serialize(), flags: this.flags };
  }

  get storedBytes(): number {
    return this.text.storedBytes + this.flags.byteLength;
  }
}

export function buildNotesIndex(catalog: CatalogIndex, notes: readonly Note[]): NotesIndex {
  const builder = new TextIndexBuilder();
  const flags = new Uint8Array(catalog.size);
  const placed = notes
    .map((n) => ({ n, ordinal: catalog.ordinalOf(n.paperId) }))
    .filter((x): x is { n: Note; ordinal: number } => x.ordinal !== undefined)
    .sort((a, b) => a.ordinal - b.ordinal);
  for (const { n, ordinal } of placed) {
    builder.add(ordinal, FIELD.notes, n.text);
    builder.add(ordinal, FIELD.tags, n.tags.join(' '));
    flags[ordinal] =
      (noteHasText(n) ? NOTE_FLAG.text : 0) | (n.starred ? NOTE_FLAG.starred : 0) | (n.status === 'to-read' ? NOTE_FLAG.toRead : 0);
  }
  return new NotesIndex(builder.finish(catalog.size), flags);
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

const TITLE_BIT = 1 << FIELD.title;
/**
 * A title hit weighs 1 + this / (the title's words) times more: a known item's own title is
 * shorter than a longer title that contains it ("Swin Transformer: …" against "Xyz: Swin
 * Transformer: …"), so of two papers matching alike the one whose title is more the query wins.
 */
const SHORT_TITLE_BONUS = 0.25;

/** The bonus of a title that begins with the first query word (see titleBonus). */
const FIRST_WORD_BONUS = 60;

/** Candidates re-ranked with the title phrase bonus before the final cut. */
const RERANK = 200;

/** One query word's matches: papers, their score for the word, and the fields it matched in. */
interface WordScores {
  docs: Uint32Array;
  scores: Float32Array;
  fields: Uint8Array;
  terms: string[];
}

/**
 * A small binary min-heap keeping the `capacity` best documents: higher score first, then the
 * lower ordinal, so which of tied documents are kept does not depend on the order they come in.
 */
class TopK {
  readonly docs: number[] = [];
  readonly scores: number[] = [];
  private readonly ordinals: number[] = [];
  constructor(private readonly capacity: number) {}

  /** True when entry a ranks below entry b (the heap keeps the lowest at the root). */
  private below(a: number, b: number): boolean {
    const { scores, ordinals } = this;
    return scores[a]! < scores[b]! || (scores[a] === scores[b] && ordinals[a]! > ordinals[b]!);
  }

  /** `doc` is what the caller gets back in `docs`; `ordinal` breaks ties. */
  push(doc: number, score: number, ordinal: number): void {
    const { docs, scores, ordinals } = this;
    if (docs.length < this.capacity) {
      docs.push(doc);
      scores.push(score);
      ordinals.push(ordinal);
      let i = docs.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.below(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (score < scores[0]! || (score === scores[0] && ordinal > ordinals[0]!)) return;
    docs[0] = doc;
    scores[0] = score;
    ordinals[0] = ordinal;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < docs.length && this.below(l, m)) m = l;
      if (r < docs.length && this.below(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    [this.docs[a], this.docs[b]] = [this.docs[b]!, this.docs[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
    [this.ordinals[a], this.ordinals[b]] = [this.ordinals[b]!, this.ordinals[a]!];
  }
}

export interface SearcherOptions {
  /**
   * Rank only the papers having every query word when enough do (the usual case), instead of
   * every paper having any (default true). Same results either way; false is for the tests
   * that check exactly that.
   */
  pruning?: boolean;
}

/**
 * Answers queries over the catalog index plus the user's notes and tags. Two stages: the
 * inverted indexes pick and score candidates (field weights put title hits first, papers with
 * every query word before those missing one), then the best few hundred get a bonus
 * when the query is (the start of) their title, so typing a title finds it in a few keystrokes.
 */
export class Searcher {
  private readonly score: Float32Array;
  private readonly tokScore: Float32Array;
  private readonly matched: Uint8Array;
  private readonly fieldMask: Uint8Array;
  private readonly tokFields: Uint8Array;
  private readonly touched: Uint32Array;
  private readonly wordDocs: Uint32Array;
  private wordCache = new Map<string, WordScores>();

  /** See SearcherOptions.pruning. */
  private readonly pruning: boolean;

  /** `notes` is `buildNotesIndex(catalog, notes)`, or that index restored from storage. */
  constructor(
    readonly catalog: CatalogIndex,
    readonly notes: NotesIndex,
    options: SearcherOptions = {},
  ) {
    this.pruning = options.pruning ?? true;
    const n = catalog.size;
    this.score = new Float32Array(n);
    this.tokScore = new Float32Array(n);
    this.matched = new Uint8Array(n);
    this.fieldMask = new Uint8Array(n);
    this.tokFields = new Uint8Array(n);
    this.touched = new Uint32Array(n);
    this.wordDocs = new Uint32Array(n);
  }

  private passes(filters: SearchFilters, ordinal: number): boolean {
    const flags = this.notes.flags[ordinal]!;
    return passesFilters(filters, {
      hasCode: this.catalog.hasCode(ordinal),
      topics: filters.topic === null ? [] : this.catalog.topics(ordinal),
      hasNote: (flags & NOTE_FLAG.text) !== 0,
      starred: (flags & NOTE_FLAG.starred) !== 0,
      toRead: (flags & NOTE_FLAG.toRead) !== 0,
    });
  }

  search(query: string, filters: SearchFilters, limit = 50): SearchResult {
    const tokens = tokenize(query).map((t) => t.text);
    const typing = !/\s$/.test(query);
    const terms = new Set<string>();
    const queried = tokens
      .map((w, i) => ({ w, prefix: typing && i === tokens.length - 1 }))
      .filter(({ w, prefix }) => prefix || !isStopword(w));
    if (queried.length === 0) return { hits: [], terms, total: 0 };

    const cache = new Map<string, WordScores>();
    const scored: WordScores[] = [];
    // The last word, when not scored at an earlier keystroke, is scored only over the papers
    // having the words before it, if enough do (see mergeAllWords); in full if not.
    let pending: { w: string; prefix: boolean; key: string } | null = null;
    for (let j = 0; j < queried.length; j++) {
      const { w, prefix } = queried[j]!;
      const key = `${prefix ? 'p' : 'w'}:${w}`;
      let word = cache.get(key) ?? this.wordCache.get(key);
      if (!word && this.pruning && j > 0 && j === queried.length - 1) {
        pending = { w, prefix, key };
        continue;
      }
      word ??= this.scoreWord(w, prefix);
      cache.set(key, word);
      for (const t of word.terms) terms.add(t);
      scored.push(word);
    }
    // Typing extends the last word; the words before it are reused from the previous keystroke.
    this.wordCache = cache;

    const { score, matched, fieldMask, touched } = this;
    const filtering = hasActiveFilter(filters);
    let count = -1;
    if (this.pruning && (scored.length > 1 || pending)) {
      const all = this.mergeAllWords(scored, filtering ? filters : null, pending);
      if (all) {
        count = all.count;
        if (all.last) {
          for (const t of all.last.terms) terms.add(t);
          scored.push(all.last);
        }
      }
    }
    if (count < 0 && pending) {
      const word = this.scoreWord(pending.w, pending.prefix);
      cache.set(pending.key, word);
      for (const t of word.terms) terms.add(t);
      scored.push(word);
    }
    // One word (every keystroke of the first word typed): its scores are the papers' scores, and
    // the passes below read its arrays in order instead of gathering them per paper.
    const only = scored.length === 1 ? scored[0]! : null;
    if (only) count = only.docs.length;
    else if (count < 0) count = this.mergeAnyWords(scored);
    const docAt = (i: number) => (only ? only.docs[i]! : touched[i]!);
    const scoreAt = (i: number) => (only ? only.scores[i]! : score[touched[i]!]!);
    const matchedAt = (i: number) => (only ? 1 : matched[touched[i]!]!);

    // Which papers count as results: those with every query word once enough papers have them
    // all (else those with the most words), scoring at least a share of the best one. The rest
    // are noise that would only inflate the count ("vision transformer" is in most abstracts).
    // One pass counts the papers by how many words they have and keeps the best score of each count.
    const words = queried.length;
    const atLeast = new Uint32Array(words + 1);
    const bestWith = new Float32Array(words + 1);
    const passed = filtering ? new Uint8Array(count) : null;
    for (let i = 0; i < count; i++) {
      if (passed) {
        if (!this.passes(filters, docAt(i))) continue;
        passed[i] = 1;
      }
      const m = matchedAt(i);
      const sc = scoreAt(i);
      atLeast[m]!++;
      if (sc > bestWith[m]!) bestWith[m] = sc;
    }
    let need = words;
    for (let have = atLeast[need]!; need > 1 && have < ENOUGH_WITH_ALL_WORDS; ) have += atLeast[--need]!;
    let best = 0;
    for (let m = need; m <= words; m++) best = Math.max(best, bestWith[m]!);
    // The cut compares scores before the coverage factor: with few papers having every word,
    // a strong match on most of them (a title word) is as relevant as a weak one on all.
    const cut = best * RELATIVE_SCORE_CUT;
    const top = new TopK(Math.max(RERANK, limit));
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (passed && !passed[i]) continue;
      const m = matchedAt(i);
      const sc = scoreAt(i);
      if (m < need || sc < cut) continue;
      total++;
      top.push(i, sc * coverageFactor(m, words), docAt(i));
    }
    const phrase = tokens.join(' ');
    const firstWord = new Set(scored[0]!.terms);
    const hits: SearchHit[] = top.docs.map((i, k) => {
      const doc = docAt(i);
      return {
        id: this.catalog.id(doc),
        ordinal: doc,
        score: top.scores[k]! + this.titleBonus(doc, phrase, firstWord),
        fields: only ? only.fields[i]! : fieldMask[doc]!,
      };
    });
    if (!only) {
      for (let i = 0; i < count; i++) {
        const doc = touched[i]!;
        score[doc] = 0;
        matched[doc] = 0;
        fieldMask[doc] = 0;
      }
    }
    hits.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
    return { hits: hits.slice(0, limit), terms, total };
  }

  /**
   * Papers having any query word: each paper's summed score, how many words it has and the
   * fields they matched in, for the `count` papers listed in `touched`. Returns `count`.
   */
  private mergeAnyWords(scored: readonly WordScores[]): number {
    const { score, matched, fieldMask, touched } = this;
    let count = 0;
    for (const { docs, scores, fields } of scored) {
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (matched[doc] === 0) touched[count++] = doc;
        matched[doc]!++;
        score[doc]! += scores[i]!;
        fieldMask[doc]! |= fields[i]!;
      }
    }
    return count;
  }

  /**
   * The papers having every query word, merged as mergeAnyWords would merge them, when at
   * least ENOUGH_WITH_ALL_WORDS of them pass `filters`: then only they can be results (see
   * search), and the rest need not be scored, counted or ranked. "vision transformer s" has
   * 100,000 papers with one of its words at 100,000 papers, and a few thousand with all three.
   * Returns their count, or null (nothing left set) when too few have every word.
   *
   * `last`, when given, is a query word after `scored` not scored yet: it is scored only over
   * the papers having all of `scored` (returned as `last`; not for caching, as it holds only
   * those papers). The shortest list marks its papers, each longer one keeps those it also
   * has; the scores are then summed in query order (so in float32 they are exactly
   * mergeAnyWords' sums).
   */
  private mergeAllWords(
    scored: readonly WordScores[],
    filters: SearchFilters | null,
    last: { w: string; prefix: boolean } | null,
  ): { count: number; last: WordScores | null } | null {
    const { score, matched, fieldMask, touched } = this;
    const bySize = [...scored].sort((a, b) => a.docs.length - b.docs.length);
    const first = bySize[0]!.docs;
    let count = first.length;
    for (let i = 0; i < count; i++) {
      const doc = first[i]!;
      touched[i] = doc;
      matched[doc] = 1;
    }
    for (let w = 1; w < bySize.length; w++) {
      const { docs } = bySize[w]!;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (matched[doc] === w) matched[doc] = w + 1;
      }
    }
    // Keep the papers with every word (those passing the filters, when any is on).
    const keep = (words: number) => {
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const doc = touched[i]!;
        if (matched[doc] === words && (filters === null || this.passes(filters, doc))) touched[kept++] = doc;
        else matched[doc] = 0;
      }
      count = kept;
      if (count >= ENOUGH_WITH_ALL_WORDS) return true;
      for (let i = 0; i < count; i++) matched[touched[i]!] = 0;
      return false;
    };
    if (!keep(bySize.length)) return null;
    let lastScores: WordScores | null = null;
    if (last) {
      lastScores = this.scoreWord(last.w, last.prefix, bySize.length);
      const { docs } = lastScores;
      for (let i = 0; i < docs.length; i++) matched[docs[i]!] = bySize.length + 1;
      if (!keep(bySize.length + 1)) return null;
    }
    const words = bySize.length + (last ? 1 : 0);
    for (const { docs, scores, fields } of lastScores ? [...scored, lastScores] : scored) {
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (matched[doc] !== words) continue;
        score[doc]! += scores[i]!;
        fieldMask[doc]! |= fields[i]!;
      }
    }
    return { count, last: lastScores };
  }

  /**
   * Each paper's best score for one query word over both indexes, and the fields it matched in;
   * with `onlyMatched`, only of the papers whose `matched` count is that (see mergeAllWords).
   */
  private scoreWord(w: string, prefix: boolean, onlyMatched = -1): WordScores {
    const { tokScore, tokFields, wordDocs } = this;
    const n = this.catalog.size;
    let count = 0;
    const terms: string[] = [];
    for (const index of [this.catalog.text, this.notes.text]) {
      const expansions = index.expand(w, prefix, PREFIX_POSTINGS_PER_PAPER * n);
      // A word being typed stands for all its completions: they share the rarity of the group,
      // so a rare completion ("attentional") does not outrank the word itself ("attention").
      let groupDf = 0;
      if (prefix) for (const e of expansions) if (e.prefix) groupDf += index.df(e.term);
      for (const e of expansions) {
        terms.push(index.terms[e.term]!);
        const { docs, fields } = index.postings(e.term);
        const df = prefix && e.prefix ? Math.max(docs.length, groupDf) : docs.length;
        const base = e.sim * Math.log(1 + n / Math.min(n, df));
        const titleWords = index === this.catalog.text ? this.catalog.titleWords : null;
        for (let p = 0; p < docs.length; p++) {
          const doc = docs[p]!;
          if (onlyMatched >= 0 && this.matched[doc] !== onlyMatched) continue;
          const f = fields[p]!;
          let wgt = base * maskWeight(f);
          // A word in a short title says more about the paper than one in a long title.
          if (titleWords && f & TITLE_BIT) wgt *= 1 + SHORT_TITLE_BONUS / Math.max(1, titleWords[doc]!);
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

  /**
   * Typing a title (or its start) should put that paper first, whatever its abstract says; a
   * title that begins with the first word typed (or the word it stands for, typos corrected)
   * comes before those that have it further on.
   */
  private titleBonus(ordinal: number, phrase: string, firstWord: ReadonlySet<string>): number {
    if (phrase.length < 3) return 0;
    const title = this.catalog.normalizedTitle(ordinal);
    if (title === phrase) return 1000;
    if (title.startsWith(phrase)) return 400;
    const space = title.indexOf(' ');
    const starts = firstWord.has(space < 0 ? title : title.slice(0, space)) ? FIRST_WORD_BONUS : 0;
    if (title.includes(phrase)) return 150 + starts;
    return starts;
  }

  /**
   * What to show before anything is typed: the papers `order` names (those on the current tab,
   * then starred, then recently noted ones), those the index holds and the filters pass. With a
   * filter on, every other paper that passes it follows, in id order.
   */
  browse(filters: SearchFilters, order: readonly string[], limit = 50): SearchHit[] {
    const filtering = hasActiveFilter(filters);
    const hits: SearchHit[] = [];
    const seen = new Set<number>();
    const take = (ordinal: number) => {
      if (seen.has(ordinal) || (filtering && !this.passes(filters, ordinal))) return;
      seen.add(ordinal);
      hits.push({ id: this.catalog.id(ordinal), ordinal, score: 0, fields: 0 });
    };
    for (const id of order) {
      if (hits.length >= limit) return hits;
      const ordinal = this.catalog.ordinalOf(id);
      if (ordinal !== undefined) take(ordinal);
    }
    if (filtering) for (let o = 0; o < this.catalog.size && hits.length < limit; o++) take(o);
    return hits;
  }
}
