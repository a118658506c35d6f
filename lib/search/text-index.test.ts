import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/rng';
import { tokenize } from '../match/normalize';
import { isStopword, mostFrequent, TextIndex, TextIndexBuilder } from './text-index';

/** Random field texts mixing plain ASCII (most), case, punctuation, accents, Greek and TeX. */
function randomDocs(seed: number, count: number): string[][] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const pieces = [
    'transformer', 'Attention', 'is', 'ALL', 'you', 'need', 'the', 'of', 'a', 'x', 'GPT-4', 'state-of-the-art',
    'naïve', 'Schrödinger', 'Ångström', 'μnit', '$\\alpha$-Entmax', 'FiT$_\\text{v2}$', '\\textbf{Bold}', 'k × k',
    'Transformer$^2$', '(ViT)', 'e.g.,', '2024', 'x2', "don't", 'café', 'ﬁne', 'straße', '\\"{o}', 'L2-norm', '',
  ];
  const spaces = [' ', ' ', ' ', '  ', '\n', '\t', ', ', '. ', '-', '/'];
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 }, () => {
      const words = Array.from({ length: Math.floor(rand() * 30) }, () => {
        if (rand() < 0.3) {
          // A made-up word, so the vocabulary grows past the table's first size.
          return Array.from({ length: 2 + Math.floor(rand() * 6) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
        }
        return pick(pieces);
      });
      return words.map((w) => w + pick(spaces)).join('');
    }),
  );
}

/** Every term's postings as "doc:mask" strings, decoded the straightforward way. */
function allPostings(index: TextIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  index.terms.forEach((term, t) => {
    const { docs, fields } = index.postings(t);
    out.set(term, [...docs].map((d, i) => `${d}:${fields[i]}`));
  });
  return out;
}

/** The same index computed with tokenize on each whole field, word by word. */
function reference(docs: string[][]): Map<string, string[]> {
  const masks = new Map<string, Map<number, number>>();
  docs.forEach((fields, doc) =>
    fields.forEach((text, field) => {
      for (const { text: word } of tokenize(text)) {
        if (word.length < 2 || isStopword(word)) continue;
        const byDoc = masks.get(word) ?? new Map<number, number>();
        byDoc.set(doc, (byDoc.get(doc) ?? 0) | (1 << field));
        masks.set(word, byDoc);
      }
    }),
  );
  return new Map([...masks].map(([word, byDoc]) => [word, [...byDoc].map(([d, m]) => `${d}:${m}`)]));
}

describe('TextIndexBuilder', () => {
  it('indexes the same words as tokenize, with the same documents and fields, on random text', () => {
    for (const seed of [1, 2]) {
      const docs = randomDocs(seed, 250);
      const builder = new TextIndexBuilder();
      docs.forEach((fields, doc) => fields.forEach((text, field) => builder.add(doc, field, text)));
      const index = builder.finish(docs.length);
      const expected = reference(docs);
      expect(index.terms).toEqual([...expected.keys()].sort());
      expect(allPostings(index)).toEqual(expected);
    }
  });

  it('grows its word table past its first size without losing a word', () => {
    const builder = new TextIndexBuilder();
    const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}`);
    // Every word twice, 700 documents apart: a word that the table lost when it grew would
    // come back as a second term holding only its second document.
    for (let doc = 0; doc < 1400; doc++) builder.add(doc, 3, words.slice((doc % 700) * 100, (doc % 700) * 100 + 100).join(' '));
    const index = builder.finish(1400);
    const kept = words.filter((w) => !isStopword(w));
    expect(new Set(index.terms).size).toBe(index.terms.length);
    expect(index.terms.length).toBe(kept.length);
    const termOf = new Map(index.terms.map((term, t) => [term, t]));
    const wrong = words.filter((word, i) => {
      if (isStopword(word)) return false;
      const doc = Math.floor(i / 100);
      return [...index.postings(termOf.get(word)!).docs].join() !== `${doc},${doc + 700}`;
    });
    expect(wrong).toEqual([]);
  });
});

describe('TextIndex decoded postings cache', () => {
  const built = () => {
    const builder = new TextIndexBuilder();
    randomDocs(9, 600).forEach((fields, doc) => fields.forEach((text, field) => builder.add(doc, field, text)));
    return builder.finish(600).serialize();
  };

  it('gives the same postings as a plain decode, in any order of use, within its budget', () => {
    const stored = built();
    const plain = new TextIndex(stored);
    const budget = 500;
    const cached = new TextIndex(stored, budget);
    const rand = rng(4);
    for (let i = 0; i < 3000; i++) {
      // Mostly a few recent terms again (as keystrokes do), sometimes any term.
      const t = rand() < 0.7 ? Math.floor(rand() * 20) : Math.floor(rand() * cached.terms.length);
      const got = cached.postings(t);
      const want = plain.decode(t);
      expect([...got.docs]).toEqual([...want.docs]);
      expect([...got.fields]).toEqual([...want.fields]);
      expect(cached.cachedPostings).toBeLessThanOrEqual(Math.max(budget, want.docs.length));
    }
  });

  it('decodes a small index whole when asked, and a large one only on use', () => {
    const stored = built();
    const small = TextIndex.deserialize(structuredClone(stored));
    expect(small.cachedPostings).toBe(0);
    small.decodeAllIfSmall();
    expect(small.cachedPostings).toBe(small.postingCount);
    const large = new TextIndex(stored, 100);
    large.decodeAllIfSmall();
    expect(large.cachedPostings).toBe(0);
  });
});

describe('mostFrequent', () => {
  it('picks what sorting the range by document count (stable, so ties in term order) and taking the first ones picks', () => {
    const rand = rng(11);
    // Few distinct counts, so ties are common.
    const df = Uint32Array.from({ length: 3000 }, () => 1 + Math.floor(rand() * rand() * 40));
    for (let trial = 0; trial < 200; trial++) {
      const from = Math.floor(rand() * df.length);
      const to = from + Math.floor(rand() * (df.length - from + 1));
      const count = [0, 1, 5, 64, 5000][trial % 5]!;
      const sorted = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => df[b]! - df[a]!);
      expect(mostFrequent(df, from, to, count)).toEqual(sorted.slice(0, count));
    }
  });
});
