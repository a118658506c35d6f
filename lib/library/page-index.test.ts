import { describe, expect, it } from 'vitest';
import type { MatchCandidate } from '../match/title-index';
import { buildPageIndex, matchPage, withLearnedIds } from './page-index';

const PAPERS = [
  { id: 'attn', title: 'Attention Is All You Need', arxivId: '1706.03762' },
  { id: 'ads', title: 'Anti de Sitter Space and Holography', arxivId: 'hep-th/9802150v2' },
  { id: 'bert', title: 'BERT: Pre-training of Deep Bidirectional Transformers', doi: '10.18653/V1/N19-1423' },
  { id: 'vit', title: 'An Image is Worth 16x16 Words', doi: '10.48550/arXiv.2010.11929' },
  // A catalog paper known by its title only.
  { id: 'flat', title: 'FlatFormer: Flattened Window Attention for Efficient Point Cloud Transformer' },
];
const index = buildPageIndex(PAPERS);

const link = (text: string): MatchCandidate => ({ kind: 'link', text });
const linked = (href: string): string | null => matchPage(index, [link(href)])[0]?.id ?? null;

describe('links name a paper by id', () => {
  it.each([
    ['an abstract page', 'https://arxiv.org/abs/1706.03762', 'attn'],
    ['a versioned PDF', 'https://arxiv.org/pdf/1706.03762v2', 'attn'],
    ['a PDF with its file suffix', 'http://arxiv.org/pdf/1706.03762v5.pdf', 'attn'],
    ['the HTML view', 'https://arxiv.org/html/1706.03762v7', 'attn'],
    ['www and a query', 'https://www.arxiv.org/abs/1706.03762?context=cs#x', 'attn'],
    ['the export mirror', 'http://export.arxiv.org/abs/1706.03762', 'attn'],
    ['alphaXiv', 'https://www.alphaxiv.org/abs/1706.03762', 'attn'],
    ['Hugging Face papers', 'https://huggingface.co/papers/1706.03762', 'attn'],
    ['an old-style id with a subject class, which arXiv ignores', 'https://arxiv.org/abs/hep-th.AG/9802150v1', 'ads'],
    ['an old-style id', 'https://arxiv.org/abs/hep-th/9802150', 'ads'],
    ['an old-style PDF, version', 'https://arxiv.org/pdf/hep-th/9802150v3', 'ads'],
    ['a DOI link in other case', 'https://doi.org/10.18653/v1/n19-1423', 'bert'],
    ['a dx.doi.org link, percent-encoded', 'http://dx.doi.org/10.18653%2Fv1%2FN19-1423', 'bert'],
    ['an arXiv page of a paper known by its arXiv DOI', 'https://arxiv.org/abs/2010.11929v2', 'vit'],
    ['the arXiv DOI of a paper known by its arXiv id', 'https://doi.org/10.48550/arXiv.1706.03762', 'attn'],
    ['another paper', 'https://arxiv.org/abs/2301.00001', null],
    ['a listing', 'https://arxiv.org/list/cs.LG/new', null],
    ['another site', 'https://example.org/abs/1706.03762', null],
  ])('%s', (_, href, id) => {
    expect(linked(href)).toBe(id);
  });

  it('marks the whole link', () => {
    const href = 'https://arxiv.org/pdf/1706.03762v2';
    expect(matchPage(index, [link(href)])).toEqual([{ candidate: 0, id: 'attn', start: 0, end: href.length }]);
  });
});

describe('titles shown beside their arXiv id', () => {
  it('are recognized by the id, whatever the title says; the mark covers the title, not the site prefix', () => {
    const other = 'Title: Attention is what you need (v7, camera ready) ';
    expect(matchPage(index, [{ kind: 'title', text: other, arxivId: '1706.03762v7' }])).toEqual([
      { candidate: 0, id: 'attn', start: 7, end: other.indexOf('ready') + 5 },
    ]);
    const same = 'Title:Attention Is All You Need';
    expect(matchPage(index, [{ kind: 'title', text: same, arxivId: '1706.03762' }])).toEqual([{ candidate: 0, id: 'attn', start: 6, end: same.length }]);
  });

  it('teach their id to a paper recognized by title that has none', () => {
    const text = 'FlatFormer: Flattened Window Attention for Efficient Point Cloud   Transformer';
    const [found] = matchPage(index, [{ kind: 'title', text, arxivId: '2301.08739v1' }]);
    expect(found).toMatchObject({ id: 'flat', learnedArxivId: '2301.08739' });
  });

  it('teach nothing to a paper that has an id, or when the page shows no id', () => {
    const [byTitle] = matchPage(index, [{ kind: 'title', text: 'An Image is Worth 16x16 Words', arxivId: '2301.99999' }]);
    expect(byTitle).toEqual({ candidate: 0, id: 'vit', start: 0, end: 29 });
    const [plain] = matchPage(index, [{ kind: 'title', text: PAPERS[4]!.title }]);
    expect(plain?.learnedArxivId).toBeUndefined();
  });

  it('ignore a garbled id and fall back to the title', () => {
    expect(matchPage(index, [{ kind: 'title', text: 'Attention Is All You Need', arxivId: 'not-an-id' }])[0]?.id).toBe('attn');
  });
});

describe('ids learned after the index was built', () => {
  it('give the index a rebuild would give, title tables untouched', () => {
    const learned = [
      { paperId: 'flat', arxivId: '2301.08739' },
      // Already held by another paper: the first holder keeps it, as in a rebuild.
      { paperId: 'bert', arxivId: '1706.03762' },
    ];
    const rebuilt = buildPageIndex(
      PAPERS.map((p) => {
        const id = learned.find((l) => l.paperId === p.id)?.arxivId;
        return id ? { ...p, arxivId: id } : p;
      }),
    );
    const updated = withLearnedIds(index, learned);
    expect(updated).toEqual(rebuilt);
    expect(updated.titles).toBe(index.titles);
    expect(matchPage(updated, [link('https://arxiv.org/abs/2301.08739')])[0]?.id).toBe('flat');
  });
});

describe('a batch', () => {
  it('keeps candidate numbers and order across links, titles and running text', () => {
    const found = matchPage(index, [
      { kind: 'text', text: 'We read “Attention Is All You Need” again.' },
      link('https://arxiv.org/abs/2301.00001'),
      { kind: 'title', text: 'Anti de Sitter Space and Holography' },
      link('https://huggingface.co/papers/2010.11929'),
    ]);
    expect(found.map((m) => [m.candidate, m.id])).toEqual([
      [0, 'attn'],
      [2, 'ads'],
      [3, 'vit'],
    ]);
  });

  it('gives each id to the first paper holding it', () => {
    const twice = buildPageIndex([
      { id: 'a', title: 'One Title', arxivId: '2401.00001' },
      { id: 'b', title: 'Another Title', arxivId: '2401.00001v2' },
    ]);
    expect(matchPage(twice, [link('https://arxiv.org/abs/2401.00001')])[0]?.id).toBe('a');
  });
});
