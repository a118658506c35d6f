import { tokenize } from '../match/normalize';
import { allowedTypos, boundedDistance } from './edit-distance';

/**
 * The fields a paper is searched by, as bits of a posting's field mask. The catalog index holds
 * the first four, the notes index the last two, so one mask describes where a paper matched.
 */
export const FIELD = { title: 0, tldr: 1, topics: 2, abstract: 3, notes: 4, tags: 5 } as const;
export type FieldName = keyof typeof FIELD;

/** Title hits rank first; the user's own words next; the abstract, being long, counts least. */
const FIELD_WEIGHT: Record<FieldName, number> = { title: 10, tags: 6, notes: 5, topics: 4, tldr: 3, abstract: 1 };

/** A posting's weight: its best field, plus a little for every other field that also has the word. */
const MASK_WEIGHT = (() => {
  const weights = (Object.keys(FIELD) as FieldName[]).map((f) => [FIELD[f], FIELD_WEIGHT[f]] as const);
  const table = new Float32Array(1 << weights.length);
  for (let mask = 1; mask < table.length; mask++) {
    let best = 0;
    let sum = 0;
    for (const [bit, w] of weights) {
      if (mask & (1 << bit)) {
        best = Math.max(best, w);
        sum += w;
      }
    }
    table[mask] = best + 0.15 * (sum - best);
  }
  return table;
})();

export function maskWeight(mask: number): number {
  return MASK_WEIGHT[mask] ?? 0;
}

/**
 * Words too common to tell papers apart. Leaving them out keeps posting lists short, which is
 * what keeps a keystroke fast at 100,000 abstracts; titles still match as phrases (see search).
 */
const STOPWORDS = new Set(
  ('a an and are as at be by for from has have in into is it its of on or that the their this to was were ' +
    'which with we our these those can also than then they such via using based').split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A vocabulary word a query word matched, and how closely (1 exact, less for prefixes and typos). */
export interface Expansion {
  term: number;
  sim: number;
  /** The word itself or one it begins (not a typo neighbour). */
  prefix?: boolean;
}

/** The serialized form: plain strings and typed arrays, cheap to store in IndexedDB and to restore. */
export interface SerializedTextIndex {
  terms: string;
  starts: Uint32Array;
  docs: Uint32Array;
  fields: Uint8Array;
}

/** Collects postings document by document; `finish` sorts the vocabulary and packs the arrays. */
export class TextIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postDocs: number[][] = [];
  private readonly postFields: number[][] = [];
  private current = new Map<string, number>();
  private currentDoc = -1;

  /** Adds a field's text to a document; documents must be added in increasing order. */
  add(doc: number, field: number, text: string): void {
    if (doc !== this.currentDoc) {
      this.flush();
      this.currentDoc = doc;
    }
    for (const token of tokenize(text)) {
      const word = token.text;
      if (word.length < 2 || STOPWORDS.has(word)) continue;
      this.current.set(word, (this.current.get(word) ?? 0) | (1 << field));
    }
  }

  private flush(): void {
    for (const [word, mask] of this.current) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(word, id);
        this.words.push(word);
        this.postDocs.push([]);
        this.postFields.push([]);
      }
      this.postDocs[id]!.push(this.currentDoc);
      this.postFields[id]!.push(mask);
    }
    this.current = new Map();
  }

  finish(): TextIndex {
    this.flush();
    const order = this.words.map((_, i) => i).sort((a, b) => (this.words[a]! < this.words[b]! ? -1 : 1));
    let total = 0;
    for (const list of this.postDocs) total += list.length;
    const starts = new Uint32Array(order.length + 1);
    const docs = new Uint32Array(total);
    const fields = new Uint8Array(total);
    let at = 0;
    order.forEach((id, rank) => {
      starts[rank] = at;
      docs.set(this.postDocs[id]!, at);
      fields.set(this.postFields[id]!, at);
      at += this.postDocs[id]!.length;
    });
    starts[order.length] = at;
    return new TextIndex(
      order.map((id) => this.words[id]!),
      starts,
      docs,
      fields,
    );
  }
}

const MAX_PREFIX_TERMS = 64;
/**
 * Shorter words being typed are not matched against prefixes with a typo: "itra" is one edit
 * from the start of every "tra…" word, which is noise, not a typo.
 */
const MIN_FUZZY_PREFIX = 5;

/**
 * An inverted index over one set of fields: a sorted vocabulary (prefix lookups are a binary
 * search), posting lists of document ordinals with a field mask each, and a lazily built
 * trigram index over the vocabulary that finds words within a typo or two of a query word.
 */
export class TextIndex {
  private trigrams: Map<string, number[]> | null = null;
  private counts: Uint16Array | null = null;

  constructor(
    readonly terms: string[],
    readonly starts: Uint32Array,
    readonly docs: Uint32Array,
    readonly fields: Uint8Array,
  ) {}

  static deserialize(s: SerializedTextIndex): TextIndex {
    return new TextIndex(s.terms ? s.terms.split('\n') : [], s.starts, s.docs, s.fields);
  }

  serialize(): SerializedTextIndex {
    return { terms: this.terms.join('\n'), starts: this.starts, docs: this.docs, fields: this.fields };
  }

  df(term: number): number {
    return this.starts[term + 1]! - this.starts[term]!;
  }

  /** The first vocabulary position whose word is >= `word`. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The vocabulary words a query word stands for: itself; words it begins, when it is the word
   * being typed (the most frequent ones, within `postingBudget` postings, so one letter does not
   * expand to the whole index); and, when it is not a word of the index, words within
   * `allowedTypos` edits (the closest first, within the same budget).
   */
  expand(word: string, isPrefix: boolean, postingBudget = Infinity): Expansion[] {
    const out: Expansion[] = [];
    const first = this.lowerBound(word);
    const exact = this.terms[first] === word;
    if (exact) out.push({ term: first, sim: 1, prefix: true });
    if (isPrefix) {
      let end = first + (exact ? 1 : 0);
      const upper = word + '\uffff';
      const from = end;
      const hi = this.lowerBound(upper);
      end = hi;
      const range: number[] = [];
      for (let t = from; t < end; t++) range.push(t);
      if (range.length > 1) range.sort((a, b) => this.df(b) - this.df(a));
      let postings = 0;
      for (const t of range.slice(0, MAX_PREFIX_TERMS)) {
        if (postings > 0 && postings + this.df(t) > postingBudget) break;
        postings += this.df(t);
        out.push({ term: t, sim: 0.55 + 0.35 * (word.length / this.terms[t]!.length), prefix: true });
      }
    }
    const typos = allowedTypos(word.length);
    if (!exact && typos > 0) {
      const seen = new Set(out.map((e) => e.term));
      const near: Expansion[] = [];
      for (const t of this.similarTerms(word, typos)) {
        if (seen.has(t)) continue;
        const term = this.terms[t]!;
        const full = boundedDistance(word, term, typos);
        if (full <= typos) {
          near.push({ term: t, sim: full === 1 ? 0.75 : 0.5 });
          continue;
        }
        if (!isPrefix || word.length < MIN_FUZZY_PREFIX) continue;
        const partial = boundedDistance(word, term, typos, true);
        if (partial <= typos) near.push({ term: t, sim: (partial === 1 ? 0.65 : 0.45) * (0.6 + 0.4 * (word.length / term.length)) });
      }
      near.sort((a, b) => b.sim - a.sim || this.df(b.term) - this.df(a.term));
      let postings = 0;
      for (const e of near) {
        if (postings > 0 && postings + this.df(e.term) > postingBudget) break;
        postings += this.df(e.term);
        out.push(e);
      }
    }
    return out;
  }

  /** Builds the trigram index now (otherwise the first query with a typo does). */
  warm(): void {
    this.trigramIndex();
  }

  private trigramIndex(): Map<string, number[]> {
    if (this.trigrams) return this.trigrams;
    const map = new Map<string, number[]>();
    this.terms.forEach((term, t) => {
      const padded = '$' + term;
      for (let i = 0; i + 3 <= padded.length; i++) {
        const gram = padded.slice(i, i + 3);
        const list = map.get(gram);
        if (list) {
          if (list[list.length - 1] !== t) list.push(t);
        } else map.set(gram, [t]);
      }
    });
    this.trigrams = map;
    this.counts = new Uint16Array(this.terms.length);
    return map;
  }

  /** Words sharing enough trigrams with `word` to be within `typos` edits of it or of a prefix of it. */
  private similarTerms(word: string, typos: number): number[] {
    const map = this.trigramIndex();
    const counts = this.counts!;
    const padded = '$' + word;
    const grams = new Set<string>();
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
    // One edit breaks at most three trigrams.
    const need = Math.max(1, grams.size - 3 * typos);
    const touched: number[] = [];
    const found: number[] = [];
    for (const gram of grams) {
      for (const t of map.get(gram) ?? []) {
        if (counts[t] === 0) touched.push(t);
        const c = ++counts[t]!;
        if (c === need) found.push(t);
      }
    }
    for (const t of touched) counts[t] = 0;
    return found;
  }
}
