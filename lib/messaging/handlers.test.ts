import { describe, expect, it, vi } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { identityKeys } from '../library/identity';
import { BLANK_STATE } from '../notes/paper-state';
import { decodeIndexFile, encodeIndexFile, type IndexFileStore } from '../db/page-index-file';
import { getRevision } from '../db/revisions';
import { buildPageIndex } from '../library/page-index';
import { SETTING_KEYS } from '../settings';
import { createHandlers, ScanSources } from './handlers';
import { memoryFile, useFreshDb } from '../db/testing';
import { saveNote } from '../db/notes';
import { PaperLensDB } from '../db/schema';
import { readWakeState } from '../db/wake-state';
import { wakeStamp, wakeStampMiddleware } from '../db/wake-stamp';

const catalog = buildCatalog(readSeedDir('seeds'));
const byte = catalog.papers.find((p) => p.title.startsWith('ByteTransformer'))!;
let db!: PaperLensDB;
useFreshDb('handlers', (fresh) => (db = fresh));

describe('background handlers', () => {
  it('load the catalog lazily on the first request, once', async () => {
    const source = vi.fn(async () => catalog);
    const h = createHandlers(db, source);
    const [a, b] = await Promise.all([h.catalogStatus(), h.catalogStatus()]);
    expect(a).toEqual({ version: catalog.version, papers: 333, userPapers: 0, notes: 0 });
    expect(b).toEqual(a);
    expect(source).toHaveBeenCalledTimes(1);
  });

  it('skip reading the bundled catalog when a woken worker finds its version already stored', async () => {
    await createHandlers(db, async () => catalog).ready();
    const source = vi.fn(async () => catalog);
    expect((await createHandlers(db, source, async () => catalog.version).catalogStatus()).papers).toBe(333);
    expect(source).not.toHaveBeenCalled();
    // Another version, or none readable: the catalog is read and loaded as before.
    await createHandlers(db, source, async () => 'another version').ready();
    await createHandlers(db, source, async () => null).ready();
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('retry loading after a failure instead of staying broken', async () => {
    const source = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(catalog);
    const h = createHandlers(db, source);
    await expect(h.catalogStatus()).rejects.toThrow('offline');
    expect((await h.catalogStatus()).papers).toBe(333);
  });

  it('look up a batch of titles in one call, whatever their spelling', async () => {
    const h = createHandlers(db, async () => catalog);
    const ids = await h.lookupTitles([
      'BYTETRANSFORMER: a high‑performance transformer boosted for variable–length inputs.',
      'A paper that is not in the catalog',
      '',
    ]);
    expect(ids).toEqual([byte.id, null, null]);
  });

  it('return a paper with its note, and null for an unknown id', async () => {
    const h = createHandlers(db, async () => catalog);
    expect(await h.getPaper(byte.id)).toEqual({ paper: { ...byte, source: 'catalog', keys: identityKeys(byte) }, note: null, state: BLANK_STATE });
    await h.saveNote({ paperId: byte.id, text: 'fast **padding-free** kernels' });
    expect((await h.getPaper(byte.id))?.note?.text).toBe('fast **padding-free** kernels');
    expect(await h.getPaper('no-such-paper')).toBeNull();
  });

  it('recognize a saved paper by a link to its PDF, and a listing title by the id beside it', async () => {
    const h = createHandlers(db, async () => catalog);
    const title = 'A Paper Saved From Its Abstract Page';
    const { id } = await h.savePaper({ title, url: 'https://arxiv.org/abs/2401.01234', abstract: '', arxivId: '2401.01234' });
    const pdf = 'https://arxiv.org/pdf/2401.01234v2';
    const found = await h.matchPage([
      { kind: 'link', text: pdf },
      { kind: 'link', text: 'https://arxiv.org/pdf/2401.99999' },
      { kind: 'title', text: 'Its title as another listing shows it', arxivId: '2401.01234v3' },
    ]);
    const state = { inLibrary: true, hasNote: false, status: null, starred: false, visitedAt: null };
    expect(found).toEqual([
      { candidate: 0, id, start: 0, end: pdf.length, state },
      { candidate: 2, id, start: 0, end: 37, state },
    ]);
    await expect(h.matchPage([{ kind: 'link', text: 'x', arxivId: 7 }])).rejects.toThrow('candidates[0].arxivId must be a string');
    await expect(h.matchPage([{ kind: 'url', text: 'x' }])).rejects.toThrow("candidates[0].kind must be 'title', 'text' or 'link'");
  });

  it('answer a restarted service worker from the stored match index, and rebuild it after a save', async () => {
    const measures = (name: string) => performance.getEntriesByName(name).length;
    await createHandlers(db, async () => catalog).prepareMatching();
    expect(measures('paperlens:index-build')).toBe(1);
    performance.clearMeasures();
    // A new set of handlers is what a stopped and woken service worker has.
    const woken = createHandlers(db, async () => catalog);
    expect(await woken.matchPage([{ kind: 'title', text: byte.title }])).toEqual([{ candidate: 0, id: byte.id, start: 0, end: byte.title.length, state: BLANK_STATE }]);
    expect([measures('paperlens:index-load'), measures('paperlens:index-build')]).toEqual([1, 0]);
    const { id } = await woken.savePaper({ title: 'A Paper Saved Just Now', url: 'https://example.org/p', abstract: '' });
    expect(await woken.lookupTitles(['a paper saved just now'])).toEqual([id]);
    expect(measures('paperlens:index-build')).toBe(1);
  });

  it('answer a woken worker from the index file while it copies the stored index, and never from a stale one', async () => {
    let stored: ArrayBuffer | null = null;
    const reads = vi.fn(async () => stored);
    const file: IndexFileStore = {
      read: reads,
      write: async (bytes) => void (stored = bytes.slice().buffer),
      remove: async () => void (stored = null),
    };
    const first = createHandlers(db, async () => catalog, async () => null, file);
    await first.prepareMatching();
    await first.settleIndexFile();
    expect(decodeIndexFile(stored!)?.revision).toBe(await getRevision(db, 'papers'));
    // Woken: the file is read as the worker starts, and the stored index is not.
    const woken = createHandlers(db, async () => catalog, async () => null, file);
    woken.prefetchIndex();
    const fromDb = vi.spyOn(db.settings, 'get');
    expect(await woken.matchPage([{ kind: 'title', text: byte.title }])).toMatchObject([{ id: byte.id }]);
    expect(fromDb.mock.calls.map(([key]) => key)).not.toContain(SETTING_KEYS.pageIndex);
    expect(performance.getEntriesByName('paperlens:index-load').at(-1)).toMatchObject({ detail: 'file' });
    expect(reads).toHaveBeenCalledTimes(1);
    fromDb.mockRestore();
    // The papers change: the file names an older revision and is not believed; the next index is copied.
    const { id } = await woken.savePaper({ title: 'A Paper Saved Just Now', url: 'https://example.org/p', abstract: '' });
    const later = createHandlers(db, async () => catalog, async () => null, file);
    expect(await later.matchPage([{ kind: 'title', text: 'A Paper Saved Just Now' }])).toMatchObject([{ id }]);
    await later.settleIndexFile();
    expect(decodeIndexFile(stored!)?.revision).toBe(await getRevision(db, 'papers'));
    // A file of another index for the same revision (its token gone with a deleted library) is not believed either.
    const copy = decodeIndexFile(stored!)!;
    stored = encodeIndexFile({ ...copy, index: buildPageIndex([{ id: 'ghost', title: byte.title }]) }).slice().buffer;
    stored = encodeIndexFile({ ...decodeIndexFile(stored)!, token: 'another' }).slice().buffer;
    const again = createHandlers(db, async () => catalog, async () => null, file);
    expect(await again.matchPage([{ kind: 'title', text: byte.title }])).toMatchObject([{ id: byte.id }]);
  });

  it('answer a woken worker from the wake state before the database is open, then correct what was stale', async () => {
    const stamp = wakeStamp(memoryFile());
    const files = { state: memoryFile(), stamp };
    const indexFile = memoryFile();
    // Every context's database replaces the stamp on its writes (lib/db/schema.ts getDb).
    const watched = new PaperLensDB(db.name).use(wakeStampMiddleware(stamp));
    const first = createHandlers(watched, async () => catalog, async () => null, indexFile, { files, opened: watched.open(), correct: async () => undefined });
    await first.saveNote({ paperId: byte.id, text: 'fast', starred: true });
    await first.prepareMatching();
    await first.settleIndexFile();
    // A first wake finds no copy: it answers from the database and writes one.
    await first.settleWakeState();
    expect((await readWakeState(files))?.states.get(byte.id)).toMatchObject({ hasNote: true, starred: true });
    // The star goes in a write that has not replaced the stamp yet (the moment before its commit's stamp).
    await saveNote(db, { paperId: byte.id, starred: false });

    // Woken, with the database not open yet: every IndexedDB request is counted.
    let requests = 0;
    const counted = new PaperLensDB(db.name).use(wakeStampMiddleware(stamp)).use({
      stack: 'dbcore',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          const count = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => (requests++, fn(...args));
          return { ...table, get: count(table.get), getMany: count(table.getMany), query: count(table.query), openCursor: count(table.openCursor), count: count(table.count) };
        },
      }),
    });
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const correct = vi.fn(async () => undefined);
    const woken = createHandlers(counted, async () => catalog, async () => catalog.version, indexFile, { files, opened, correct });
    woken.prefetchIndex();
    expect(await woken.getSiteSettings()).toEqual({ disabled: [], custom: [] });
    const target = { tabId: 4, frameId: 0 };
    expect(await woken.matchPage([{ kind: 'title', text: byte.title }], 'page', target)).toMatchObject([{ id: byte.id, state: { hasNote: true, starred: true } }]);
    expect(requests).toBe(0);
    // Open: the answer is checked, the page told the paper's state now, and the copy written anew.
    open();
    await woken.settleWakeState();
    expect(correct).toHaveBeenCalledExactlyOnceWith(target, { [byte.id]: { ...BLANK_STATE, hasNote: true } });
    expect((await readWakeState(files))?.states.get(byte.id)).toEqual({ ...BLANK_STATE, hasNote: true });
    // From now on the database answers.
    expect(await woken.matchPage([{ kind: 'title', text: byte.title }], 'page', target)).toMatchObject([{ state: { starred: false } }]);
    expect(requests).toBeGreaterThan(0);
    watched.close();
    counted.close();
  });

  it('answer the first scan of a woken worker before checking the bundled catalog, then check it', async () => {
    await createHandlers(db, async () => catalog).prepareMatching();
    const version = vi.fn(async () => catalog.version);
    const source = vi.fn(async () => catalog);
    const woken = createHandlers(db, source, version);
    expect(await woken.matchPage([{ kind: 'title', text: byte.title }])).toMatchObject([{ id: byte.id }]);
    // The answer needed the stored index only.
    expect(version).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(version).toHaveBeenCalledTimes(1));
    expect(source).not.toHaveBeenCalled();
  });

  it('load the catalog before the first scan when no index is stored for the papers', async () => {
    const version = vi.fn(async () => null);
    const h = createHandlers(db, async () => catalog, version);
    expect(await h.matchPage([{ kind: 'title', text: byte.title }])).toMatchObject([{ id: byte.id }]);
    expect(version).toHaveBeenCalledTimes(1);
  });

  it('validate every input before touching the database', async () => {
    const h = createHandlers(db, async () => catalog);
    await expect(h.getPaper({ id: 1 })).rejects.toThrow('paper id must be a string');
    await expect(h.getPaper('')).rejects.toThrow('paper id must not be empty');
    await expect(h.lookupTitles('title')).rejects.toThrow('titles must be an array');
    await expect(h.saveNote({ paperId: byte.id, text: 42 })).rejects.toThrow('note text must be a string');
    await expect(h.saveNote({ paperId: byte.id, status: 'done' })).rejects.toThrow('status must be one of');
    await expect(h.saveNote({ paperId: byte.id, tags: 'a,b' })).rejects.toThrow('tags must be an array');
    await expect(h.saveNote({ paperId: 'nope', text: 'x' })).rejects.toThrow('No paper with id nope');
    expect(await db.notes.count()).toBe(0);
  });
});

describe('saveNote', () => {
  it('refuses to overwrite a newer note edited elsewhere', async () => {
    const h = createHandlers(db, async () => catalog);
    const first = await h.saveNote({ paperId: byte.id, text: 'v1', baseUpdatedAt: null });
    if (!first.ok) throw new Error('first save must land');
    const popup = await h.saveNote({ paperId: byte.id, text: 'v2 from popup', baseUpdatedAt: first.note.updatedAt });
    expect(popup.ok).toBe(true);
    const staleCard = await h.saveNote({ paperId: byte.id, text: 'v2 from card', baseUpdatedAt: first.note.updatedAt });
    expect(staleCard).toEqual({ ok: false, conflict: expect.objectContaining({ text: 'v2 from popup' }) });
    expect((await db.notes.get(byte.id))?.text).toBe('v2 from popup');
  });

  it('keeps fields a save does not name and the creation time', async () => {
    const h = createHandlers(db, async () => catalog);
    const a = await h.saveNote({ paperId: byte.id, text: 'note', tags: ['gpu'] });
    const b = await h.saveNote({ paperId: byte.id, starred: true });
    if (!a.ok || !b.ok) throw new Error('saves must land');
    expect(b.note).toMatchObject({ text: 'note', tags: ['gpu'], starred: true, status: 'none', titleSnapshot: byte.title });
    expect(b.note.createdAt).toBe(a.note.createdAt);
    expect(b.note.updatedAt).toBeGreaterThan(a.note.updatedAt);
  });
});

describe('paper state and the reading history', () => {
  it('matchPage gives every mention its paper’s state', async () => {
    const h = createHandlers(db, async () => catalog);
    await h.saveNote({ paperId: byte.id, text: 'fast', status: 'reading', starred: true });
    const matches = await h.matchPage([
      { kind: 'title', text: byte.title, arxivId: '2210.03052' },
      { kind: 'link', text: 'https://arxiv.org/abs/2210.03052' },
    ]);
    expect(matches[0]).toMatchObject({ candidate: 0, id: byte.id, state: { inLibrary: false, hasNote: true, status: 'reading', starred: true, visitedAt: null } });
    await expect(h.matchPage([{ kind: 'image', text: 'x' }])).rejects.toThrow("candidates[0].kind must be 'title', 'text' or 'link'");
  });

  it('matchPage stores an arXiv id learned beside a known title, so a link to it is recognized from then on', async () => {
    const h = createHandlers(db, async () => catalog);
    const link = { kind: 'link' as const, text: 'https://arxiv.org/pdf/2210.03052v2' };
    expect(await h.matchPage([link])).toEqual([]);
    const [learned] = await h.matchPage([{ kind: 'title', text: byte.title, arxivId: '2210.03052v1' }]);
    expect(learned).toMatchObject({ id: byte.id, learnedArxivId: '2210.03052' });
    // Stored once the page has been quiet a moment (or now, when asked).
    expect(await h.matchPage([link])).toEqual([]);
    const builds = performance.getEntriesByName('paperlens:index-build').length;
    await h.settleLearning();
    expect(await h.matchPage([link])).toMatchObject([{ candidate: 0, id: byte.id }]);
    // The index took the id in; nothing was rebuilt for it.
    expect(performance.getEntriesByName('paperlens:index-build')).toHaveLength(builds);
    // Kept apart from the catalog row, so a catalog refresh does not forget it.
    expect(await db.learnedIds.toArray()).toEqual([{ key: 'arxiv:2210.03052', paperId: byte.id, learnedAt: expect.any(Number) }]);
  });

  it('matchPage learns nothing from an id a page shows beside different titles in different batches', async () => {
    const h = createHandlers(db, async () => catalog);
    const other = catalog.papers.find((p) => p.id !== byte.id && !identityKeys(p).some((k) => k.startsWith('arxiv:')))!;
    const page = 'tab 1';
    // The first batch alone looks like a fair pairing…
    expect(await h.matchPage([{ kind: 'title', text: byte.title, arxivId: '2210.03052' }], page)).toMatchObject([{ learnedArxivId: '2210.03052' }]);
    // …the next shows the same id beside another title: the id is evidence of nothing.
    expect((await h.matchPage([{ kind: 'title', text: other.title, arxivId: '2210.03052' }], page))[0]?.learnedArxivId).toBeUndefined();
    // Another page pairing them one to one teaches, on its own.
    await h.matchPage([{ kind: 'title', text: other.title, arxivId: '2301.00002' }], 'tab 2');
    await h.settleLearning();
    expect(await db.learnedIds.toArray()).toEqual([{ key: 'arxiv:2301.00002', paperId: other.id, learnedAt: expect.any(Number) }]);
  });

  it('recordVisit validates the page’s metadata, records the visit and returns the paper', async () => {
    const h = createHandlers(db, async () => catalog);
    expect(await h.recordVisit({ url: 'https://arxiv.org/abs/2210.03052v2', title: byte.title, authors: [' Y. Zhai ', ''] })).toEqual({ paperId: byte.id });
    expect((await h.getPaper(byte.id))?.state.visitedAt).toEqual(expect.any(Number));
    expect((await h.getPaper(byte.id))?.paper.arxivId).toBe('2210.03052');
    await expect(h.recordVisit({ url: 'javascript:alert(1)' })).rejects.toThrow('url must be an http(s) address');
    await expect(h.recordVisit({ url: 'https://arxiv.org/abs/1', title: 'x'.repeat(3000) })).rejects.toThrow('title is longer than 2000 characters');
    await expect(h.recordVisit(null)).rejects.toThrow('visit must be an object');
    // A page that names no paper is no visit.
    expect(await h.recordVisit({ url: 'https://example.org/' })).toEqual({ paperId: null });
  });
});

describe('the page a scan came from', () => {
  it("keys a page's batches by its document and sends corrections to the frame that sent them", () => {
    expect(new ScanSources().of({ documentId: 'doc-1', frameId: 0, url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 7 } })).toEqual({
      page: 'doc-1',
      target: { tabId: 7, frameId: 0 },
    });
    expect(new ScanSources().of({ documentId: 'sub-doc', frameId: 3, url: 'https://example.org/embed', tab: { id: 7 } })).toEqual({
      page: 'sub-doc',
      target: { tabId: 7, frameId: 3 },
    });
  });

  it("counts batches the card frame relayed as its tab's top page's, the one that sent the first batches itself", () => {
    const sources = new ScanSources();
    const card = { documentId: 'card-doc', frameId: 12, url: 'chrome-extension://abcdef/card.html#', tab: { id: 7 } };
    // Nothing sent directly yet (a worker woken since): the frame's own document stands for the page.
    expect(sources.of(card)).toEqual({ page: 'card-doc', target: { tabId: 7, frameId: 0 } });
    sources.of({ documentId: 'top-doc', frameId: 0, url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 7 } });
    // A subframe's own batches do not make it the tab's page.
    sources.of({ documentId: 'sub-doc', frameId: 3, url: 'https://example.org/embed', tab: { id: 7 } });
    expect(sources.of(card)).toEqual({ page: 'top-doc', target: { tabId: 7, frameId: 0 } });
    // Another tab's frame is not this page's; a navigation to a new page is its own page.
    expect(sources.of({ ...card, documentId: 'card-doc-2', tab: { id: 8 } }).page).toBe('card-doc-2');
    sources.of({ documentId: 'next-doc', frameId: 0, url: 'https://arxiv.org/list/cs.CL/new', tab: { id: 7 } });
    expect(sources.of(card).page).toBe('next-doc');
  });

  it('has no frame to correct without a tab', () => {
    expect(new ScanSources().of({ url: 'chrome-extension://abcdef/popup.html' }).target).toBeUndefined();
  });
});
