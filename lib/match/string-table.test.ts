import { describe, expect, it } from 'vitest';
import {
  byteAt,
  compareAt,
  compareStrings,
  indexOfSorted,
  isStringTable,
  lowerBound,
  packStrings,
  prefixRange,
  sortStrings,
  stringAt,
  unpackStrings,
} from './string-table';

/** Strings whose UTF-16 order and code point order disagree (U+FF5E against an astral letter), Greek, and ASCII. */
const WORDS = ['attention', 'attention is all you need', 'attn', 'μnit scaling', 'α entmax', 'ｆｕｌｌ', '𝑥 marks', 'b', '', 'attention!'];

describe('string tables', () => {
  it('give back every string, Unicode included, also after a structured clone (what IndexedDB does)', () => {
    const table = packStrings(WORDS);
    expect(unpackStrings(table)).toEqual(WORDS);
    const cloned = structuredClone(table);
    expect(isStringTable(cloned)).toBe(true);
    expect(unpackStrings(cloned)).toEqual(WORDS);
    // UTF-8, not two bytes a character because of one Greek letter.
    expect(table.bytes.length).toBe(new TextEncoder().encode(WORDS.join('')).length);
  });

  it('sort in code point order, the order of the UTF-8 bytes they are searched in', () => {
    const sorted = sortStrings(WORDS);
    const bytes = sorted.map((w) => [...new TextEncoder().encode(w)]);
    for (let i = 1; i < bytes.length; i++) {
      const [a, b] = [bytes[i - 1]!, bytes[i]!];
      const k = a.findIndex((x, j) => x !== b[j]);
      expect(k === -1 ? a.length <= b.length : a[k]! < (b[k] ?? -1)).toBe(true);
    }
    // UTF-16 order would put the astral letter (a surrogate pair) before the full-width one.
    expect(sorted.indexOf('ｆｕｌｌ')).toBeLessThan(sorted.indexOf('𝑥 marks'));
    expect(compareStrings('a', 'ab')).toBeLessThan(0);
  });

  it('find strings, their insertion points and prefix runs by binary search, as a plain search would', () => {
    const sorted = sortStrings(WORDS);
    const table = packStrings(sorted);
    for (const target of [...WORDS, 'a', 'attention i', 'z', 'α', 'μnit', '𝑥', 'ｆ']) {
      const expected = sorted.findIndex((w) => compareStrings(w, target) >= 0);
      expect(lowerBound(table, target)).toBe(expected === -1 ? sorted.length : expected);
      expect(indexOfSorted(table, target)).toBe(sorted.indexOf(target));
      const { from, to } = prefixRange(table, target);
      expect(sorted.slice(from, to)).toEqual(sorted.filter((w) => w.startsWith(target)));
    }
    const at = indexOfSorted(table, 'attention');
    expect(compareAt(table, at, 'attention')).toBe(0);
    expect(stringAt(table, at)).toBe('attention');
    expect(byteAt(table, at, 8)).toBe('n'.charCodeAt(0));
    expect(byteAt(table, at, 9)).toBe(-1);
  });

  it('refuse a stored value of another shape', () => {
    expect(isStringTable({ bytes: new Uint8Array(2), ends: new Uint32Array([1]) })).toBe(false);
    expect(isStringTable({ text: 'ab', ends: new Uint32Array([2]) })).toBe(false);
    expect(isStringTable(packStrings([]))).toBe(true);
  });
});
