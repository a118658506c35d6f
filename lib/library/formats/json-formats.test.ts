import { describe, expect, it } from 'vitest';
import { readCslItems } from './csl-json';
import { linesOf } from './json-items';
import { arrayItemLines } from './json-positions';
import { readPaperItems } from './paperlens-json';
import { fixture, runReader } from './testing';

function readCsl(text: string) {
  const items = JSON.parse(text) as unknown[];
  return runReader(readCslItems(items, linesOf(text, items.length)));
}

describe('CSL-JSON', () => {
  it('reads a Better BibTeX CSL JSON export', () => {
    const { entries, problems } = readCsl(fixture('zotero-better-csl.json'));
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    const [abbott, abdi, achard, arroyo, athreya] = entries;
    expect(abbott).toMatchObject({ title: 'Understanding Analysis', authors: ['Stephen Abbott'], year: 2015, key: 'abbottUnderstandingAnalysis2015' });
    expect(abbott!.abstract).toContain('Euler’s computation of ζ(2)');
    expect(abdi).toEqual({ title: 'Holm’s Sequential Bonferroni Procedure', authors: ['Herve Abdi'], tags: [], key: 'abdiHolmSequentialBonferroni', line: 3 });
    expect(achard).toMatchObject({
      venue: 'PLOS Computational Biology',
      doi: '10.1371/journal.pcbi.0030017',
      year: 2007,
      authors: ['Sophie Achard', 'Ed Bullmore'],
    });
    expect(arroyo).toMatchObject({ arxivId: '1701.08140', url: 'http://arxiv.org/abs/1701.08140', year: 2017 });
    expect(arroyo!.authors[0]).toBe('Jesús D. Arroyo-Relión');
    expect(athreya!.doi).toBe('10.1080/10618600.2016.1193505');
  });

  it("reads Zotero's own CSL JSON: literal and particle names, arXiv number, keywords, rich-text titles", () => {
    const text = JSON.stringify(
      [
        {
          id: 'http://zotero.org/users/1/items/ABCD',
          type: 'article',
          title: 'A <i>sparse</i> attention',
          number: 'arXiv:2101.00001',
          author: [{ family: 'Waals', 'non-dropping-particle': 'van der', given: 'J. D.' }, { literal: 'The LIGO Scientific Collaboration' }],
          issued: { 'date-parts': [['2021', 1, 5]] },
          keyword: 'attention, sparsity',
        },
        { type: 'report', title: 'GPT-4 Technical Report', author: [{ literal: 'OpenAI' }], issued: { raw: '2023-03-27' }, archive_location: 'arXiv:2303.08774' },
      ],
      null,
      2,
    );
    const { entries } = readCsl(text);
    expect(entries[0]).toMatchObject({
      title: 'A sparse attention',
      arxivId: '2101.00001',
      authors: ['J. D. van der Waals', 'The LIGO Scientific Collaboration'],
      year: 2021,
      tags: ['attention', 'sparsity'],
      line: 2,
    });
    expect(entries[1]).toMatchObject({ arxivId: '2303.08774', year: 2023, authors: ['OpenAI'], line: 28 });
  });

  it('reports an item of the wrong shape or without a title with its line, and imports the rest', () => {
    const text = '[\n{"title": "Good"},\n{"title": "Bad", "author": "not a list"},\n{"id": "x1", "type": "book"},\n{"title": ["no"]},\n"just text"\n]';
    const { entries, problems } = readCsl(text);
    expect(entries.map((e) => e.title)).toEqual(['Good']);
    expect(problems).toEqual([
      { line: 3, reason: 'Item 2 could not be read: author should be a list.' },
      { line: 4, reason: 'The entry “x1” has no title, so it was not imported.' },
      { line: 5, reason: 'Item 4 could not be read: title should be text or a number.' },
      { line: 6, reason: 'Item 5 could not be read: the item should be an object.' },
    ]);
  });
});

describe('PaperLens JSON', () => {
  it("reads the catalog's own format, keeping TL;DRs and arXiv ids", () => {
    const catalog = {
      version: 'abc',
      papers: [
        { id: 'attention-1', title: 'Attention Is All You Need', abstract: 'We propose…', tldr: 'Transformers.', keyResult: null, links: [], topics: ['nlp'], sources: ['a.txt'], arxivId: '1706.03762' },
        { id: 'saved', title: 'A Saved Paper', abstract: '', tldr: '', keyResult: null, links: [], topics: [], sources: [], authors: ['Jane Doe'], year: 2024, url: 'https://example.org/p' },
      ],
    };
    const text = JSON.stringify(catalog, null, 2);
    const { entries } = runReader(readPaperItems(catalog.papers, linesOf(text, 2)));
    expect(entries).toEqual([
      { title: 'Attention Is All You Need', authors: [], tags: [], key: 'attention-1', arxivId: '1706.03762', abstract: 'We propose…', tldr: 'Transformers.', line: 4 },
      { title: 'A Saved Paper', authors: ['Jane Doe'], tags: [], key: 'saved', year: 2024, url: 'https://example.org/p', line: 19 },
    ]);
  });
});

describe('arrayItemLines', () => {
  it('finds the line of each item of a top-level array or of a `papers` member, ignoring brackets in strings', () => {
    expect(arrayItemLines('[\n {"a": "[x]"},\n\n {"b": {"c": [1, 2]}}, 3\n]')).toEqual([2, 4, 4]);
    expect(arrayItemLines('{"version": "v", "note": "\\"papers\\": [", "papers": [\n{},\n{}\n]}')).toEqual([2, 3]);
    expect(arrayItemLines('{"version": "v"}')).toEqual([]);
  });
});
