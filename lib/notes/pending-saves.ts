import type { Note, NoteInput, NoteSaveResult } from './model';

/**
 * A write-ahead journal for note saves from extension pages. A page that closes right after a
 * flush sends its last save as a message; when the service worker was stopped, Chrome drops
 * that message with the closing page (measured in e2e/notes.spec.ts). Writing the save to
 * localStorage first, synchronously, and replaying what never got an answer the next time an
 * extension page opens means the text survives. localStorage is per extension origin, so page
 * scripts cannot read it.
 */
export const JOURNAL_KEY = 'paperlens:pending-note-saves';

/** The part of `Storage` the journal uses, so tests pass a Map-backed fake. */
// (Parameters are not named `storage`: WXT then bundles its storage API, 15 kB, into every page that imports this.)
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem'>;

type Journal = Record<string, NoteInput>;

function read(journalStore: JournalStorage): Journal {
  try {
    const value: unknown = JSON.parse(journalStore.getItem(JOURNAL_KEY) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Journal) : {};
  } catch {
    return {};
  }
}

function write(journalStore: JournalStorage, journal: Journal): void {
  try {
    journalStore.setItem(JOURNAL_KEY, JSON.stringify(journal));
  } catch (error) {
    // The journal is a second line of defence; the save itself still goes ahead and reports its own errors.
    console.warn('PaperLens: could not journal a note save', error);
  }
}

/** Records a save before it is sent; fields of an earlier unanswered save of the same note are kept. */
export function journalSave(journalStore: JournalStorage, input: NoteInput): void {
  const journal = read(journalStore);
  journal[input.paperId] = { ...journal[input.paperId], ...input };
  write(journalStore, journal);
}

/** Drops a save once the background answered, unless a newer save of that note was journaled since. */
export function settleSave(journalStore: JournalStorage, input: NoteInput): void {
  const journal = read(journalStore);
  const entry = journal[input.paperId];
  if (!entry) return;
  const covered = (Object.keys(entry) as (keyof NoteInput)[]).every(
    (k) => k === 'baseUpdatedAt' || JSON.stringify(entry[k]) === JSON.stringify(input[k]),
  );
  if (covered) {
    delete journal[input.paperId];
    write(journalStore, journal);
  }
}

/**
 * Wraps a note save so it is journaled before it is sent and settled once answered: the save
 * every extension page's editor uses. A conflict stays journaled until the user resolves it.
 */
export function journaledSave(
  journalStore: JournalStorage,
  send: (input: NoteInput) => Promise<NoteSaveResult>,
): (input: NoteInput) => Promise<NoteSaveResult> {
  return async (input) => {
    journalSave(journalStore, input);
    const result = await send(input);
    if (result.ok) settleSave(journalStore, input);
    return result;
  };
}

/** A journaled save that, replayed, met a newer note written elsewhere: the user chooses. */
export interface RecoveredDraft {
  input: NoteInput;
  stored: Note;
}

/**
 * Sends every journaled save again (with its original base, so a newer note written elsewhere
 * is not overwritten) and returns the ones that conflicted; they stay in the journal until the
 * user resolves them with `settleSave`. A save that fails again stays for the next replay.
 */
export async function replayPendingSaves(
  journalStore: JournalStorage,
  save: (input: NoteInput) => Promise<NoteSaveResult>,
): Promise<RecoveredDraft[]> {
  const conflicts: RecoveredDraft[] = [];
  for (const input of Object.values(read(journalStore))) {
    let result: NoteSaveResult;
    try {
      result = await save(input);
    } catch (error) {
      console.warn('PaperLens: replaying a note save failed; it stays journaled', error);
      continue;
    }
    if (result.ok) settleSave(journalStore, input);
    else conflicts.push({ input, stored: result.conflict });
  }
  return conflicts;
}

/** Forgets the journaled save of one note: the user chose the stored note over it. */
export function forgetSave(journalStore: JournalStorage, paperId: string): void {
  const journal = read(journalStore);
  if (!(paperId in journal)) return;
  delete journal[paperId];
  write(journalStore, journal);
}

/** Forgets every journaled save ("delete all my data" must not bring notes back on the next replay). */
export function clearJournal(journalStore: JournalStorage): void {
  write(journalStore, {});
}
