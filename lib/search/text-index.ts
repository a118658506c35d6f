import { tokenize } from '../match/normalize';
import { decodePostings, postingBits, postingBytes, riceParameter, writePosting } from './rice';
import { allowedTypos, boundedDistances } from './edit-distance';

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

/** Postings are kept as term id * 128 + field mask in one Uint32: term ids stay under 2^25. */
const MAX_TERMS = 1 << 25;
const MASK_SHIFT = 7;
const MASK_OF = (1 << MASK_SHIFT) - 1;
/** Postings a chunk holds (1 MB): the lists grow a chunk at a time, never copied. */
const CHUNK_SHIFT = 18;
const CHUNK = 1 << CHUNK_SHIFT;
/** lastDoc of a stopword: never a document, so a stopword is never listed in one. */
const NEVER = 0x7fffffff;

/**
 * Collects postings document by document; `finish` sorts the vocabulary and codes the lists.
 * Built for 100,000 abstracts in a few seconds: plain-ASCII text (nearly all of it) is scanned
 * character by character into an open-addressing table of the words seen, so a word already
 * known allocates nothing; other text goes through `tokenize`, the one normalizer, and lands in
 * the same table. Each document's distinct terms are appended (term and field mask in one
 * number) to fixed-size chunks, and `finish` Rice-codes them straight from there: one pass
 * measures each term's list, a second writes every posting at its list's cursor. Memory the
 * build touches is most of its cost at 100,000 papers (fresh pages and the garbage collections
 * large allocations start), so nothing is grown by copying and no term-ordered copy is made.
 */
export class TextIndexBuilder {
  /** Open addressing: a term id (-1 when empty) and its two hashes, three numbers a slot. */
  private slots = new Int32Array(3 << 16).fill(-1);
  /** The last document each term was listed in (NEVER for stopwords). */
  private lastDoc = new Int32Array(1 << 15).fill(-1);
  private docMask = new Uint8Array(1 << 15);
  /** How many documents each term is in. */
  private df = new Uint32Array(1 << 15);
  private readonly words: string[] = [];
  /** The terms of the current document (their field masks are in docMask). */
  private docTerms = new Int32Array(1024);
  private docTermCount = 0;
  private currentDoc = -1;
  /** Term ids of the words of the space-separated run being read (see add). */
  private runTerms: Int32Array = new Int32Array(64);
  private readonly chunks: Uint32Array[] = [];
  private posts = 0;
  /** The documents with postings, in order, and where each one's postings end. */
  private docIds = new Uint32Array(1024);
  private docEnds = new Float64Array(1024);
  private docCount = 0;
  private readonly maskCount = new Float64Array(1 << MASK_SHIFT);

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
    // plain ASCII (nearly all) are hashed as they are read and interned, and listed when the
    // run ends; a run with anything else (accents, TeX) goes through tokenize instead.
    const n = text.length;
    let runStart = 0;
    let runWords = 0;
    let runTerms = this.runTerms;
    let wordStart = -1;
    let h = HASH_SEED;
    let g = HASH_SEED_2;
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
          if (runWords === runTerms.length) runTerms = this.growRun();
          runTerms[runWords++] = this.intern(h, finalHash(g, i - wordStart), text, wordStart, i);
        }
        wordStart = -1;
      }
      if (kind === SPACE) {
        if (runWords > 0) {
          words += runWords;
          for (let w = 0; w < runWords; w++) this.post(runTerms[w]!, bit);
          runWords = 0;
        }
        runStart = i + 1;
      } else if (kind === SPECIAL) {
        // The run's words read so far stay in the vocabulary unlisted; finish drops such words.
        let end = i;
        while (end < n && text.charCodeAt(end) > 32) end++;
        words += this.addTokens(text.slice(runStart, end), bit);
        runWords = 0;
        runStart = end + 1;
        i = end;
      }
    }
    return words;
  }

  private growRun(): Int32Array {
    const grown = new Int32Array(this.runTerms.length * 2);
    grown.set(this.runTerms);
    return (this.runTerms = grown);
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
    if (this.lastDoc[term] !== this.currentDoc) {
      // A stopword's lastDoc is NEVER: it lands here only to be dropped.
      if (this.lastDoc[term] === NEVER) return;
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
    if (id === MAX_TERMS) throw new Error(`search index: more than ${MAX_TERMS} distinct words`);
    this.words.push(word);
    if (id === this.lastDoc.length) this.growTerms();
    this.lastDoc[id] = STOPWORDS.has(word) ? NEVER : -1;
    // The new word goes in after a rehash (which moves only the words already in the table).
    if (this.words.length * 2 > slots.length / 3) this.rehash();
    this.place(this.slots, this.slots.length / 3 - 1, id, h, g);
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
    const n = this.lastDoc.length * 2;
    const lastDoc = new Int32Array(n);
    lastDoc.set(this.lastDoc);
    this.lastDoc = lastDoc;
    const docMask = new Uint8Array(n);
    docMask.set(this.docMask);
    this.docMask = docMask;
    const df = new Uint32Array(n);
    df.set(this.df);
    this.df = df;
  }

  /** Doubles the table; each slot's hash says where its term goes. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    const mask = slots.length / 3 - 1;
    for (let s = 0; s < old.length; s += 3) if (old[s] !== -1) this.place(slots, mask, old[s]!, old[s + 1]!, old[s + 2]!);
    this.slots = slots;
  }

  /** Appends the current document's terms to the postings. */
  private flush(): void {
    const count = this.docTermCount;
    if (count === 0) return;
    const { docTerms, docMask, df, maskCount, chunks } = this;
    let posts = this.posts;
    for (let i = 0; i < count; i++) {
      const term = docTerms[i]!;
      const mask = docMask[term]!;
      df[term]!++;
      maskCount[mask]!++;
      const offset = posts & (CHUNK - 1);
      if (offset === 0) chunks.push(new Uint32Array(CHUNK));
      chunks[posts >>> CHUNK_SHIFT]![offset] = term * (MASK_OF + 1) + mask;
      posts++;
    }
    this.posts = posts;
    if (this.docCount === this.docIds.length) {
      const ids = new Uint32Array(2 * this.docCount);
      ids.set(this.docIds);
      this.docIds = ids;
      const ends = new Float64Array(2 * this.docCount);
      ends.set(this.docEnds);
      this.docEnds = ends;
    }
    this.docIds[this.docCount] = this.currentDoc;
    this.docEnds[this.docCount++] = posts;
    this.docTermCount = 0;
  }

  /**
   * Calls `visit(doc, chunk, from, to)` for every stretch of one document's postings within one
   * chunk, in document order: the passes of `finish` loop over `chunk` from `from` to `to`.
   */
  private forEachStretch(visit: (doc: number, chunk: Uint32Array, from: number, to: number) => void): void {
    let at = 0;
    for (let d = 0; d < this.docCount; d++) {
      const doc = this.docIds[d]!;
      const end = this.docEnds[d]!;
      while (at < end) {
        const c = Math.floor(at / CHUNK);
        const stop = Math.min(end, (c + 1) * CHUNK);
        visit(doc, this.chunks[c]!, at - c * CHUNK, stop - c * CHUNK);
        at = stop;
      }
    }
  }

  /** Codes the index; `docCount` is how many ordinals there are (at least the last document + 1). */
  finish(docCount = this.currentDoc + 1): TextIndex {
    this.flush();
    const { words, df, maskCount } = this;
    const kept: number[] = [];
    for (let t = 0; t < words.length; t++) if (df[t]! > 0) kept.push(t);
    kept.sort((a, b) => (words[a]! < words[b]! ? -1 : 1));
    const maskByRank = Uint8Array.from(
      [...maskCount.keys()].filter((m) => maskCount[m]! > 0).sort((a, b) => maskCount[b]! - maskCount[a]! || a - b),
    );
    const maskRank = new Uint8Array(1 << MASK_SHIFT);
    maskByRank.forEach((m, r) => (maskRank[m] = r));
    // Each term's Rice parameter, then its list's length in bits (gaps from lastDoc, reset).
    const k = new Uint8Array(words.length);
    for (const t of kept) k[t] = riceParameter(docCount, df[t]!);
    const last = this.lastDoc.fill(-1);
    const cursor = new Float64Array(words.length);
    this.forEachStretch((doc, chunk, from, to) => {
      for (let i = from; i < to; i++) {
        const t = chunk[i]! >>> MASK_SHIFT;
        cursor[t]! += postingBits(doc - last[t]! - 1, k[t]!, maskRank[chunk[i]! & MASK_OF]!);
        last[t] = doc;
      }
    });
    // Lists one after the other in vocabulary order; each cursor moves to its list's start.
    const bitStart = new Uint32Array(kept.length);
    const riceK = new Uint8Array(kept.length);
    const termDf = new Uint32Array(kept.length);
    let bits = 0;
    kept.forEach((t, r) => {
      bitStart[r] = bits;
      riceK[r] = k[t]!;
      termDf[r] = df[t]!;
      const length = cursor[t]!;
      cursor[t] = bits;
      bits += length;
    });
    if (bits >= 2 ** 32) throw new Error(`search index: postings of ${bits} bits do not fit 32-bit offsets`);
    const out = new Uint8Array(postingBytes(bits));
    last.fill(-1);
    this.forEachStretch((doc, chunk, from, to) => {
      for (let i = from; i < to; i++) {
        const packed = chunk[i]!;
        const t = packed >>> MASK_SHIFT;
        const mask = packed & MASK_OF;
        cursor[t] = writePosting(out, cursor[t]!, doc - last[t]! - 1, k[t]!, maskRank[mask]!, mask);
        last[t] = doc;
      }
    });
    return new TextIndex({
      terms: kept.map((t) => words[t]!).join('\n'),
      df: termDf,
      bitStart,
      riceK,
      maskByRank,
      bits: out,
      docCount,
    });
  }
}

/** Completions a word being typed stands for at most: the most frequent ones. */
const MAX_PREFIX_TERMS = 64;

/**
 * The `count` terms of [from, to) in most documents, most first (of equal counts the lower
 * term first), as sorting the range by `df` would give them; kept in a short sorted list
 * instead, as one or two letters begin thousands of words of which a few dozen are wanted.
 */
export function mostFrequent(df: ArrayLike<number>, from: number, to: number, count: number): number[] {
  const top: number[] = [];
  for (let t = from; t < to; t++) {
    const f = df[t]!;
    if (top.length === count && !(f > df[top[count - 1]!]!)) continue;
    // After the last kept term with as many documents or more (they are lower terms).
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (df[top[mid]!]! >= f) lo = mid + 1;
      else hi = mid;
    }
    if (top.length === count) top.pop();
    top.splice(lo, 0, t);
  }
  return top;
}
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
      let postings = 0;
      for (const t of mostFrequent(this.data.df, from, end, MAX_PREFIX_TERMS)) {
        if (postings > 0 && postings + this.df(t) > postingBudget) break;
        postings += this.df(t);
        out.push({ term: t, sim: 0.55 + 0.35 * (word.length / this.terms[t]!.length), prefix: true });
      }
    }
    const typos = allowedTypos(word.length);
    if (!exact && typos > 0) {
      const seen = new Set(out.map((e) => e.term));
      const candidates = this.similarTerms(word, typos).filter((t) => !seen.has(t));
      const words = candidates.map((t) => this.terms[t]!);
      const fuzzyPrefix = isPrefix && word.length >= MIN_FUZZY_PREFIX;
      const distances = boundedDistances(word, words, typos, fuzzyPrefix);
      const near: Expansion[] = [];
      candidates.forEach((t, k) => {
        const full = distances.full[k]!;
        if (full <= typos) {
          near.push({ term: t, sim: full === 1 ? 0.75 : 0.5 });
          return;
        }
        const partial = distances.prefix?.[k] ?? typos + 1;
        if (partial <= typos) near.push({ term: t, sim: (partial === 1 ? 0.65 : 0.45) * (0.6 + 0.4 * (word.length / words[k]!.length)) });
      });
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
