import type { StoredPaper } from '../catalog/types';
import type { PaperWithNote } from '../notes/model';
import { paperState } from '../notes/paper-state';
import type { PaperLensDB } from './schema';

/** Every paper, catalog and user-saved, for building the title index. */
export function loadPapers(db: PaperLensDB): Promise<StoredPaper[]> {
  return db.papers.toArray();
}

export function countPapers(db: PaperLensDB): Promise<number> {
  return db.papers.count();
}

export function getPaper(db: PaperLensDB, id: string): Promise<StoredPaper | undefined> {
  return db.papers.get(id);
}

/** A paper with the user's note on it and its state, read together; null for an unknown id. */
export function getPaperWithNote(db: PaperLensDB, id: string): Promise<PaperWithNote | null> {
  return db.transaction('r', [db.papers, db.notes, db.history], async () => {
    const paper = await db.papers.get(id);
    if (!paper) return null;
    const [note, visit] = await Promise.all([db.notes.get(id), db.history.get(id)]);
    return { paper, note: note ?? null, state: paperState({ paper, note, visitedAt: visit?.visitedAt }) };
  });
}
