import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import type { Paper } from '../catalog/types';
import type { Note } from '../notes/model';
import { NO_FILTERS, type SearchFilters } from './filters';
import type { INDEX_FORMAT} from './search-index';
import { buildNotesIndex, CatalogIndex, Searcher } from './search-index';
import { FIELD } from './text-index';

let papers: Paper[];
let index: CatalogIndex;

beforeAll(async () => {
  papers = buildCatalog(readSeedDir('seeds')).papers;
  index = CatalogIndex.build(papers);
});

const searcher = (notes: Note[] = [], catalog = index) => new Searcher(catalog, buildNotesIndex(catalog, notes));

const titleOf = (id: string) => papers.find((p) => p.id === id)!.title;
const idOf = (prefix: string) => papers.find((p) => p.title.startsWith(prefix))!.id;

function note(paperId: string, fields: Partial<Note> = {}): Note {
  return {
    paperId,
    text: '',
    tags: [],
    status: 'none',
    starred: false,
    titleSnapshot: titleOf(paperId),
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}

const titles = (s: Searcher, q: string, filters: SearchFilters = NO_FILTERS) =>
  s.search(q, filters, 10).hits.map((h) => titleOf(h.id));

describe('Searcher ranking', () => {
  it('finds misspelled titles first', () => {
    const s = searcher();
    expect(titles(s, 'itransfomer')[0]).toMatch(/^iTransformer:/);
    expect(titles(s, 'bytetransfomer')[0]).toMatch(/^ByteTransformer:/);
    expect(titles(s, 'autofromer')[0]).toMatch(/^Autoformer:/);
  });

  it('finds forecasting papers for "forcasting"', () => {
    const found = titles(searcher(), 'forcasting');
    const forecasting = papers.filter((p) => /forecast/i.test(p.title)).map((p) => p.title);
    expect(found.length).toBeGreaterThanOrEqual(5);
    expect(found.slice(0, 5).every((t) => forecasting.includes(t))).toBe(true);
  });

  it('finds a title while it is being typed, word by word', () => {
    const s = searcher();
    const target = 'Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting';
    expect(titles(s, 'informer beyond eff')[0]).toBe(target);
    expect(titles(s, 'informer: beyond efficient transformer for long')[0]).toBe(target);
  });

  it('ranks title hits above abstract-only hits', () => {
    const s = searcher();
    const { hits } = s.search('mamba', NO_FILTERS, 50);
    const inTitle = hits.map((h) => (h.fields & (1 << FIELD.title)) !== 0);
    expect(inTitle[0]).toBe(true);
    expect(inTitle.includes(false)).toBe(true);
    // Once the hits leave the titles they never come back to them.
    expect(inTitle.slice(inTitle.indexOf(false)).includes(true)).toBe(false);
    expect(hits.every((h) => /mamba/i.test(titleOf(h.id)) || /mamba/i.test(papers.find((p) => p.id === h.id)!.abstract))).toBe(true);
  });

  const textOf = (id: string) => {
    const p = papers.find((x) => x.id === id)!;
    return `${p.title} ${p.abstract} ${p.tldr} ${p.topics.join(' ')}`.toLowerCase();
  };

  it('shows only papers with every query word once enough have them all', () => {
    const s = searcher();
    const { hits, total } = s.search('transfomer forcasting', NO_FILTERS, 100);
    // Before the cut-off, 277 of the 333 papers were counted: every one with "transformer".
    expect(total).toBe(hits.length);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(total).toBeLessThan(20);
    for (const h of hits) expect(textOf(h.id)).toMatch(/forecast[\s\S]*transform|transform[\s\S]*forecast/);
  });

  it('puts papers with every query word before papers missing one when few have them all', () => {
    const s = searcher();
    const { hits } = s.search('quantization llm', NO_FILTERS, 100);
    const hasBoth = hits.map((h) => textOf(h.id).includes('quantization') && /\bllms?\b/.test(textOf(h.id)));
    expect(hasBoth[0]).toBe(true);
    expect(hasBoth.includes(false)).toBe(true);
    expect(hasBoth.slice(hasBoth.indexOf(false)).includes(true)).toBe(false);
  });

  it('counts the papers about a word, not every abstract that mentions it', () => {
    const s = searcher();
    const { hits, total } = s.search('attention', NO_FILTERS, 400);
    const mentioning = papers.filter((p) => /attention/i.test(p.abstract)).length;
    expect(total).toBe(hits.length);
    expect(total).toBeLessThan(mentioning * 0.7);
    // Every result has the word somewhere a reader would call it the subject, not only the abstract.
    for (const h of hits) expect(h.fields & ~(1 << FIELD.abstract)).not.toBe(0);
    // A word with no strong match anywhere still finds the abstracts that mention it.
    const rare = s.search('drawbacks ', NO_FILTERS, 50);
    expect(rare.total).toBe(papers.filter((p) => /\bdrawbacks\b/i.test(p.abstract)).length);
    expect(rare.total).toBeGreaterThan(1);
  });

  it('ranks the word being typed above rarer words it begins', () => {
    const s = searcher();
    expect(titles(s, 'attention')[0]).toMatch(/^Attention Is Not All You Need/);
  });

  it('returns the matched vocabulary words for highlighting', () => {
    const { terms } = searcher().search('itransfomer', NO_FILTERS, 10);
    expect(terms.has('itransformer')).toBe(true);
  });

  it('returns nothing for a query of stopwords or punctuation', () => {
    const s = searcher();
    expect(s.search('the ', NO_FILTERS).hits).toEqual([]);
    expect(s.search('  ?! ', NO_FILTERS).hits).toEqual([]);
  });
});

describe('Searcher over notes and tags', () => {
  it('finds a paper by a word that is only in its note', () => {
    const id = idOf('ByteTransformer');
    const s = searcher([note(id, { text: 'Compare with the zanzibarite kernels.' })]);
    expect(papers.some((p) => /zanzibarite/i.test(p.abstract + p.title))).toBe(false);
    const { hits } = s.search('zanzibarite', NO_FILTERS);
    expect(hits.map((h) => h.id)).toEqual([id]);
    expect(hits[0]!.fields & (1 << FIELD.notes)).not.toBe(0);
    // With a typo, and while still typing.
    expect(s.search('zanzibarit', NO_FILTERS).hits[0]?.id).toBe(id);
    expect(s.search('zanzibrite', NO_FILTERS).hits[0]?.id).toBe(id);
  });

  it('finds a paper by its tag', () => {
    const id = idOf('Autoformer');
    const s = searcher([note(id, { tags: ['must-cite'] })]);
    expect(s.search('must-cite', NO_FILTERS).hits[0]?.id).toBe(id);
  });

  it('ignores notes whose paper is gone', () => {
    const s = searcher([note(idOf('Autoformer'), { paperId: 'gone-1234', text: 'zanzibarite' })]);
    expect(s.search('zanzibarite', NO_FILTERS).hits).toEqual([]);
  });
});

describe('Searcher filters', () => {
  const itrans = () => idOf('iTransformer');
  const auto = () => idOf('Autoformer');

  it('filters by code link, note, star, read later and topic', () => {
    const s = searcher([
      note(itrans(), { text: 'good', starred: true }),
      note(auto(), { status: 'to-read' }),
    ]);
    const all = s.search('forecasting', NO_FILTERS, 400);
    const only = (f: Partial<SearchFilters>) => s.search('forecasting', { ...NO_FILTERS, ...f }, 400).hits.map((h) => h.id);

    expect(only({ hasNote: true })).toEqual([itrans()]);
    expect(only({ starred: true })).toEqual([itrans()]);
    expect(only({ readLater: true })).toEqual([auto()]);
    const withCode = only({ hasCode: true });
    expect(withCode.length).toBeGreaterThan(0);
    expect(withCode.length).toBeLessThan(all.hits.length);
    for (const id of withCode) expect(papers.find((p) => p.id === id)!.links.some((l) => l.kind === 'code')).toBe(true);
    const vision = only({ topic: 'vision' });
    for (const id of vision) expect(papers.find((p) => p.id === id)!.topics).toContain('vision');
    expect(only({ topic: 'time series' }).length).toBeGreaterThan(vision.length);
  });

  it('browses the papers it is given, in that order, through the filters', () => {
    const recognized = papers[5]!.id;
    const s = searcher([
      note(itrans(), { text: 'older note', updatedAt: 10 }),
      note(auto(), { starred: true, updatedAt: 5 }),
      note(papers[7]!.id, { text: 'newest note', updatedAt: 20 }),
    ]);
    const order = [recognized, 'not-a-paper', auto(), papers[7]!.id, itrans(), recognized];
    expect(s.browse(NO_FILTERS, order).map((h) => h.id)).toEqual([recognized, auto(), papers[7]!.id, itrans()]);
    expect(s.browse(NO_FILTERS, order, 2).map((h) => h.id)).toEqual([recognized, auto()]);
    expect(s.browse({ ...NO_FILTERS, starred: true }, order).map((h) => h.id)).toEqual([auto()]);
    expect(s.browse({ ...NO_FILTERS, hasNote: true }, []).map((h) => h.id).sort()).toEqual([papers[7]!.id, itrans()].sort());
    expect(s.browse({ ...NO_FILTERS, topic: 'speech' }, [], 400).length).toBe(
      papers.filter((p) => p.topics.includes('speech')).length,
    );
  });
});

describe('Searcher pruning', () => {
  // Queries typed key by key: topics (many papers with every word), titles with typos, a note
  // word, words no paper has together (too few with every word: every paper with any is ranked),
  // stopwords, a repeated word, a trailing space.
  const QUERIES = [
    'vision transformer segmentation',
    'itransfomer forcasting',
    'mixture of experts',
    'efficent transformer for long sequence',
    'informer beyond eff',
    'linear attention ',
    'zanzibarite kernels',
    'attention attention',
    'graph neural network diffusion',
    'xqzv transformer',
    'the of and',
  ];
  const typed = QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
  const FILTERS: SearchFilters[] = [NO_FILTERS, { ...NO_FILTERS, hasCode: true }, { ...NO_FILTERS, starred: true }];

  it('gives exactly the results of ranking every paper with any query word, keystroke by keystroke', () => {
    const notes = papers.slice(0, 60).map((p, i) =>
      note(p.id, { text: i % 2 ? 'zanzibarite kernels to compare' : 'attention baseline', starred: i % 3 === 0 }),
    );
    const notesIndex = buildNotesIndex(index, notes);
    const pruned = new Searcher(index, notesIndex);
    const full = new Searcher(index, notesIndex, { pruning: false });
    let multiWord = 0;
    for (const filters of FILTERS) {
      for (const q of typed) {
        const a = pruned.search(q, filters, 30);
        const b = full.search(q, filters, 30);
        expect({ q, hits: a.hits, total: a.total, terms: [...a.terms].sort() }).toEqual({ q, hits: b.hits, total: b.total, terms: [...b.terms].sort() });
        if (q.trim().includes(' ') && b.total > 0) multiWord++;
      }
    }
    expect(multiWord).toBeGreaterThan(100);
  });
});

describe('CatalogIndex', () => {
  it('gives the same results after a structured-clone round trip of its stored form', async () => {
    const copy = await CatalogIndex.deserialize(structuredClone(index.serialize()));
    const a = searcher();
    const b = searcher([], copy);
    for (const q of ['itransfomer', 'forcasting', 'vision transformer object', 'mamba med']) {
      expect(b.search(q, NO_FILTERS, 20).hits).toEqual(a.search(q, NO_FILTERS, 20).hits);
    }
    expect(copy.allTopics()).toEqual(index.allTopics());
    const all = (c: CatalogIndex, f: (o: number) => string) => Array.from({ length: c.size }, (_, o) => f(o));
    expect(all(copy, (o) => copy.title(o))).toEqual(all(index, (o) => index.title(o)));
    for (let o = 0; o < index.size; o += 17) {
      expect(copy.topics(o)).toEqual(index.topics(o));
      expect(copy.hasCode(o)).toBe(index.hasCode(o));
    }
  });

  it('numbers papers in id order and finds an ordinal by id', () => {
    const ids = papers.map((p) => p.id).sort();
    expect(Array.from({ length: index.size }, (_, o) => index.id(o))).toEqual(ids);
    expect(index.ordinalOf(ids[42]!)).toBe(42);
    expect(index.ordinalOf('not-a-paper')).toBeUndefined();
    const p = papers[3]!;
    expect(index.title(index.ordinalOf(p.id)!)).toBe(p.title.replace(/\s+/g, ' '));
    expect(index.topics(index.ordinalOf(p.id)!)).toEqual(p.topics);
    expect(index.hasCode(index.ordinalOf(p.id)!)).toBe(p.links.some((l) => l.kind === 'code'));
  });

  it('indexes every stored paper, whatever its source: authors, accents, TeX, many topics', async () => {
    const base = { tldr: '', abstract: '', links: [] };
    const own = CatalogIndex.build([
      { ...base, id: 'b', title: 'Attention Is All You Need', topics: [], authors: ['Ashish Vaswani', 'Noam Shazeer'] },
      { ...base, id: 'a', title: 'Réseaux de neurones $\\alpha$-divergence', topics: Array.from({ length: 300 }, (_, i) => `t${i}`) },
      { ...base, id: 'c', title: 'Plain', topics: ['t299', 'zeta'] },
    ]);
    const s = searcher([], own);
    expect(s.search('vaswani', NO_FILTERS).hits.map((h) => h.id)).toEqual(['b']);
    expect(s.search('vaswani', NO_FILTERS).hits[0]!.fields & (1 << FIELD.authors)).not.toBe(0);
    expect(s.search('reseaux alpha', NO_FILTERS).hits.map((h) => h.id)).toEqual(['a']);
    expect(own.topics(0).length).toBe(300);
    expect(own.topics(0)[299]).toBe('t299');
    expect(own.topics(2)).toEqual(['t299', 'zeta']);
    const back = await CatalogIndex.deserialize(structuredClone(own.serialize()));
    expect(back.topics(2)).toEqual(['t299', 'zeta']);
  });

  it('refuses an index of another format', async () => {
    await expect(CatalogIndex.deserialize({ ...index.serialize(), format: 99 as typeof INDEX_FORMAT })).rejects.toThrow(/format 99/);
  });
});
