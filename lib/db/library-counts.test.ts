import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { SETTING_KEYS } from '../settings';
import { readCatalogStatus, refreshCatalogStatus } from './catalog-load';
import { readLibraryCounts, refreshLibraryCounts, storedLibraryCounts } from './library-counts';
import { saveUserPaper } from './library';
import { saveNote } from './notes';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const [first] = catalog.papers as [(typeof catalog.papers)[0]];
let db!: PaperLensDB;
useFreshDb('library-counts', (fresh) => (db = fresh), catalog);

const NEW_PAPER = { title: 'A Paper Saved From Elsewhere', url: 'https://example.org/paper', authors: ['Ada Lovelace'], abstract: 'We save papers.' };

describe('library counts', () => {
  it('counts papers per source and notes, and stores nothing when only read', async () => {
    await saveNote(db, { paperId: first.id, text: 'a note', tags: [] });
    expect(await readLibraryCounts(db)).toEqual({ papers: { catalog: 333, user: 0, library: 0, visit: 0 }, notes: 1 });
    expect(await storedLibraryCounts(db)).toBeNull();
    expect(await db.settings.get(SETTING_KEYS.paperCounts)).toBeUndefined();
  });

  it('refreshing stores the counts, which are then read without counting until the table changes', async () => {
    const counted = await refreshLibraryCounts(db);
    expect(await storedLibraryCounts(db)).toEqual(counted);
    // A stored count is used as long as its revision is current (here a planted one shows it is read, not recounted).
    const row = (await db.settings.get(SETTING_KEYS.paperCounts))!;
    await db.settings.put({ key: SETTING_KEYS.paperCounts, value: { ...(row.value as object), value: { catalog: 7, user: 0, library: 0, visit: 0 } } });
    expect((await readLibraryCounts(db)).papers.catalog).toBe(7);

    // A paper saved bumps the papers revision: the stored paper counts are stale, the note count is not.
    await saveUserPaper(db, NEW_PAPER);
    expect(await storedLibraryCounts(db)).toBeNull();
    expect(await readLibraryCounts(db)).toEqual({ papers: { catalog: 333, user: 1, library: 0, visit: 0 }, notes: 0 });
    // A note saved makes the note count stale too; a refresh recounts both.
    await saveNote(db, { paperId: first.id, text: 'a note', tags: [] });
    expect(await refreshLibraryCounts(db)).toEqual({ papers: { catalog: 333, user: 1, library: 0, visit: 0 }, notes: 1 });
    expect(await storedLibraryCounts(db)).toEqual({ papers: { catalog: 333, user: 1, library: 0, visit: 0 }, notes: 1 });
  });

  it('a write made by code that never heard of the counts (a raw import) still makes them stale', async () => {
    await refreshLibraryCounts(db);
    await db.transaction('rw', db.papers, db.settings, async () => {
      await db.papers.put({ ...first, id: 'raw-0001', source: 'user' });
      const revision = (await db.settings.get(SETTING_KEYS.papersRevision))!.value as number;
      await db.settings.put({ key: SETTING_KEYS.papersRevision, value: revision + 1 });
    });
    expect(await storedLibraryCounts(db)).toBeNull();
    expect((await refreshLibraryCounts(db)).papers.user).toBe(1);
  });

  it('the catalog status gives totals from the same counts', async () => {
    await saveUserPaper(db, NEW_PAPER);
    const status = { version: catalog.version, papers: 334, userPapers: 1, notes: 0 };
    expect(await readCatalogStatus(db)).toEqual(status);
    expect(await storedLibraryCounts(db)).toBeNull();
    expect(await refreshCatalogStatus(db)).toEqual(status);
    expect(await storedLibraryCounts(db)).not.toBeNull();
  });
});
