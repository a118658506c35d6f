import { opfsIndexFile } from './page-index-file';
import { opfsWakeStateFile } from './wake-state';
import { describePaper } from '../catalog/build';
import type { StoredPaper } from '../catalog/types';
import type { LibraryEntry, SavePaperInput, SavePaperResult } from '../notes/model';
import { parseArxivId } from '../library/identity';
import { mergePapers } from '../library/merge';
import { survivesDeleteAll } from '../settings';
import { distinctId, findPaper, withKeys } from './identity';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

/**
 * Adds a paper from a page to the user's saved papers. A paper PaperLens knows already (by
 * arXiv id or title: catalog, import, visit) becomes saved on its own record, so it keeps its id
 * and note; a new one is described by the catalog's own summarizer under the catalog's id
 * scheme. One transaction with the papers revision bump, so the title index of every context
 * picks the paper up. `created` is false when the paper was saved already.
 */
export async function saveUserPaper(db: PaperLensDB, input: SavePaperInput, now = Date.now()): Promise<SavePaperResult> {
  return db.transaction('rw', [db.papers, db.learnedIds, db.settings], async () => {
    const known = await findPaper(db, input);
    if (known?.source === 'user') return { id: known.id, created: false };
    let paper: StoredPaper;
    if (known) {
      paper = mergePapers(known, { ...input, authors: input.authors ?? [] });
      if (known.source === 'catalog') paper.inCatalog = true;
      if (input.arxivClass !== undefined) paper.arxivClass ??= input.arxivClass;
    } else {
      const described = describePaper(input.title, input.abstract);
      // A row under this title's id that findPaper passed over is another paper (another arXiv id).
      const clash = (await db.papers.get(described.id)) !== undefined;
      paper = { ...described, id: distinctId(input, () => clash), url: input.url, source: 'user' };
      if (input.arxivId !== undefined) paper.arxivId = parseArxivId(input.arxivId) ?? input.arxivId;
      if (input.arxivClass !== undefined) paper.arxivClass = input.arxivClass;
      if (input.authors?.length) paper.authors = input.authors;
      if (input.year !== undefined) paper.year = input.year;
    }
    paper.source = 'user';
    paper.savedAt = now;
    await db.papers.put(withKeys(paper));
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
 * "Delete all my data": notes, saved, imported and visited papers, import sets, the reading
 * history, learned ids and the user's settings, in one transaction; the catalog rows and its
 * version stay (a user's row of a catalog paper goes back to being a plain catalog row), and
 * both revisions move so caches drop what was deleted.
 */
export async function deleteAllData(db: PaperLensDB): Promise<void> {
  await db.transaction('rw', [db.notes, db.papers, db.settings, db.sets, db.history, db.learnedIds], async () => {
    await db.notes.clear();
    await db.sets.clear();
    await db.history.clear();
    await db.learnedIds.clear();
    const userRows = await db.papers.where('source').noneOf(['catalog']).toArray();
    await db.papers.bulkDelete(userRows.filter((r) => !r.inCatalog).map((r) => r.id));
    const back = userRows.filter((r) => r.inCatalog).map(({ savedAt: _, sets: __, inCatalog: ___, ...row }): StoredPaper => ({ ...row, source: 'catalog' }));
    await db.papers.bulkPut(back);
    const keys = (await db.settings.toCollection().primaryKeys()) as string[];
    await db.settings.bulkDelete(keys.filter((k) => !survivesDeleteAll(k)));
    await bumpRevision(db, 'notes');
    await bumpRevision(db, 'papers');
  });
  // The match index's copy in a file holds the user's titles too (never believed once its token
  // went), and the wake state which papers they noted (never believed once its stamp went).
  await Promise.all(
    [opfsIndexFile(), opfsWakeStateFile()].map((file) =>
      file.remove().catch((error: unknown) => console.error('PaperLens: removing a cache file failed', error)),
    ),
  );
}
