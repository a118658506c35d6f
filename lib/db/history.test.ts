import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { describeImported, toPaper } from '../library';
import { loadCatalog } from './catalog-load';
import { clearHistory, recordVisit, setHistoryPaused } from './history';
import { loadHistory } from './history-read';
import { writeImportedPapers } from './library-import';
import { saveNote } from './notes';
import { getPaperWithNote } from './papers';
import { learnArxivIds, paperStates } from './paper-state';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const [first, second] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0]];
let db!: PaperLensDB;
useFreshDb('history', (fresh) => (db = fresh), catalog);

const NEW_PAPER = {
  url: 'https://arxiv.org/abs/2405.00001v2',
  arxivId: '2405.00001',
  title: 'A Paper Nobody Has Imported',
  authors: ['Ada Lovelace'],
  abstract: 'We study remembering what one reads. Our method recalls 93% of papers a week later.',
};

describe('the reading history', () => {
  it('records a visit to a known paper under its id, with the time and a count', async () => {
    expect(await recordVisit(db, { url: 'https://arxiv.org/abs/2101.00001', title: first.title }, 100)).toEqual({ paperId: first.id });
    await recordVisit(db, { url: 'https://arxiv.org/pdf/2101.00001v2', arxivId: '2101.00001' }, 200);
    const [entry] = await loadHistory(db);
    expect(entry).toMatchObject({ id: first.id, paperId: first.id, title: first.title, visitedAt: 200, firstVisitedAt: 100, visits: 2 });
    // The catalog paper learned its arXiv id from the page.
    expect((await db.papers.get(first.id))?.arxivId).toBe('2101.00001');
  });

  it('remembers a paper it did not know, with the page’s metadata, so the popup search finds it', async () => {
    const before = await getRevision(db, 'papers');
    const { paperId } = await recordVisit(db, NEW_PAPER, 5);
    expect(paperId).not.toBeNull();
    const row = await db.papers.get(paperId!);
    expect(row).toMatchObject({ title: NEW_PAPER.title, source: 'visit', arxivId: '2405.00001', authors: ['Ada Lovelace'] });
    expect(row?.tldr).toBeTruthy();
    expect(await getRevision(db, 'papers')).toBe(before + 1);
    const view = await getPaperWithNote(db, paperId!);
    expect(view?.state).toEqual({ inLibrary: false, hasNote: false, status: null, starred: false, visitedAt: 5 });
  });

  it('keeps a PDF opened by link under its arXiv id, and joins it to the paper once its title is known', async () => {
    expect(await recordVisit(db, { url: 'https://arxiv.org/pdf/2405.00001v1' }, 1)).toEqual({ paperId: null });
    expect(await loadHistory(db)).toMatchObject([{ id: 'arxiv:2405.00001', paperId: null, title: 'arXiv:2405.00001', visits: 1 }]);
    const { paperId } = await recordVisit(db, NEW_PAPER, 2);
    expect(await loadHistory(db)).toMatchObject([{ id: paperId, paperId, title: NEW_PAPER.title, visits: 2, firstVisitedAt: 1, visitedAt: 2 }]);
  });

  it('writes nothing while paused, but still names the paper', async () => {
    await setHistoryPaused(db, true);
    expect(await recordVisit(db, { url: 'https://arxiv.org/abs/x', title: second.title })).toEqual({ paperId: second.id });
    expect(await recordVisit(db, NEW_PAPER)).toEqual({ paperId: null });
    expect(await db.history.count()).toBe(0);
    expect(await db.papers.count()).toBe(catalog.papers.length);
    await setHistoryPaused(db, false);
    await recordVisit(db, NEW_PAPER);
    expect(await db.history.count()).toBe(1);
  });

  it('clears in one go: papers known only from a visit go, library papers and every note stay', async () => {
    const { paperId: visitOnly } = await recordVisit(db, NEW_PAPER);
    const imported = describeImported(toPaper({ title: 'Imported Then Read', authors: [], tags: [], line: 1 }));
    await writeImportedPapers(db, [imported], { set: { id: 'a.bib', name: 'a.bib', format: 'bibtex' } });
    await recordVisit(db, { url: 'https://arxiv.org/abs/2405.00002', title: imported.title });
    await recordVisit(db, { url: 'https://arxiv.org/abs/2101.00001', title: first.title });
    await saveNote(db, { paperId: visitOnly!, text: 'keep me' });
    expect(await clearHistory(db)).toEqual({ cleared: 3 });
    expect(await db.history.count()).toBe(0);
    expect(await db.papers.get(visitOnly!)).toBeUndefined();
    expect(await db.notes.get(visitOnly!)).toMatchObject({ text: 'keep me', titleSnapshot: NEW_PAPER.title });
    expect((await db.papers.get(imported.id))?.source).toBe('library');
    expect((await db.papers.get(first.id))?.source).toBe('catalog');
  });
});

describe('paper states', () => {
  it('say at a glance what the user did with each paper', async () => {
    const imported = describeImported(toPaper({ title: 'In My Library', authors: [], tags: [], line: 1 }));
    await writeImportedPapers(db, [imported], { set: { id: 'a.bib', name: 'a.bib', format: 'bibtex' } });
    await saveNote(db, { paperId: imported.id, text: 'good', status: 'read', starred: true });
    await saveNote(db, { paperId: second.id, text: '', status: 'to-read' });
    await recordVisit(db, { url: 'https://arxiv.org/abs/2101.00001', title: first.title }, 9);
    expect(await paperStates(db, [imported.id, first.id, second.id, 'unknown', imported.id])).toEqual([
      { inLibrary: true, hasNote: true, status: 'read', starred: true, visitedAt: null },
      { inLibrary: false, hasNote: false, status: null, starred: false, visitedAt: 9 },
      { inLibrary: false, hasNote: false, status: 'to-read', starred: false, visitedAt: null },
      { inLibrary: false, hasNote: false, status: null, starred: false, visitedAt: null },
      { inLibrary: true, hasNote: true, status: 'read', starred: true, visitedAt: null },
    ]);
  });
});

describe('learned arXiv ids', () => {
  it('are stored once, never given to a second paper, and survive catalog refreshes', async () => {
    const before = await getRevision(db, 'papers');
    expect(await learnArxivIds(db, [{ paperId: first.id, arxivId: 'arXiv:1706.03762v5' }], 3)).toHaveLength(1);
    expect(await getRevision(db, 'papers')).toBe(before + 1);
    expect((await db.papers.where('keys').equals('arxiv:1706.03762').first())?.id).toBe(first.id);
    // Already held by the first paper: not given to the second, and the first keeps its id.
    expect(await learnArxivIds(db, [{ paperId: second.id, arxivId: '1706.03762' }])).toEqual([]);
    expect(await learnArxivIds(db, [{ paperId: first.id, arxivId: '2001.00001' }])).toEqual([]);
    expect(await getRevision(db, 'papers')).toBe(before + 1);
    expect(await learnArxivIds(db, [{ paperId: second.id, arxivId: '2002.00001' }])).toHaveLength(1);
    await loadCatalog(db, { ...catalog, version: 'refreshed' });
    expect((await db.papers.get(first.id))?.arxivId).toBe('1706.03762');
    expect((await db.papers.get(first.id))?.keys).toContain('arxiv:1706.03762');
    expect((await db.papers.get(second.id))?.arxivId).toBe('2002.00001');
  });

  it('teach nothing from an ambiguous offer: one id for two papers, or two ids for one paper', async () => {
    expect(await learnArxivIds(db, [{ paperId: first.id, arxivId: '2101.00001' }, { paperId: second.id, arxivId: '2101.00001v2' }])).toEqual([]);
    expect(await learnArxivIds(db, [{ paperId: second.id, arxivId: '2102.00001' }, { paperId: second.id, arxivId: '2102.00002' }])).toEqual([]);
    // The same pairing twice is one pairing.
    expect(await learnArxivIds(db, [{ paperId: first.id, arxivId: '2103.00001' }, { paperId: first.id, arxivId: '2103.00001v3' }])).toHaveLength(1);
    expect([(await db.papers.get(first.id))?.arxivId, (await db.papers.get(second.id))?.arxivId]).toEqual(['2103.00001', undefined]);
  });

  it('keep an id learned for a paper no longer stored from being given to another', async () => {
    await db.learnedIds.put({ key: 'arxiv:2104.00001', paperId: 'a-removed-paper', learnedAt: 1 });
    expect(await learnArxivIds(db, [{ paperId: first.id, arxivId: '2104.00001' }])).toEqual([]);
    expect(await db.learnedIds.get('arxiv:2104.00001')).toEqual({ key: 'arxiv:2104.00001', paperId: 'a-removed-paper', learnedAt: 1 });
  });
});
