import { tokenize } from '../match/normalize';
import { BitWriter, decodePostings, encodePostings, riceParameter } from './rice';
import { allowedTypos, boundedDistance } from './edit-distance';

/**
 * The fields a paper is searched by, as bits of a posting's field mask. The catalog index holds
 * title, TL;DR, topics, abstract and authors, the notes index notes and tags, so one mask
 * describes where a paper matched.
 */
export const FIELD = { title: 0, tldr: 1, topics: 2, abstract: 3, notes: 4, tags: 5, authors: 6 } as const;
export type FieldName = keyof typeof FIELD;

/** Title hits rank first; the user's own words next; the abstract, being long, counts least. */
const FIELD_WEIGHT: Record<FieldName, number> = { title: 10, tags: 6, notes: 5, authors: 5, topics: 4, tldr: 3, abstract: 1 };

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

/**
 * The stored form: the vocabulary as one string and the postings Rice-coded in one byte array
 * (see ./rice.ts), so IndexedDB stores and restores it as a few blocks, not millions of values.
 */
export interface SerializedTextIndex {
  /** Sorted vocabulary, joined by "\n". */
  terms: string;
  /** How many documents each term is in. */
  df: Uint32Array;
  /** Where each term's postings start, in bits. */
  bitStart: Uint32Array;
  /** Each term's Rice parameter. */
  riceK: Uint8Array;
  /** Field masks by rank (the commonest first). */
  maskByRank: Uint8Array;
  bits: Uint8Array;
  /** Ordinals run from 0 to this (exclusive); the Rice parameters depend on it. */
  docCount: number;
}

/** One term's postings, decoded. */
export interface Postings {
  docs: Uint32Array;
  fields: Uint8Array;
}

const STOP = 1;

/** What an ASCII character is to the word scan of TextIndexBuilder.add. */
const LOWER = 0;
const UPPER = 1;
const SPACE = 2;
const PUNCT = 3;
/** Non-ASCII or TeX markup: the run goes through tokenize. */
const SPECIAL = 4;
const CHAR_KIND = (() => {
  const kinds = new Uint8Array(128).fill(PUNCT);
  for (let c = 0; c <= 32; c++) kinds[c] = SPACE;
  for (let c = 48; c <= 57; c++) kinds[c] = LOWER;
  for (let c = 97; c <= 122; c++) kinds[c] = LOWER;
  for (let c = 65; c <= 90; c++) kinds[c] = UPPER;
  for (const ch of '\\$^_{}') kinds[ch.charCodeAt(0)] = SPECIAL;
  return kinds;
})();
/** A word's two hashes: FNV-1a, and a multiply-xorshift one with the word's length mixed in at the end. */
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
const HASH_SEED_2 = 0x9747b28c | 0;
const HASH_PRIME_2 = 0x5bd1e995;

function finalHash(g: number, length: number): number {
  g = Math.imul(g ^ length, 0x85ebca6b);
  return g ^ (g >>> 13);
}

/**
 * Collects postings document by document; `finish` sorts the vocabulary and codes the lists.
 * Built for 100,000 abstracts in a few seconds: plain-ASCII text (nearly all of it) is scanned
 * character by character into an open-addressing table of the words seen, so a word already
 * known allocates nothing; other text goes through `tokenize`, the one normalizer, and lands in
 * the same table. Postings go to flat typed arrays, not one array per word.
 */
export class TextIndexBuilder {
  /** Open addressing: a term id (-1 when empty) and its two hashes, three numbers a slot. */
  private slots = new Int32Array(3 << 16).fill(-1);
  private termFlags = new Uint8Array(1 << 15);
  private lastDoc = new Int32Array(1 << 15).fill(-1);
  private docMask = new Uint8Array(1 << 15);
  private readonly words: string[] = [];
  /** The terms of the current document (their field masks are in docMask). */
  private docTerms = new Int32Array(1024);
  private docTermCount = 0;
  private currentDoc = -1;
  private postTerm = new Uint32Array(1 << 20);
  private postDoc = new Uint32Array(1 << 20);
  private postMask = new Uint8Array(1 << 20);
  private posts = 0;
  /** The words of the run being read: start, end and the two hashes of each. */
  private pending = new Int32Array(4 * 64);

  /**
   * Adds a field's text to a document; documents must be added in increasing order. Returns
   * how many words (of two letters or more, stopwords included) the text has.
   */
  add(doc: number, field: number, text: string): number {
    if (doc !== this.currentDoc) {
      if (doc < this.currentDoc) throw new Error(`documents must be added in order: ${doc} after ${this.currentDoc}`);
      this.flush();
      this.currentDoc = doc;
    }
    if (!text) return 0;
    const bit = 1 << field;
    let words = 0;
    // One pass over the characters. tokenize ends a word at every space or control character,
    // so the text is taken one space-separated run at a time: the letter/digit words of a run of
    // plain ASCII (nearly all) are hashed here as they are read and interned when the run ends;
    // a run with anything else (accents, TeX) goes through tokenize instead.
    const n = text.length;
    let runStart = 0;
    let wordStart = -1;
    let h = HASH_SEED;
    let g = HASH_SEED_2;
    let pending = 0;
    for (let i = 0; i <= n; i++) {
      let c = i < n ? text.charCodeAt(i) : 32;
      const kind = c < 128 ? CHAR_KIND[c]! : SPECIAL;
      if (kind <= UPPER) {
        if (kind === UPPER) c += 32;
        if (wordStart < 0) {
          wordStart = i;
          h = HASH_SEED;
          g = HASH_SEED_2;
        }
        h = Math.imul(h ^ c, HASH_PRIME);
        g = Math.imul(g ^ c, HASH_PRIME_2);
        g ^= g >>> 15;
        continue;
      }
      if (wordStart >= 0) {
        if (i - wordStart >= 2) {
          if (4 * pending + 4 > this.pending.length) this.growPending();
          const at = 4 * pending++;
          this.pending[at] = wordStart;
          this.pending[at + 1] = i;
          this.pending[at + 2] = h;
          this.pending[at + 3] = finalHash(g, i - wordStart);
        }
        wordStart = -1;
      }
      if (kind === SPACE) {
        words += pending;
        for (let w = 0; w < pending; w++) {
          const at = 4 * w;
          const from = this.pending[at]!;
          this.post(this.intern(this.pending[at + 2]!, this.pending[at + 3]!, text, from, this.pending[at + 1]!), bit);
        }
        pending = 0;
        runStart = i + 1;
      } else if (kind === SPECIAL) {
        let end = i;
        while (end < n && text.charCodeAt(end) > 32) end++;
        words += this.addTokens(text.slice(runStart, end), bit);
        pending = 0;
        runStart = end + 1;
        i = end;
      }
    }
    return words;
  }

  private growPending(): void {
    const grown = new Int32Array(this.pending.length * 2);
    grown.set(this.pending);
    this.pending = grown;
  }

  /** Adds the words of `text` through tokenize; returns how many it has (of two letters or more). */
  private addTokens(text: string, bit: number): number {
    let words = 0;
    for (const token of tokenize(text)) {
      const word = token.text;
      if (word.length < 2) continue;
      words++;
      let h = HASH_SEED;
      let g = HASH_SEED_2;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        h = Math.imul(h ^ c, HASH_PRIME);
        g = Math.imul(g ^ c, HASH_PRIME_2);
        g ^= g >>> 15;
      }
      this.post(this.intern(h, finalHash(g, word.length), word, 0, word.length), bit);
    }
    return words;
  }

  private post(term: number, bit: number): void {
    if (this.termFlags[term]! & STOP) return;
    if (this.lastDoc[term] !== this.currentDoc) {
      this.lastDoc[term] = this.currentDoc;
      this.docMask[term] = bit;
      if (this.docTermCount === this.docTerms.length) {
        const grown = new Int32Array(2 * this.docTerms.length);
        grown.set(this.docTerms);
        this.docTerms = grown;
      }
      this.docTerms[this.docTermCount++] = term;
    } else this.docMask[term]! |= bit;
  }

  /**
   * The term id of the word with hashes h and g (g covers its length too), text[start, end)
   * lowercased, added to the table if new. Two independent 32-bit hashes stand for the word:
   * comparing the characters instead took a third of the build, and two different words
   * sharing both hashes is a one in 2^64 chance per pair (about one in 10^8 for a million-word
   * vocabulary), which at worst would make one word also find the other's papers.
   */
  private intern(h: number, g: number, text: string, start: number, end: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const t = slots[3 * slot]!;
      if (t === -1) break;
      if (slots[3 * slot + 1] === h && slots[3 * slot + 2] === g) return t;
    }
    const word = text.slice(start, end).toLowerCase();
    const id = this.words.length;
    this.words.push(word);
    if (id === this.termFlags.length) this.growTerms();
    this.termFlags[id] = STOPWORDS.has(word) ? STOP : 0;
    if (this.words.length * 2 > slots.length / 3) this.rehash();
    else this.place(slots, mask, id, h, g);
    return id;
  }

  private place(slots: Int32Array, mask: number, id: number, h: number, g: number): void {
    let slot = h & mask;
    while (slots[3 * slot] !== -1) slot = (slot + 1) & mask;
    slots[3 * slot] = id;
    slots[3 * slot + 1] = h;
    slots[3 * slot + 2] = g;
  }

  private growTerms(): void {
    const n = this.termFlags.length * 2;
    const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T, fill?: number): T => {
      const b = make(n);
      if (fill !== undefined) b.fill(fill);
      b.set(a);
      return b;
    };
    this.termFlags = grow(this.termFlags, (k) => new Uint8Array(k));
    this.lastDoc = grow(this.lastDoc, (k) => new Int32Array(k), -1);
    this.docMask = grow(this.docMask, (k) => new Uint8Array(k));
  }

  /** Doubles the table; each slot's hash says where its term goes. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    const mask = slots.length / 3 - 1;
    for (let s = 0; s < old.length; s += 3) if (old[s] !== -1) this.place(slots, mask, old[s]!, old[s + 1]!, old[s + 2]!);
    this.slots = slots;
  }

  private flush(): void {
    const count = this.docTermCount;
    const need = this.posts + count;
    if (need > this.postTerm.length) {
      let size = this.postTerm.length;
      while (size < need) size *= 2;
      const t = new Uint32Array(size);
      t.set(this.postTerm.subarray(0, this.posts));
      const d = new Uint32Array(size);
      d.set(this.postDoc.subarray(0, this.posts));
      const m = new Uint8Array(size);
      m.set(this.postMask.subarray(0, this.posts));
      this.postTerm = t;
      this.postDoc = d;
      this.postMask = m;
    }
    for (let i = 0; i < count; i++) {
      const term = this.docTerms[i]!;
      this.postTerm[this.posts] = term;
      this.postDoc[this.posts] = this.currentDoc;
      this.postMask[this.posts++] = this.docMask[term]!;
    }
    this.docTermCount = 0;
  }

  /** Codes the index; `docCount` is how many ordinals there are (at least the last document + 1). */
  finish(docCount = this.currentDoc + 1): TextIndex {
    this.flush();
    const { words, posts, postTerm, postDoc, postMask } = this;
    const df = new Uint32Array(words.length);
    for (let i = 0; i < posts; i++) df[postTerm[i]!]!++;
    const kept = words.map((_, t) => t).filter((t) => df[t]! > 0);
    kept.sort((a, b) => (words[a]! < words[b]! ? -1 : 1));
    const rank = new Int32Array(words.length);
    kept.forEach((t, r) => (rank[t] = r));
    // Postings grouped by term (a stable counting sort keeps each list's ordinals increasing).
    const start = new Uint32Array(kept.length + 1);
    kept.forEach((t, r) => (start[r + 1] = start[r]! + df[t]!));
    const fill = start.slice(0, kept.length);
    const docs = new Uint32Array(posts);
    const masks = new Uint8Array(posts);
    const maskCount = new Uint32Array(256);
    for (let i = 0; i < posts; i++) {
      const at = fill[rank[postTerm[i]!]!]!++;
      docs[at] = postDoc[i]!;
      masks[at] = postMask[i]!;
      maskCount[postMask[i]!]!++;
    }
    const maskByRank = Uint8Array.from(
      [...maskCount.keys()].filter((m) => maskCount[m]! > 0).sort((a, b) => maskCount[b]! - maskCount[a]! || a - b),
    );
    const maskRank = new Uint8Array(256);
    maskByRank.forEach((m, r) => (maskRank[m] = r));
    const out = new BitWriter(Math.max(1024, posts));
    const bitStart = new Uint32Array(kept.length);
    const riceK = new Uint8Array(kept.length);
    const termDf = new Uint32Array(kept.length);
    for (let r = 0; r < kept.length; r++) {
      termDf[r] = start[r + 1]! - start[r]!;
      riceK[r] = riceParameter(docCount, termDf[r]!);
      bitStart[r] = out.position;
      encodePostings(out, docs, masks, start[r]!, start[r + 1]!, riceK[r]!, maskRank);
    }
    return new TextIndex({
      terms: kept.map((t) => words[t]!).join('\n'),
      df: termDf,
      bitStart,
      riceK,
      maskByRank,
      bits: out.finish(),
      docCount,
    });
  }
}

const MAX_PREFIX_TERMS = 64;
/** Decoded postings kept for the next keystrokes: about 10 MB at most. */
const DECODED_CACHE_POSTINGS = 2_000_000;
/** An index with at most this many postings (about 600 papers) is decoded whole after loading. */
const DECODE_ALL_POSTINGS = 100_000;
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
  readonly terms: string[];
  private trigrams: Map<string, number[]> | null = null;
  private counts: Uint16Array | null = null;
  private decoded = new Map<number, Postings>();
  private decodedPostings = 0;

  /** `cacheBudget`: how many decoded postings `postings` keeps (tests make it small). */
  constructor(
    private readonly data: SerializedTextIndex,
    private readonly cacheBudget = DECODED_CACHE_POSTINGS,
  ) {
    this.terms = data.terms ? data.terms.split('\n') : [];
  }

  /** The index from its stored form (nothing decoded yet; see `postings` and `decodeAllIfSmall`). */
  static deserialize(s: SerializedTextIndex): TextIndex {
    return new TextIndex(s);
  }

  serialize(): SerializedTextIndex {
    return this.data;
  }

  /** Bytes the stored form takes (typed arrays and the vocabulary). */
  get storedBytes(): number {
    const d = this.data;
    return d.terms.length + d.df.byteLength + d.bitStart.byteLength + d.riceK.byteLength + d.maskByRank.byteLength + d.bits.byteLength;
  }

  df(term: number): number {
    return this.data.df[term]!;
  }

  /**
   * A term's postings, decoded on first use and kept, the least recently used dropped first
   * once more than DECODED_CACHE_POSTINGS are kept: typing a word decodes its completions once,
   * and the next keystrokes find them again. A small index (a few hundred papers) is decoded
   * whole right after it is loaded (lib/db loadSearchIndex, on a timer), as it fits the cache.
   */
  postings(term: number): Postings {
    const decoded = this.decoded;
    const hit = decoded.get(term);
    if (hit) {
      // Most recently used last (a Map iterates in insertion order).
      decoded.delete(term);
      decoded.set(term, hit);
      return hit;
    }
    const p = this.decode(term);
    this.decodedPostings += p.docs.length;
    for (const [old, q] of decoded) {
      if (this.decodedPostings <= this.cacheBudget) break;
      decoded.delete(old);
      this.decodedPostings -= q.docs.length;
    }
    decoded.set(term, p);
    return p;
  }

  /** Decodes a term's postings from the stored bits (not cached). */
  decode(term: number): Postings {
    const df = this.data.df[term]!;
    const p: Postings = { docs: new Uint32Array(df), fields: new Uint8Array(df) };
    decodePostings(this.data.bits, this.data.bitStart[term]!, df, this.data.riceK[term]!, this.data.maskByRank, p.docs, p.fields);
    return p;
  }

  /** Decoded postings kept now. */
  get cachedPostings(): number {
    return this.decodedPostings;
  }

  /** Postings in all, over every term. */
  get postingCount(): number {
    let sum = 0;
    for (const df of this.data.df) sum += df;
    return sum;
  }

  /** Decodes every term now, when they all fit the cache (a small library). */
  decodeAllIfSmall(limit = DECODE_ALL_POSTINGS): void {
    if (this.postingCount > Math.min(limit, this.cacheBudget)) return;
    for (let t = 0; t < this.terms.length; t++) this.postings(t);
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
