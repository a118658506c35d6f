import { describe, expect, it } from 'vitest';
import type { Paper } from '../catalog/types';
import { NO_FILTERS } from '../search/filters';
import { Searcher } from '../search/search-index';
import { loadCatalog } from './catalog-load';
import { readNotes, saveNote } from './notes';
import { PaperLensDB } from './schema';
import { loadCatalogIndex, loadNotesIndex, SEARCH_INDEX_KEY } from './search-index';

function paper(id: string, title: string, abstract: string): Paper {
  return { id, title, abstract, tldr: abstract, keyResult: null, links: [], topics: [], sources: [] };
}

let dbs = 0;

describe('loadCatalogIndex', () => {
  it('builds and stores the index once, restores it while the papers are unchanged, rebuilds after a change', async () => {
    const db = new PaperLensDB(`persist-test-${++dbs}`);
    await loadCatalog(db, { version: 'v1', papers: [paper('a-1', 'Gated Linear Attention', 'Fast recurrent models.')] });

    const first = await loadCatalogIndex(db);
    expect(first.origin).toBe('built');
    expect(await db.settings.get(SEARCH_INDEX_KEY)).toBeDefined();

    const second = await loadCatalogIndex(db);
    expect(second.origin).toBe('stored');
    expect(new Searcher(second.index, []).search('gated linar', NO_FILTERS).hits.map((h) => h.id)).toEqual(['a-1']);

    await loadCatalog(db, {
      version: 'v2',
      papers: [paper('a-1', 'Gated Linear Attention', 'Fast recurrent models.'), paper('b-2', 'Retentive Networks', 'Retention.')],
    });
    const third = await loadCatalogIndex(db);
    expect(third.origin).toBe('built');
    expect(third.revision).toBeGreaterThan(first.revision);
    expect(new Searcher(third.index, []).search('retentive', NO_FILTERS).hits.map((h) => h.id)).toEqual(['b-2']);
    db.close();
  });

  it('rebuilds an index stored in an unknown format', async () => {
    const db = new PaperLensDB(`persist-test-${++dbs}`);
    await loadCatalog(db, { version: 'v1', papers: [paper('a-1', 'Gated Linear Attention', 'x')] });
    await db.settings.put({ key: SEARCH_INDEX_KEY, value: { format: 0, revision: 1, index: null } });
    expect((await loadCatalogIndex(db)).origin).toBe('built');
    db.close();
  });

  it('stores the notes index per notes revision and rebuilds it after a note is saved', async () => {
    const db = new PaperLensDB(`persist-test-${++dbs}`);
    await loadCatalog(db, { version: 'v1', papers: [paper('a-1', 'Gated Linear Attention', 'x'), paper('b-2', 'Retentive Networks', 'y')] });
    await saveNote(db, { paperId: 'b-2', text: 'zanzibarite idea' });
    const catalog = await loadCatalogIndex(db);

    const built = await loadNotesIndex(db, catalog, await readNotes(db));
    expect(built.origin).toBe('built');
    const snapshot = await readNotes(db);
    const restored = await loadNotesIndex(db, catalog, snapshot);
    expect(restored.origin).toBe('stored');
    const searcher = new Searcher(catalog.index, snapshot.notes, restored.index);
    expect(searcher.search('zanzibarite', NO_FILTERS).hits.map((h) => h.id)).toEqual(['b-2']);

    await saveNote(db, { paperId: 'a-1', text: 'quokkaesque' });
    const after = await readNotes(db);
    const rebuilt = await loadNotesIndex(db, catalog, after);
    expect(rebuilt.origin).toBe('built');
    expect(new Searcher(catalog.index, after.notes, rebuilt.index).search('quokkaesque', NO_FILTERS).hits.map((h) => h.id)).toEqual(['a-1']);
    db.close();
  });
});
