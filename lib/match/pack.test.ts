import { describe, expect, it } from 'vitest';
import { pack, unpack } from './pack';
import { buildTitleIndex, matchCandidates } from './title-index';

describe('pack / unpack', () => {
  it('gives back every kind of value an index holds', () => {
    const value = {
      empty: [] as string[],
      one: [''],
      strings: ['a', 'b c', 'Ünïcode 🚀', ''],
      withSeparator: ['a\u0000b', 'c'],
      numbers: [1, 2.5, -3],
      nested: [[['x']], [{ a: 1 }]],
      map: new Map([
        ['arxiv:1706.03762', 'attn'],
        ['doi:10.1/x', 'bert'],
      ]),
      numberMap: new Map([[1, [2, 3]]]),
      set: new Set(['a', 'b']),
      emptySet: new Set<string>(),
      typed: new Uint32Array([1, 2, 3]),
      flag: true,
      nothing: null,
      size: 3,
    };
    expect(unpack(pack(value))).toEqual(value);
    expect(unpack(structuredClone(pack(value)))).toEqual(value);
  });

  it('stores a string array as one string', () => {
    expect(pack(['a', 'b'])).toEqual({ $: 'strings', n: 2, v: 'a\u0000b' });
  });

  it('refuses what it cannot store instead of losing it', () => {
    expect(() => pack({ f: () => 1 })).toThrow(/cannot store a function/);
    expect(() => pack({ d: new Date() })).toThrow(/cannot store a Date/);
    expect(() => unpack({ $: 'other' })).toThrow(/not a stored match index/);
  });

  it('gives back a title index that matches as the one built', () => {
    const index = buildTitleIndex([
      { id: 'attn', title: 'Attention Is All You Need' },
      { id: 'svt', title: 'Scaling Vision Transformers' },
      { id: 'one', title: 'Transformers' },
      { id: 'naive', title: 'Naïve Bayes Meets Self-Attention: A Study' },
    ]);
    const restored = unpack(structuredClone(pack(index))) as typeof index;
    expect(restored).toEqual(index);
    const candidates = [
      { kind: 'title' as const, text: 'Attention Is All You Need (2017)' },
      { kind: 'text' as const, text: 'We read “Scaling Vision Transformers” and Naive Bayes Meets Self-Attention: A Study.' },
    ];
    expect(matchCandidates(restored, candidates)).toEqual(matchCandidates(index, candidates));
    expect(matchCandidates(restored, candidates)).toHaveLength(3);
  });
});
