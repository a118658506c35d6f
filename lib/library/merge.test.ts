import { describe, expect, it } from 'vitest';
import { findDuplicates, groupByIdentity, mergeByIdentity, mergePapers, type MergeablePaper } from './merge';

interface Rec extends MergeablePaper {
  id: string;
  source?: string;
}

describe('mergePapers', () => {
  it('keeps the richer abstract, whichever side has it', () => {
    const short = { id: 'a', abstract: 'Short.' };
    const long = { id: 'b', abstract: 'A much longer abstract that says more.' };
    expect(mergePapers(short, long).abstract).toBe(long.abstract);
    expect(mergePapers(long, short).abstract).toBe(long.abstract);
    expect(mergePapers({ id: 'a', abstract: '  ' }, { abstract: 'Text.' }).abstract).toBe('Text.');
  });

  it('unions authors, matching initials to full names and keeping the fuller spelling', () => {
    const merged = mergePapers(
      { id: 'a', authors: ['A. Vaswani', 'Noam Shazeer'] },
      { authors: ['Vaswani, Ashish', 'Noam Shazeer', 'Niki Parmar', 'Lukasz Kaiser'] },
    );
    expect(merged.authors).toEqual(['Vaswani, Ashish', 'Noam Shazeer', 'Niki Parmar', 'Lukasz Kaiser']);
    expect(mergePapers({ id: 'a', authors: ['Łukasz Kaiser'] }, { authors: ['Lukasz Kaiser'] }).authors).toEqual(['Łukasz Kaiser']);
  });

  it('unions tags without case-only repeats', () => {
    expect(mergePapers({ id: 'a', tags: ['NLP', 'attention'] }, { tags: ['nlp', 'Transformers', ' '] }).tags).toEqual([
      'NLP',
      'attention',
      'Transformers',
    ]);
  });

  it('never drops a field only one side has, and keeps the existing id and extra fields', () => {
    const existing: Rec = { id: 'catalog-id', source: 'catalog', title: 'Attention Is All You Need', tldr: 'Transformers.' };
    const merged = mergePapers(existing, {
      title: 'attention is all you need',
      year: 2017,
      venue: 'NeurIPS',
      url: 'https://arxiv.org/abs/1706.03762',
      doi: '10.5555/3295222.3295349',
      arxivId: '1706.03762',
      tldr: 'Other.',
    });
    expect(merged).toEqual({
      id: 'catalog-id',
      source: 'catalog',
      title: 'Attention Is All You Need',
      tldr: 'Transformers.',
      year: 2017,
      venue: 'NeurIPS',
      url: 'https://arxiv.org/abs/1706.03762',
      doi: '10.5555/3295222.3295349',
      arxivId: '1706.03762',
    });
    expect(mergePapers({ id: 'x', year: 2020, venue: 'ICML', url: 'u1' }, { year: 2021, url: 'u2' })).toEqual({
      id: 'x',
      year: 2020,
      venue: 'ICML',
      url: 'u1',
    });
  });

  it('prefers a published venue (with its year) over a preprint one, never the reverse', () => {
    const preprint = { id: 'p', venue: 'arXiv preprint arXiv:1810.04805', year: 2018 };
    const published = { venue: 'NAACL-HLT', year: 2019 };
    expect(mergePapers(preprint, published)).toMatchObject({ venue: 'NAACL-HLT', year: 2019 });
    expect(mergePapers({ id: 'q', ...published }, { venue: 'CoRR', year: 2018 })).toMatchObject({ venue: 'NAACL-HLT', year: 2019 });
  });

  it("takes a publisher DOI over arXiv's and keeps the arXiv id that DOI carried", () => {
    const merged = mergePapers({ id: 'a', doi: '10.48550/arXiv.1810.04805' }, { doi: '10.18653/v1/N19-1423' });
    expect(merged).toMatchObject({ doi: '10.18653/v1/n19-1423', arxivId: '1810.04805' });
    expect(mergePapers({ id: 'b', doi: '10.18653/v1/N19-1423' }, { doi: '10.48550/arXiv.1810.04805' })).toMatchObject({
      doi: '10.18653/v1/N19-1423',
      arxivId: '1810.04805',
    });
  });
});

describe('groupByIdentity', () => {
  const catalog: Rec = { id: 'c', title: 'Attention Is All You Need' };
  const imported: Rec = { id: 'i', title: 'Attention is all you need', doi: '10.48550/arXiv.1706.03762' };
  const saved: Rec = { id: 's', title: 'Transformer paper (saved from a page)', arxivId: '1706.03762v5' };
  const visit: Rec = { id: 'v', arxivId: 'arXiv:1706.03762' };
  const other: Rec = { id: 'o', title: 'BERT', arxivId: '1810.04805' };

  it('joins catalog, import, save and visit of one paper through shared keys, transitively', () => {
    const groups = groupByIdentity([catalog, other, imported, saved, visit]);
    expect(groups.map((g) => g.map((p) => p.id))).toEqual([['c', 'i', 's', 'v'], ['o']]);
    expect(findDuplicates([catalog, other, imported, saved, visit]).map((g) => g.map((p) => p.id))).toEqual([['c', 'i', 's', 'v']]);
  });

  it('joins by DOI regardless of spelling', () => {
    const groups = groupByIdentity<Rec>([
      { id: 'a', doi: 'https://doi.org/10.1145/3292500.3330701' },
      { id: 'b', doi: '10.1145/3292500.3330701.' },
      { id: 'c', doi: 'DOI:10.1145/3292500.3330701' },
    ]);
    expect(groups).toHaveLength(1);
  });

  it('does not join two papers that share only a title but have different arXiv ids', () => {
    const groups = groupByIdentity<Rec>([
      { id: 'a', title: 'Introduction', arxivId: '2101.00001' },
      { id: 'b', title: 'Introduction', arxivId: '2202.00002' },
      { id: 'c', title: 'Introduction' },
    ]);
    expect(groups.map((g) => g.map((p) => p.id))).toEqual([['a', 'c'], ['b']]);
  });

  it('keeps records without any key apart', () => {
    expect(groupByIdentity<Rec>([{ id: 'a' }, { id: 'b', title: '—' }])).toHaveLength(2);
  });

  it('groups 20,000 records, each title twice (100,000 are timed in bench/import-parse.bench.ts)', () => {
    const papers: Rec[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: String(i),
      title: `Paper number ${i % 10_000}`,
      arxivId: i % 3 === 0 ? `2101.${String(i % 10_000).padStart(5, '0')}` : undefined,
    }));
    const groups = groupByIdentity(papers);
    expect(groups).toHaveLength(10_000);
    expect(groups.every((g) => g.length === 2 && Number(g[1]!.id) - Number(g[0]!.id) === 10_000)).toBe(true);
  });
});

describe('mergeByIdentity', () => {
  it('folds each group into its first record', () => {
    const merged = mergeByIdentity<Rec>([
      { id: 'catalog', title: 'Attention Is All You Need', abstract: 'Short.' },
      { id: 'x', title: 'Other paper' },
      { id: 'import', title: 'Attention is all you need', arxivId: '1706.03762', tags: ['nlp'], abstract: 'A longer abstract.' },
    ]);
    expect(merged).toEqual([
      { id: 'catalog', title: 'Attention Is All You Need', abstract: 'A longer abstract.', arxivId: '1706.03762', tags: ['nlp'] },
      { id: 'x', title: 'Other paper' },
    ]);
  });
});
