import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { describeImported, parseLibraryFile, toPaper, type ImportedPaper, type LibraryEntry } from '../library';
import { loadCatalog } from './catalog-load';
import { recordVisit } from './history';
import { saveUserPaper } from './library';
import { loadImportSets, removeImportSet, writeImportedPapers, type ImportSetInfo } from './library-import';
import { saveNote } from './notes';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const [first, second] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0]];
let db!: PaperLensDB;
useFreshDb('library-import', (fresh) => (db = fresh), catalog);

const SET: ImportSetInfo = { id: 'My Library.bib', name: 'My Library.bib', format: 'bibtex' };

/** An imported paper as the options page's worker hands it over. */
function paper(entry: Partial<LibraryEntry> & { title: string }): ImportedPaper {
  return describeImported(toPaper({ authors: [], tags: [], line: 1, ...entry }));
}

async function snapshot(d: PaperLensDB) {
  return {
    papers: await d.papers.orderBy('id').toArray(),
    notes: await d.notes.toArray(),
    sets: await d.sets.toArray(),
    history: await d.history.toArray(),
    settings: await d.settings.toArray(),
  };
}

describe('writeImportedPapers', () => {
  it('imports a real Zotero export as a set, searchable and known by its ids', async () => {
    const file = readFileSync('lib/library/fixtures/zotero-better-biblatex.bib');
    const parsed = await parseLibraryFile('My Library.bib', file);
    const before = await getRevision(db, 'papers');
    const summary = await writeImportedPapers(db, parsed.entries.map((e) => describeImported(toPaper(e))), { set: SET, now: 10 });
    expect(summary).toEqual({ added: 4, merged: 0, updated: 0, duplicates: 0, removed: 0, notesMoved: 0, count: 4, toDescribe: 0 });
    expect(await db.papers.count()).toBe(catalog.papers.length + 4);
    const row = await db.papers.where('keys').equals('arxiv:2005.07513').first();
    expect(row).toMatchObject({ title: 'A Distributional View on Multi-Objective Policy Optimization', source: 'library', sets: [SET.id], year: 2020 });
    expect(row?.tldr.length).toBeGreaterThan(20);
    expect(row?.authors?.[0]).toBe('Abbas Abdolmaleki');
    expect(await loadImportSets(db)).toEqual([{ id: SET.id, name: SET.name, format: 'bibtex', count: 4, importedAt: 10 }]);
    expect(await getRevision(db, 'papers')).toBe(before + 1);
  });

  it('merges a paper the catalog has into the catalog record, keeping its id, TL;DR and note', async () => {
    await saveNote(db, { paperId: first.id, text: 'read this twice' });
    const summary = await writeImportedPapers(db, [paper({ title: first.title.toUpperCase(), arxivId: '2101.00001', doi: '10.1000/X1', year: 2021 })], { set: SET });
    expect(summary).toMatchObject({ added: 0, merged: 1 });
    expect(await db.papers.count()).toBe(catalog.papers.length);
    const row = await db.papers.get(first.id);
    expect(row).toMatchObject({ title: first.title, tldr: first.tldr, arxivId: '2101.00001', doi: '10.1000/x1', source: 'library', inCatalog: true, sets: [SET.id] });
    expect((await db.notes.get(first.id))?.text).toBe('read this twice');
    // A catalog refresh keeps the user's row.
    await loadCatalog(db, { ...catalog, version: 'next' });
    expect((await db.papers.get(first.id))?.source).toBe('library');
  });

  it('finds the same paper under another title by arXiv id or DOI, and moves a note over', async () => {
    const saved = await saveUserPaper(db, { title: 'Old Preprint Title', abstract: '', url: 'https://arxiv.org/abs/2301.00002', arxivId: '2301.00002' });
    await saveNote(db, { paperId: saved.id, text: 'on the preprint' });
    // An orphan note under the published title's id, from a set removed earlier.
    await db.notes.put({ ...(await db.notes.get(saved.id))!, paperId: toPaper({ title: 'Published Title', authors: [], tags: [], line: 1 }).id, text: 'on the paper', titleSnapshot: 'Published Title' });
    const summary = await writeImportedPapers(db, [paper({ title: 'Published Title', doi: '10.48550/arXiv.2301.00002', venue: 'NeurIPS' })], { set: SET });
    expect(summary).toMatchObject({ added: 0, merged: 1, notesMoved: 1 });
    const rows = await db.papers.where('keys').equals('arxiv:2301.00002').toArray();
    expect(rows.map((r) => [r.id, r.source, r.venue])).toEqual([[saved.id, 'user', 'NeurIPS']]);
    expect(rows[0]!.keys).toContain('title:published title');
    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.paperId).toBe(saved.id);
    expect(notes[0]!.text).toContain('on the preprint');
    expect(notes[0]!.text).toContain('on the paper');
  });

  it('folds two stored records that one entry shows to be the same paper, keeping both notes', async () => {
    await recordVisit(db, { url: 'https://arxiv.org/abs/2302.00003', title: 'Visited Under This Title' });
    const visited = (await db.papers.where('keys').equals('arxiv:2302.00003').first())!;
    await writeImportedPapers(db, [paper({ title: 'Imported Under That Title', doi: '10.1145/777' })], { set: { ...SET, id: 'other.bib', name: 'other.bib' } });
    const other = (await db.papers.where('keys').equals('doi:10.1145/777').first())!;
    await saveNote(db, { paperId: visited.id, text: 'note A', tags: ['a'] });
    await saveNote(db, { paperId: other.id, text: 'note B', tags: ['b'], starred: true });

    await writeImportedPapers(db, [paper({ title: 'Third Title', arxivId: '2302.00003', doi: '10.1145/777' })], { set: SET });
    const rows = await db.papers.where('keys').anyOf(['arxiv:2302.00003', 'doi:10.1145/777']).distinct().toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sets?.sort()).toEqual([SET.id, 'other.bib'].sort());
    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ paperId: rows[0]!.id, starred: true });
    expect(notes[0]!.text).toMatch(/note A[\s\S]*note B|note B[\s\S]*note A/);
    expect(notes[0]!.tags.sort()).toEqual(['a', 'b']);
    // The visit's history follows the paper.
    expect((await db.history.toArray()).map((h) => h.paperId)).toEqual([rows[0]!.id]);
  });

  it('folds duplicates within the file and keeps two papers that only share a title', async () => {
    const summary = await writeImportedPapers(
      db,
      [
        paper({ title: 'Same Paper', arxivId: '2303.00004', abstract: 'short' }),
        paper({ title: 'Same paper.', doi: '10.48550/arXiv.2303.00004v3', abstract: 'a longer abstract wins the merge' }),
        paper({ title: 'Shared Name', arxivId: '2303.00005' }),
        paper({ title: 'Shared Name', arxivId: '2303.00006' }),
      ],
      { set: SET },
    );
    expect(summary).toMatchObject({ added: 3, duplicates: 1, count: 3 });
    const same = await db.papers.where('keys').equals('arxiv:2303.00004').toArray();
    expect(same).toHaveLength(1);
    expect(same[0]!.abstract).toBe('a longer abstract wins the merge');
    const shared = await db.papers.where('keys').equals('title:shared name').toArray();
    expect(shared.map((r) => r.arxivId).sort()).toEqual(['2303.00005', '2303.00006']);
    expect(new Set(shared.map((r) => r.id)).size).toBe(2);
  });

  it('updates a re-imported set in place: papers gone from the file leave it, notes stay', async () => {
    const a = paper({ title: 'Paper Kept Across Imports', arxivId: '2304.00001' });
    const b = paper({ title: 'Paper Dropped From The File', arxivId: '2304.00002' });
    await writeImportedPapers(db, [a, b], { set: SET, now: 1 });
    await saveNote(db, { paperId: b.id, text: 'still mine' });
    const again = await writeImportedPapers(db, [{ ...a, venue: 'ICML' }], { set: SET, now: 2 });
    expect(again).toMatchObject({ added: 0, merged: 0, updated: 1, removed: 1, count: 1 });
    expect(await db.papers.get(b.id)).toBeUndefined();
    expect((await db.papers.get(a.id))?.venue).toBe('ICML');
    expect(await db.notes.get(b.id)).toMatchObject({ text: 'still mine', titleSnapshot: b.title });
    expect(await loadImportSets(db)).toEqual([{ id: SET.id, name: SET.name, format: 'bibtex', count: 1, importedAt: 2 }]);
  });

  it('writes nothing when cancelled or when a write fails', async () => {
    await writeImportedPapers(db, [paper({ title: 'Already There' })], { set: { ...SET, id: 'first.bib' } });
    const before = await snapshot(db);
    const many = Array.from({ length: 1200 }, (_, i) => paper({ title: `Generated Paper Number ${i}`, arxivId: `2305.${String(i).padStart(5, '0')}` }));
    const controller = new AbortController();
    const cancelled = writeImportedPapers(db, many, {
      set: SET,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 500) controller.abort();
      },
    });
    await expect(cancelled).rejects.toThrow(/abort/i);
    expect(await snapshot(db)).toEqual(before);

    // A value IndexedDB cannot store fails the last write, after the others were made.
    const broken = [...many.slice(0, 10), { ...many[10]!, venue: (() => 'x') as unknown as string }];
    await expect(writeImportedPapers(db, broken, { set: SET })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('removeImportSet', () => {
  it('removes the set as a unit, never a note, and the note is back on the paper when it returns', async () => {
    const mine = paper({ title: 'A Paper Only In My Library', arxivId: '2306.00001' });
    await writeImportedPapers(db, [mine, paper({ title: second.title })], { set: SET });
    await writeImportedPapers(db, [paper({ title: 'Also In Another File' })], { set: { ...SET, id: 'b.bib', name: 'b.bib' } });
    await saveNote(db, { paperId: mine.id, text: 'my careful notes', status: 'read' });
    await saveNote(db, { paperId: second.id, text: 'on a catalog paper' });

    expect(await removeImportSet(db, SET.id)).toEqual({ deleted: 1 });
    expect(await db.papers.get(mine.id)).toBeUndefined();
    // The catalog paper goes back to being a catalog paper, the other set is untouched.
    expect(await db.papers.get(second.id)).toMatchObject({ source: 'catalog' });
    expect((await db.papers.get(second.id))?.sets).toBeUndefined();
    expect((await loadImportSets(db)).map((s) => s.id)).toEqual(['b.bib']);
    expect(await db.notes.get(mine.id)).toMatchObject({ text: 'my careful notes', titleSnapshot: mine.title });
    expect((await db.notes.get(second.id))?.text).toBe('on a catalog paper');

    await writeImportedPapers(db, [mine], { set: SET });
    expect(await db.papers.get(mine.id)).toBeDefined();
    expect((await db.notes.get(mine.id))?.text).toBe('my careful notes');
  });

  it('keeps a paper that a save or a visit also holds', async () => {
    const visited = paper({ title: 'Visited And Imported', arxivId: '2307.00001' });
    await recordVisit(db, { url: 'https://arxiv.org/abs/2307.00001', title: visited.title });
    await writeImportedPapers(db, [visited], { set: SET });
    expect((await db.papers.get(visited.id))?.source).toBe('library');
    await removeImportSet(db, SET.id);
    expect((await db.papers.get(visited.id))?.source).toBe('visit');
  });
});
