import type { CachedRow, RowStamp } from '../search/row-cache';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';

/** Result rows' papers and notes, with the revisions they were read at. */
export interface ResultRowsRead {
  stamp: RowStamp;
  /** In the order of the ids asked for. */
  rows: CachedRow[];
}

/**
 * The papers and notes of these ids and the papers and notes revisions, in one read
 * transaction: the stamp is exactly what the rows were read at (a save moves its revision in
 * its own transaction), so a row cache can tell them from rows read before a later save.
 */
export function readResultRows(db: PaperLensDB, ids: readonly string[]): Promise<ResultRowsRead> {
  return db.transaction('r', [db.papers, db.notes, db.settings], async () => {
    const [papers, notes, papersRevision, notesRevision] = await Promise.all([
      db.papers.bulkGet([...ids]),
      db.notes.bulkGet([...ids]),
      getRevision(db, 'papers'),
      getRevision(db, 'notes'),
    ]);
    return { stamp: { papers: papersRevision, notes: notesRevision }, rows: ids.map((_, i) => ({ paper: papers[i], note: notes[i] })) };
  });
}

