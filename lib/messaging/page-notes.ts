import { allTags, watchNote } from '../db/notes';
import type { PaperLensDB } from '../db/schema';
import type { NoteStore } from '../notes/model';
import { forgetSave, journaledSave, type JournalStorage } from '../notes/pending-saves';
import { toBackground } from './to-background';

/**
 * Notes as extension pages (popup, options) edit them: read live from Dexie, which is their own
 * origin's, and saved through the background, which finishes a save even if the page closes
 * mid-way. Saves are journaled first: when the service worker was asleep, Chrome drops the last
 * message of a closing page, and the journal replays it on the next opening.
 */
export function pageNotes(db: PaperLensDB, journal: JournalStorage): NoteStore {
  return {
    subscribe: (paperId, onNote, onError) => watchNote(db, paperId, onNote, onError),
    save: journaledSave(journal, (input) => toBackground.sendMessage('saveNote', input)),
    tags: () => allTags(db),
    discard: (paperId) => forgetSave(journal, paperId),
  };
}
