import { describe, expect, it, vi } from 'vitest';
import type { Paper } from '../catalog/types';
import { NO_FILTERS } from '../search/filters';
import { Searcher } from '../search/search-index';
import { loadCatalog } from './catalog-load';
import { saveNote } from './notes';
import { bumpRevision } from './revisions';
import { SETTING_KEYS } from '../settings';
import { PaperLensDB } from './schema';
import { loadSearchIndex, refreshSearchIndex, SEARCH_INDEX_KEY, searchIndexRefresher, searchIndexState } from './search-index';

function paper(id: string, title: string, abstract: string): Paper {
  return { id, title, abstract, tldr: abstract, keyResult: null, links: [], topics: [], sources: [] };
}

let dbs = 0;
const fresh = () => new PaperLensDB(`search-index-test-${++dbs}`);
const ids = (s: Searcher, q: string) => s.search(q, NO_FILTERS).hits.map((h) => h.id);

async function searcher(db: PaperLensDB): Promise<Searcher> {
  const loaded = (await loadSearchIndex(db))!;
  return new Searcher(loaded.catalog, loaded.notes!);
}

describe('the stored search index', () => {
  it('a refresh that finds both parts current reads only the small rows, not the stored parts', async () => {
    const db = fresh();
    await loadCatalog(db, { version: 'v1', papers: [paper('a-1', 'Gated Linear Attention', 'Fast recurrent models.')] });
    await refreshSearchIndex(db);
    const get = vi.spyOn(db.settings, 'get');
    const result = await refreshSearchIndex(db);
    expect(result.rebuilt).toEqual([]);
    expect(result.state).toEqual(await searchIndexState(db));
    expect(get.mock.calls.map(([key]) => key)).not.toContain(SEARCH_INDEX_KEY);
    expect(get.mock.calls.map(([key]) => key)).not.toContain(SETTING_KEYS.notesIndex);
    // A change is still seen: the note saved makes the notes part stale, and it is rebuilt.
    await saveNote(db, { paperId: 'a-1', text: 'zanzibarite idea' });
    expect((await refreshSearchIndex(db)).rebuilt).toEqual(['notes']);
    get.mockRestore();
  });

  it('is built by a refresh, stored, and rebuilt only for what changed', async () => {
    const db = fresh();
    await loadCatalog(db, { version: 'v1', papers: [paper('a-1', 'Gated Linear Attention', 'Fast recurrent models.')] });
    expect(await loadSearchIndex(db)).toBeNull();

    expect((await refreshSearchIndex(db)).rebuilt).toEqual(['catalog', 'notes']);
    expect(ids(await searcher(db), 'gated linar')).toEqual(['a-1']);
    expect((await refreshSearchIndex(db)).rebuilt).toEqual([]);

    await saveNote(db, { paperId: 'a-1', text: 'zanzibarite idea', starred: true });
    const stale = (await loadSearchIndex(db))!;
    expect(stale.current.notes).toBeGreaterThan(stale.built.notes);
    expect((await refreshSearchIndex(db)).rebuilt).toEqual(['notes']);
    const s = await searcher(db);
    expect(ids(s, 'zanzibarite')).toEqual(['a-1']);
    expect(s.browse({ ...NO_FILTERS, starred: true }, []).map((h) => h.id)).toEqual(['a-1']);

    // Papers from any source: a user's saved paper lands in the index like a catalog one.
    await db.transaction('rw', db.papers, db.settings, async () => {
      await db.papers.put({ ...paper('0-user', 'Retentive Networks', 'Retention.'), source: 'user', authors: ['Yutao Sun'] });
      await bumpRevision(db, 'papers');
    });
    expect((await refreshSearchIndex(db)).rebuilt).toEqual(['catalog', 'notes']);
    const after = await searcher(db);
    expect(ids(after, 'retentive')).toEqual(['0-user']);
    expect(ids(after, 'yutao')).toEqual(['0-user']);
    // The note follows its paper to its new ordinal.
    expect(ids(after, 'zanzibarite')).toEqual(['a-1']);
    expect(await searchIndexState(db)).toEqual((await loadSearchIndex(db))!.current);
    db.close();
  });

  it('reads thousands of papers in batches, in id order, into one index', async () => {
    const db = fresh();
    const many = Array.from({ length: 4500 }, (_, i) => paper(`p-${String(i).padStart(5, '0')}`, `Paper number ${i} on quokkas`, `Abstract ${i}.`));
    await loadCatalog(db, { version: 'v1', papers: many });
    await refreshSearchIndex(db);
    const loaded = (await loadSearchIndex(db))!;
    expect(loaded.catalog.size).toBe(4500);
    expect(loaded.catalog.id(4499)).toBe('p-04499');
    expect(ids(new Searcher(loaded.catalog, loaded.notes!), 'number 4321 ')).toContain('p-04321');
    db.close();
    // 4,500 papers through fake-indexeddb: seconds on a loaded machine.
  }, 30_000);

  it('ignores an index stored in another format until a refresh replaces it', async () => {
    const db = fresh();
    await loadCatalog(db, { version: 'v1', papers: [paper('a-1', 'Gated Linear Attention', 'x')] });
    await db.settings.put({ key: SEARCH_INDEX_KEY, value: { format: 1, revision: 1, index: null } });
    // The state row of that build still names the current revisions, but not this format: a
    // page following it sees no index and asks for a refresh.
    await db.settings.put({ key: SETTING_KEYS.searchIndexState, value: { papers: 1, notes: 0 } });
    expect(await loadSearchIndex(db)).toBeNull();
    expect(await searchIndexState(db)).toBeNull();
    expect((await refreshSearchIndex(db)).rebuilt).toContain('catalog');
    expect(await loadSearchIndex(db)).not.toBeNull();
    expect(await searchIndexState(db)).toEqual((await loadSearchIndex(db))!.current);
    db.close();
  });

  it('runs one refresh at a time, and one more for requests made during it', async () => {
    const db = fresh();
    await loadCatalog(db, { version: 'v1', papers: [paper('a-1', 'Gated Linear Attention', 'x')] });
    const refresher = searchIndexRefresher(db);
    const first = refresher.request();
    await saveNote(db, { paperId: 'a-1', text: 'written during the first refresh' });
    const second = refresher.request();
    const third = refresher.request();
    expect(third).toBe(second);
    await Promise.all([first, second]);
    const loaded = (await loadSearchIndex(db))!;
    expect(loaded.built).toEqual(loaded.current);
    db.close();
  });
});
