import { errorMessage } from '../errors';
import type { NoteInput, NoteSaveResult } from '../notes/model';
import type { DraftMessage } from './card';
import { expectNoteInput } from './validate';

/** The part of a runtime port the relay uses, so tests pass a fake. */
export interface DraftPort {
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Marks text a closing card could not merge with a newer note written elsewhere. */
export const CONFLICT_MARKER = '\n\n---\n*Unsaved text from the hover card, kept because the note had changed elsewhere:*\n\n';

/**
 * Background side of the card's draft port (DRAFT_PORT in ./card.ts): the background holds each
 * connected card's latest draft and saves it when the card's frame goes away unsaved. Remembers the port's latest draft and, when the port
 * disconnects with a draft still unsaved, saves it. A draft that meets a newer note written
 * elsewhere is appended below it rather than dropped: the user's text is never lost.
 */
export function relayDrafts(port: DraftPort, save: (input: NoteInput) => Promise<NoteSaveResult>): void {
  const drafts = new Map<string, NoteInput>();
  port.onMessage.addListener((message) => {
    try {
      const { paperId, draft } = (message ?? {}) as Partial<DraftMessage>;
      if (draft == null) drafts.delete(String(paperId));
      else {
        const input = expectNoteInput(draft);
        drafts.set(input.paperId, input);
      }
    } catch (error) {
      console.warn(`PaperLens: ignored a malformed note draft (${errorMessage(error)})`);
    }
  });
  port.onDisconnect.addListener(() => {
    const unsaved = [...drafts.values()];
    drafts.clear();
    for (const input of unsaved) {
      commit(input, save).catch((error: unknown) =>
        console.error(`PaperLens: saving a closed card's draft failed (${errorMessage(error)})`),
      );
    }
  });
}

async function commit(input: NoteInput, save: (input: NoteInput) => Promise<NoteSaveResult>): Promise<void> {
  const result = await save(input);
  if (result.ok || input.text === undefined) return;
  const merged = `${result.conflict.text}${CONFLICT_MARKER}${input.text}`;
  await save({ paperId: input.paperId, text: merged, baseUpdatedAt: result.conflict.updatedAt });
}
