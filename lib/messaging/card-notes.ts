import type { Note, NoteInput, NoteSaveResult, NoteStore, PaperWithNote } from '../notes/model';
import type { DraftMessage } from './card';

/** The background requests the card's notes go through (CardRequests in ./card.ts). */
export interface CardBackground {
  getPaper(id: string): Promise<PaperWithNote | null>;
  saveNote(input: NoteInput): Promise<NoteSaveResult>;
}

/** The hover card's notes, plus `load`: the paper and its note, which the card shows first. */
export interface CardNotes extends NoteStore {
  load(paperId: string): Promise<PaperWithNote | null>;
}

/**
 * Notes as the hover card edits them. The card is a frame inside a web page, where a browser
 * blocking third-party storage denies it IndexedDB, so it reads and saves through background
 * messages; it knows of a change when it loads the paper again (each time it is shown) or when
 * its own save lands. `draft` streams the unsaved draft (see {@link streamDrafts}).
 */
export function cardNotes(background: CardBackground, draft: (paperId: string, draft: NoteInput | null) => void): CardNotes {
  const known = new Map<string, Note | undefined>();
  const listeners = new Map<string, Set<(note: Note | undefined) => void>>();
  const publish = (paperId: string, note: Note | undefined) => {
    known.set(paperId, note);
    for (const listener of listeners.get(paperId) ?? []) listener(note);
  };
  return {
    async load(paperId) {
      const data = await background.getPaper(paperId);
      if (data) publish(data.paper.id, data.note ?? undefined);
      return data;
    },
    subscribe(paperId, onNote) {
      const set = listeners.get(paperId) ?? new Set();
      listeners.set(paperId, set);
      set.add(onNote);
      if (known.has(paperId)) onNote(known.get(paperId));
      return () => set.delete(onNote);
    },
    async save(input) {
      const result = await background.saveNote(input);
      if (result.ok) publish(result.note.paperId, result.note);
      return result;
    },
    draft,
    // The background holds the card's unsaved draft to save it if the tab closes: drop it.
    discard: (paperId) => draft(paperId, null),
  };
}

/** The part of a runtime port the card posts drafts over, so tests pass a fake. */
export interface DraftSender {
  postMessage(message: DraftMessage): void;
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * The card side of the draft port (DRAFT_PORT in ./card.ts): sends each note's whole unsaved
 * draft, and null once it is saved. The port is opened on the first draft (waking the worker)
 * and opened again, with every draft still unsaved, if the worker stopped meanwhile.
 */
export function streamDrafts(connect: () => DraftSender): (paperId: string, draft: NoteInput | null) => void {
  let port: DraftSender | null = null;
  const unsaved = new Map<string, NoteInput>();
  const send = (paperId: string, draft: NoteInput | null): void => {
    if (draft === null) unsaved.delete(paperId);
    else unsaved.set(paperId, draft);
    if (!port) {
      if (draft === null) return;
      const opened = connect();
      opened.onDisconnect.addListener(() => {
        port = null;
        for (const [id, pending] of unsaved) send(id, pending);
      });
      port = opened;
    }
    port.postMessage({ paperId, draft });
  };
  return send;
}
