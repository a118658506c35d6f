import { liveQuery } from 'dexie';
import type { Note, NoteInput, NoteSaveResult } from '../notes/model';
import { bumpRevision, getRevision } from './revisions';
import type { PaperLensDB } from './schema';

/**
 * Saves a note change in one transaction. Refuses (returns the stored note as a conflict) when
 * the editor started from an older version and the stored text has changed since, so two
 * editors on one note never silently overwrite each other. `now` is injectable for tests.
 */
export async function saveNote(db: PaperLensDB, input: NoteInput, now = Date.now()): Promise<NoteSaveResult> {
  return db.transaction('rw', db.notes, db.papers, db.settings, async () => {
    const stored = await db.notes.get(input.paperId);
    if (
      stored &&
      input.baseUpdatedAt !== undefined &&
      (input.baseUpdatedAt ?? 0) < stored.updatedAt &&
      input.text !== undefined &&
      input.text !== stored.text
    ) {
      return { ok: false, conflict: stored };
    }
    const paper = await db.papers.get(input.paperId);
    const note: Note = {
      paperId: input.paperId,
      text: input.text ?? stored?.text ?? '',
      tags: input.tags ?? stored?.tags ?? [],
      status: input.status ?? stored?.status ?? 'none',
      starred: input.starred ?? stored?.starred ?? false,
      titleSnapshot: paper?.title ?? stored?.titleSnapshot ?? '',
      createdAt: stored?.createdAt ?? now,
      updatedAt: Math.max(now, (stored?.updatedAt ?? 0) + 1),
    };
    if (!stored && !paper) {
      throw new Error(`No paper with id ${input.paperId}; a note needs a paper to belong to.`);
    }
    await db.notes.put(note);
    await bumpRevision(db, 'notes');
    return { ok: true, note };
  });
}

/** All notes and the notes revision they are at, read in one transaction. */
export interface NotesSnapshot {
  notes: Note[];
  revision: number;
}

export function readNotes(db: PaperLensDB): Promise<NotesSnapshot> {
  return db.transaction('r', db.notes, db.settings, async () => ({
    notes: await db.notes.toArray(),
    revision: await getRevision(db, 'notes'),
  }));
}

/**
 * The papers the popup lists before anything is typed (after those on the current tab): the
 * starred ones, then the noted ones, most recently changed first, `limit` of each at most.
 * Walks the notes from the newest and stops once it has enough, so 10,000 notes are not read.
 */
export async function browseOrder(db: PaperLensDB, limit: number): Promise<string[]> {
  const newest = () => db.notes.orderBy('updatedAt').reverse();
  const [starred, noted] = await db.transaction('r', db.notes, () =>
    Promise.all([
      newest().filter((n) => n.starred).limit(limit).primaryKeys(),
      newest().filter((n) => n.text.trim() !== '' || n.tags.length > 0).limit(limit).primaryKeys(),
    ]),
  );
  return [...starred, ...noted];
}

/**
 * Every tag on the user's notes, most used first (ties alphabetical): what the tag field
 * suggests from. Reads the tags index only, not the notes.
 */
export async function allTags(db: PaperLensDB): Promise<string[]> {
  const uses = new Map<string, number>();
  await db.notes.orderBy('tags').eachKey((tag) => {
    if (typeof tag === 'string') uses.set(tag, (uses.get(tag) ?? 0) + 1);
  });
  return [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : 1));
}

/**
 * Follows one note live (an edit in any window shows up here): `onNote` gets it now and after
 * every change, undefined while there is none. Returns the function that stops following.
 */
export function watchNote(
  db: PaperLensDB,
  paperId: string,
  onNote: (note: Note | undefined) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(() => db.notes.get(paperId)).subscribe({ next: onNote, error: onError });
  return () => subscription.unsubscribe();
}
