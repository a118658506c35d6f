import { describePaper } from '../catalog/build';
import type { StoredPaper } from '../catalog/types';
import type { LibraryEntry, SavePaperInput, SavePaperResult } from '../notes/model';
import { survivesDeleteAll } from '../settings';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

/**
 * Adds a paper from a page to the user's library, described by the catalog's own summarizer and
 * under the catalog's id scheme, so a later catalog copy of the same title merges with it.
 * An already known paper (catalog or user) is left as it is. One transaction with the papers
 * revision bump, so the title index of every context picks the paper up.
 */
export async function saveUserPaper(db: PaperLensDB, input: SavePaperInput, now = Date.now()): Promise<SavePaperResult> {
  const described = describePaper(input.title, input.abstract);
  return db.transaction('rw', db.papers, db.settings, async () => {
    if (await db.papers.get(described.id)) return { id: described.id, created: false };
    const paper: StoredPaper = { ...described, source: 'user', savedAt: now, url: input.url };
    if (input.arxivId !== undefined) paper.arxivId = input.arxivId;
    if (input.arxivClass !== undefined) paper.arxivClass = input.arxivClass;
    if (input.authors?.length) paper.authors = input.authors;
    if (input.year !== undefined) paper.year = input.year;
    await db.papers.add(paper);
    await bumpRevision(db, 'papers');
    return { id: paper.id, created: true };
  });
}

/** Every noted or saved paper, most recently changed first. */
export async function loadLibrary(db: PaperLensDB): Promise<LibraryEntry[]> {
  return db.transaction('r', db.papers, db.notes, async () => {
    const notes = await db.notes.toArray();
    const userPapers = await db.papers.where('source').equals('user').toArray();
    const noted = await db.papers.bulkGet(notes.map((n) => n.paperId));
    const entries = new Map<string, LibraryEntry>();
    notes.forEach((note, i) => {
      const paper = noted[i] ?? null;
      entries.set(note.paperId, {
        paperId: note.paperId,
        title: paper?.title ?? note.titleSnapshot,
        paper,
        note,
        orphan: paper === null,
      });
    });
    for (const paper of userPapers) {
      if (!entries.has(paper.id)) {
        entries.set(paper.id, { paperId: paper.id, title: paper.title, paper, note: null, orphan: false });
      }
    }
    const changed = (e: LibraryEntry) => Math.max(e.note?.updatedAt ?? 0, e.paper?.savedAt ?? 0);
    return [...entries.values()].sort((a, b) => changed(b) - changed(a) || a.title.localeCompare(b.title));
  });
}

/** Counts for the options page's "Your data" section. */
export interface LibraryCounts {
  notes: number;
  userPapers: number;
  orphans: number;
}

export async function countLibrary(db: PaperLensDB): Promise<LibraryCounts> {
  const entries = await loadLibrary(db);
  return {
    notes: entries.filter((e) => e.note).length,
    userPapers: entries.filter((e) => e.paper?.source === 'user').length,
    orphans: entries.filter((e) => e.orphan).length,
  };
}

/** The papers the user saved from pages, for the BibTeX export. */
export function loadUserPapers(db: PaperLensDB): Promise<StoredPaper[]> {
  return db.papers.where('source').equals('user').toArray();
}

/**
 * "Delete all my data": notes, user-saved papers and the user's settings, in one transaction;
 * the catalog rows and its version stay, and both revisions move so caches drop what was deleted.
 */
export async function deleteAllData(db: PaperLensDB): Promise<void> {
  await db.transaction('rw', db.notes, db.papers, db.settings, async () => {
    await db.notes.clear();
    await db.papers.where('source').equals('user').delete();
    const keys = (await db.settings.toCollection().primaryKeys()) as string[];
    await db.settings.bulkDelete(keys.filter((k) => !survivesDeleteAll(k)));
    await bumpRevision(db, 'notes');
    await bumpRevision(db, 'papers');
  });
}
