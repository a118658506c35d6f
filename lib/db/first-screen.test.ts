import { describe, expect, it, vi } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { SETTING_KEYS, survivesDeleteAll } from '../settings';
import { browsePapers } from './browse';
import { refreshFirstScreen } from './first-screen';
import { currentFirstScreen, DB_NAME, FIRST_LIST_LIMIT, readStoredFirstScreen } from './first-screen-read';
import { refreshLibraryCounts } from './library-counts';
import { saveUserPaper } from './library';
import { saveNote } from './notes';
import { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const [a, b] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0]];
let db!: PaperLensDB;
useFreshDb('first-screen', (fresh) => (db = fresh), catalog);

describe("the popup's stored first screen", () => {
  it('is the first list and footer counts as read now, and reads back while current', async () => {
    await saveNote(db, { paperId: b.id, text: 'older note' }, 100);
    await saveNote(db, { paperId: a.id, text: '', starred: true }, 200);
    const counts = await refreshLibraryCounts(db);
    const screen = await refreshFirstScreen(db);
    expect(screen.browsed).toEqual(await browsePapers(db, [], FIRST_LIST_LIMIT));
    expect(screen.browsed.map((x) => x.paper.id)).toEqual([a.id, b.id]);
    expect(screen.counts).toEqual(counts);
    expect(await readStoredFirstScreen(db.name)).toEqual(screen);
  });

  it('is not believed once papers or notes changed, whoever changed them, until stored again', async () => {
    await refreshFirstScreen(db);
    await saveNote(db, { paperId: a.id, text: 'a new note' });
    expect(await readStoredFirstScreen(db.name)).toBeNull();
    const again = await refreshFirstScreen(db);
    expect(again.browsed.map((x) => x.note?.text)).toEqual(['a new note']);
    expect(await readStoredFirstScreen(db.name)).toEqual(again);

    await saveUserPaper(db, { title: 'A Paper Saved From Elsewhere', url: 'https://example.org/p', authors: [], abstract: '' });
    expect(await readStoredFirstScreen(db.name)).toBeNull();
  });

  it('is not written again when nothing changed', async () => {
    await saveNote(db, { paperId: a.id, text: 'a note' });
    await refreshFirstScreen(db);
    const put = vi.spyOn(db.settings, 'put');
    const writes = () => put.mock.calls.filter(([row]) => row.key === SETTING_KEYS.firstScreen).length;
    await refreshFirstScreen(db);
    expect(writes()).toBe(0);
    await saveNote(db, { paperId: a.id, text: 'another note' });
    await refreshFirstScreen(db);
    expect(writes()).toBe(1);
  });

  it('refuses a row of another format or revisions', () => {
    const row = { format: 1, papers: 3, notes: 0, browsed: [], counts: null };
    expect(currentFirstScreen(row, 3, undefined)).toEqual(row);
    expect(currentFirstScreen(row, 4, undefined)).toBeNull();
    expect(currentFirstScreen(row, 3, 1)).toBeNull();
    expect(currentFirstScreen({ ...row, format: 2 }, 3, 0)).toBeNull();
    expect(currentFirstScreen(undefined, 0, 0)).toBeNull();
  });

  it('reads nothing, and creates no database, in a profile without one', async () => {
    expect(await readStoredFirstScreen('first-screen-none')).toBeNull();
    expect(await indexedDB.databases()).not.toContainEqual(expect.objectContaining({ name: 'first-screen-none' }));
  });

  it("is read from PaperLens's database and goes with the user's data", () => {
    expect(new PaperLensDB().name).toBe(DB_NAME);
    expect(survivesDeleteAll(SETTING_KEYS.firstScreen)).toBe(false);
  });
});
