import { describe, expect, it } from 'vitest';
import { highlightRanges, snippet } from './highlight';

describe('highlightRanges', () => {
  it('marks the source text of matched normalized words', () => {
    const text = 'iTransformer: Inverted Transformers Are Effective';
    const ranges = highlightRanges(text, new Set(['itransformer', 'transformers']));
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['iTransformer', 'Transformers']);
  });

  it('matches words with diacritics and case folded', () => {
    const text = 'Réseaux de NEURONES';
    expect(highlightRanges(text, new Set(['reseaux', 'neurones'])).map((r) => text.slice(r.start, r.end))).toEqual([
      'Réseaux',
      'NEURONES',
    ]);
  });

  it('marks nothing without terms', () => {
    expect(highlightRanges('anything', new Set())).toEqual([]);
  });
});

describe('snippet', () => {
  const long = `${'lead words '.repeat(30)}the zanzibarite result is here ${'tail words '.repeat(30)}`;

  it('cuts a window around the first match with ellipses and shifted ranges', () => {
    const s = snippet(long, new Set(['zanzibarite']), 40);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.ranges).toHaveLength(1);
    expect(s.text.slice(s.ranges[0]!.start, s.ranges[0]!.end)).toBe('zanzibarite');
    expect(s.text.length).toBeLessThan(110);
  });

  it('starts at the beginning without a match', () => {
    const s = snippet(long, new Set(['absent']), 40);
    expect(s.text.startsWith('lead words')).toBe(true);
    expect(s.ranges).toEqual([]);
  });

  it('keeps short text whole', () => {
    expect(snippet('short note', new Set(['note']))).toEqual({ text: 'short note', ranges: [{ start: 6, end: 10 }] });
  });
});
