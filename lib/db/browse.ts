import type { StoredPaper } from '../catalog/types';
import type { Note } from '../notes/model';
import { browseOrder } from './notes';
import type { PaperLensDB } from './schema';

/** A paper the popup lists before anything is typed, with the user's note on it. */
export interface BrowsedPaper {
  paper: StoredPaper;
  note: Note | undefined;
}

/**
 * What the popup lists before anything is typed, read straight from the database (no search
 * index needed): the papers `first` names (those on the current tab), then starred, then
 * recently noted ones, each once, at most `limit`. Ids the database does not hold are skipped.
 */
export async function browsePapers(db: PaperLensDB, first: readonly string[], limit: number): Promise<BrowsedPaper[]> {
  const ids = [...new Set([...first, ...(await browseOrder(db, limit))])];
  const out: BrowsedPaper[] = [];
  // A page may name thousands of papers: read them a screenful at a time until the list is full.
  for (let i = 0; i < ids.length && out.length < limit; i += limit) {
    const chunk = ids.slice(i, i + limit);
    const [papers, notes] = await db.transaction('r', db.papers, db.notes, () =>
      Promise.all([db.papers.bulkGet(chunk), db.notes.bulkGet(chunk)]),
    );
    papers.forEach((paper, j) => {
      if (paper && out.length < limit) out.push({ paper, note: notes[j] });
    });
  }
  return out;
}
