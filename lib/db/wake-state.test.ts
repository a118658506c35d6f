import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { describeImported, toPaper } from '../library';
import { BLANK_STATE } from '../notes/paper-state';
import { SETTING_KEYS } from '../settings';
import { loadCatalog } from './catalog-load';
import { recordVisit } from './history';
import { saveUserPaper } from './library';
import { writeImportedPapers } from './library-import';
import { saveNote } from './notes';
import { loadPageIndex } from './page-index';
import { paperStates } from './paper-state';
import { getRevision } from './revisions';
import { PaperLensDB } from './schema';
import { setSiteEnabled } from './site-settings';
import { memoryFile, useFreshDb } from './testing';
import { computeWakeState, decodeWakeState, encodeWakeState, readWakeState, writeWakeState, type WakeFiles } from './wake-state';
import { changesWakeState, wakeStamp, wakeStampMiddleware } from './wake-stamp';

const catalog = buildCatalog(readSeedDir('seeds'));
const [a, b, c, d] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0], (typeof catalog.papers)[0], (typeof catalog.papers)[0]];
let db!: PaperLensDB;
useFreshDb('wake-state', (fresh) => (db = fresh), catalog);

const files = (): WakeFiles => ({ state: memoryFile(), stamp: wakeStamp(memoryFile()) });

/** A library touching every part of a paper's state: a note, a star, a status, a visit, a save, an import set. */
async function userLibrary(into: PaperLensDB) {
  await saveNote(into, { paperId: a.id, text: 'read twice', status: 'reading', starred: true });
  await saveNote(into, { paperId: b.id, text: '   ', status: 'to-read' });
  await recordVisit(into, { url: `https://arxiv.org/abs/${c.arxivId ?? '2101.00001'}`, title: c.title }, 1234);
  const saved = await saveUserPaper(into, { title: 'A Paper Saved From A Page', url: 'https://example.org/p', abstract: '' });
  const [imported] = [describeImported(toPaper({ title: 'An Imported Paper On Sparse Attention', authors: [], tags: [], line: 1 }))];
  await writeImportedPapers(into, [imported!, describeImported(toPaper({ title: d.title, authors: [], tags: [], line: 2 }))], {
    set: { id: 'lib.bib', name: 'lib.bib', format: 'bibtex' },
  });
  return { saved: saved.id, imported: imported!.id };
}

describe('the wake state', () => {
  it('holds every paper’s state as paperStates reads it, and the site settings and match index token', async () => {
    const { saved, imported } = await userLibrary(db);
    await setSiteEnabled(db, 'github', false);
    const { token, revision } = await loadPageIndex(db);
    const state = await computeWakeState(db, 's1');
    const ids = [a.id, b.id, c.id, d.id, saved, imported, catalog.papers[10]!.id];
    const expected = await paperStates(db, ids);
    expect(ids.map((id) => state.states.get(id) ?? BLANK_STATE)).toEqual(expected);
    // Only papers with something of the user's are listed.
    expect([...state.states.keys()].sort()).toEqual([a.id, b.id, c.id, d.id, saved, imported].sort());
    expect(state.sites).toEqual({ disabled: ['github'], custom: [] });
    expect(state.index).toEqual({ revision, token });
    expect(state.notesRevision).toBe(await getRevision(db, 'notes'));
    // Through the file and back.
    expect(decodeWakeState(encodeWakeState(state).slice().buffer)).toEqual(state);
  });

  it('is refused when its bytes are not a whole file of this format', () => {
    const bytes = encodeWakeState({ stamp: 's', sites: { disabled: [], custom: [] }, index: { revision: 1, token: 't' }, notesRevision: 0, states: new Map() });
    expect(decodeWakeState(bytes.slice(0, bytes.length - 3).buffer)).toBeNull();
    expect(decodeWakeState(new TextEncoder().encode('{"format":1,"stamp":"s","sites":{"disabled":[],"custom":[]},"index":{"revision":1,"token":"t"},"notesRevision":0,"library":[],"states":[["x",1,"done",null]]}').buffer)).toBeNull();
    expect(decodeWakeState(new ArrayBuffer(0))).toBeNull();
  });

  it('is believed until a watched write in any context replaces its stamp', async () => {
    const stamp = wakeStamp(memoryFile());
    const state = memoryFile();
    // Another context's database, sharing the files as contexts share OPFS.
    const other = new PaperLensDB(db.name).use(wakeStampMiddleware(stamp));
    const wake: WakeFiles = { state, stamp };
    expect(await readWakeState(wake)).toBeNull();
    await writeWakeState(db, wake);
    expect(await readWakeState(wake)).toMatchObject({ sites: { disabled: [], custom: [] } });
    // The search index is no part of it: its writes leave the copy believed.
    await other.settings.put({ key: SETTING_KEYS.catalogIndex, value: 'x' });
    await stamp.settled();
    expect(await readWakeState(wake)).not.toBeNull();
    // A note is.
    await saveNote(other, { paperId: a.id, text: 'new' });
    await stamp.settled();
    expect(await readWakeState(wake)).toBeNull();
    const again = await writeWakeState(db, wake);
    expect(again.states.get(a.id)).toMatchObject({ hasNote: true });
    expect(await readWakeState(wake)).not.toBeNull();
    // So is a site switched off.
    await setSiteEnabled(other, 'x', false);
    await stamp.settled();
    expect(await readWakeState(wake)).toBeNull();
    other.close();
  });

  it('tells which writes may change it', () => {
    const trans = {} as never;
    expect(changesWakeState('notes', { type: 'delete', trans, keys: ['p'] })).toBe(true);
    expect(changesWakeState('sets', { type: 'put', trans, values: [{ id: 's' }] })).toBe(false);
    expect(changesWakeState('settings', { type: 'put', trans, values: [{ key: SETTING_KEYS.notesIndex, value: 1 }] })).toBe(false);
    expect(changesWakeState('settings', { type: 'put', trans, values: [{ key: SETTING_KEYS.pageIndexToken, value: 't' }] })).toBe(true);
    expect(changesWakeState('settings', { type: 'delete', trans, keys: [SETTING_KEYS.sites] })).toBe(true);
    expect(changesWakeState('settings', { type: 'deleteRange', trans, range: { type: 2, lower: 'a', upper: 'z' } })).toBe(true);
  });
});

describe('the wake state of a fresh database', () => {
  it('is written with a stamp made for it', async () => {
    const fresh = new PaperLensDB('wake-state-empty');
    await loadCatalog(fresh, catalog);
    const wake = files();
    const state = await writeWakeState(fresh, wake);
    expect(state.states.size).toBe(0);
    expect(await readWakeState(wake)).toEqual(state);
    await fresh.delete();
  });
});
