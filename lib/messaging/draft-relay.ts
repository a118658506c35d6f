import { hash64 } from '../catalog/hash';
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
 * connected card's latest draft and saves it when the card's frame goes away unsaved. A draft
 * that meets a newer note written elsewhere is appended below it rather than dropped: the
 * user's text is never lost.
 *
 * A newer note may also be the card's own autosave, sent just before the last keystrokes and
 * landing after the draft was streamed (or after the tab closed); that is no conflict. The relay
 * knows it by its text, one the card streamed itself (kept as hashes, not copies), and saves
 * the draft over it.
 */
export function relayDrafts(port: DraftPort, save: (input: NoteInput) => Promise<NoteSaveResult>): void {
  const drafts = new Map<string, NoteInput>();
  const streamed = new Map<string, Set<string>>();
  port.onMessage.addListener((message) => {
    try {
      const { paperId, draft } = (message ?? {}) as Partial<DraftMessage>;
      if (draft == null) drafts.delete(String(paperId));
      else {
        const input = expectNoteInput(draft);
        drafts.set(input.paperId, input);
        if (input.text !== undefined) {
          const texts = streamed.get(input.paperId) ?? new Set();
          streamed.set(input.paperId, texts.add(hash64(input.text)));
        }
      }
    } catch (error) {
      console.warn(`PaperLens: ignored a malformed note draft (${errorMessage(error)})`);
    }
  });
  port.onDisconnect.addListener(() => {
    const unsaved = [...drafts.values()];
    drafts.clear();
    for (const input of unsaved) {
      const ownTexts = streamed.get(input.paperId) ?? new Set<string>();
      commit(input, ownTexts, save).catch((error: unknown) =>
        console.error(`PaperLens: saving a closed card's draft failed (${errorMessage(error)})`),
      );
    }
  });
}

async function commit(
  input: NoteInput,
  ownTexts: ReadonlySet<string>,
  save: (input: NoteInput) => Promise<NoteSaveResult>,
): Promise<void> {
  const result = await save(input);
  if (result.ok || input.text === undefined) return;
  const { conflict } = result;
  const text = ownTexts.has(hash64(conflict.text)) ? input.text : `${conflict.text}${CONFLICT_MARKER}${input.text}`;
  await save({ paperId: input.paperId, text, baseUpdatedAt: conflict.updatedAt });
}
