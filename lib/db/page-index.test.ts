import { describe, expect, it } from 'vitest';
import type { Paper } from '../catalog/types';
import { buildPageIndex, matchPage } from '../library/page-index';
import { SETTING_KEYS } from '../settings';
import { saveUserPaper } from './library';
import { learnIntoPageIndex, loadPageIndex } from './page-index';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

function paper(id: string, title: string, arxivId?: string): Paper {
  return { id, title, abstract: '', tldr: '', keyResult: null, links: [], topics: [], sources: [], ...(arxivId && { arxivId }) };
}

const CATALOG = {
  version: 'v1',
  papers: [
    paper('attn', 'Attention Is All You Need', '1706.03762'),
    paper('svt', 'Scaling Vision Transformers'),
    paper('naive', 'Naïve Bayes Meets Self-Attention: A Study'),
  ],
};

let db: PaperLensDB;
useFreshDb('page-index-test', (d) => (db = d), CATALOG);

describe('loadPageIndex', () => {
  it('stores the index it builds and reads back the same index while the papers are unchanged', async () => {
    const first = await loadPageIndex(db);
    expect(first.origin).toBe('built');
    const second = await loadPageIndex(db);
    expect(second.origin).toBe('stored');
    expect(second.revision).toBe(first.revision);
    // Every part of the index (titles, ids, …) comes back, whatever fields it gains.
    expect(second.index).toEqual(buildPageIndex(CATALOG.papers));
    const candidates = [
      { kind: 'link' as const, text: 'https://arxiv.org/pdf/1706.03762v2' },
      { kind: 'title' as const, text: 'Naive Bayes Meets Self-Attention: A Study' },
      { kind: 'text' as const, text: 'We read “Scaling Vision Transformers” today.' },
    ];
    expect(matchPage(second.index, candidates).map((m) => m.id)).toEqual(['attn', 'naive', 'svt']);
  });

  it('builds again after the papers change, and keeps what a rebuild would find', async () => {
    const first = await loadPageIndex(db);
    await saveUserPaper(db, { title: 'Retentive Networks', abstract: '', url: 'https://example.org/r' });
    const second = await loadPageIndex(db);
    expect(second.origin).toBe('built');
    expect(second.revision).toBeGreaterThan(first.revision);
    expect(matchPage(second.index, [{ kind: 'title', text: 'Retentive Networks' }])).toHaveLength(1);
    expect((await loadPageIndex(db)).origin).toBe('stored');
  });

  it('stores ids learned from a page with the index, so the next load reads them instead of rebuilding', async () => {
    const first = await loadPageIndex(db);
    const updated = await learnIntoPageIndex(db, [{ paperId: 'svt', arxivId: '2106.04560v2' }], first);
    expect(updated?.revision).toBe(first.revision + 1);
    const next = await loadPageIndex(db);
    expect(next).toMatchObject({ origin: 'stored', revision: first.revision + 1 });
    expect(next.index).toEqual(buildPageIndex(await db.papers.toArray()));
    expect(matchPage(next.index, [{ kind: 'link', text: 'https://arxiv.org/abs/2106.04560' }])[0]?.id).toBe('svt');
    // An index of another revision is not updated: the next load builds.
    expect(await learnIntoPageIndex(db, [{ paperId: 'naive', arxivId: '2201.00001' }], first)).toBeNull();
    expect((await db.papers.get('naive'))?.arxivId).toBe('2201.00001');
    expect((await loadPageIndex(db)).origin).toBe('built');
  });

  it('rebuilds an index stored in another format instead of misreading it', async () => {
    const { revision } = await loadPageIndex(db);
    await db.settings.put({ key: SETTING_KEYS.pageIndex, value: { format: 0, revision, index: { keys: [] } } });
    const again = await loadPageIndex(db);
    expect(again.origin).toBe('built');
    expect(again.index.titles.keys.ends.length).toBe(3);
  });
});
