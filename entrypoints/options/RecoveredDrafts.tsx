import type { RecoveredDraft } from '@/lib/notes/pending-saves';

export interface RecoveredDraftsProps {
  drafts: RecoveredDraft[];
  /** Saves the recovered text over the newer note. */
  keep: (draft: RecoveredDraft) => void;
  /** Keeps the newer note and forgets the recovered text. */
  discard: (draft: RecoveredDraft) => void;
}

/**
 * Text typed in a page that closed before its save arrived, which now meets a newer note
 * written elsewhere: shown side by side so nothing is overwritten or dropped without the user.
 */
export function RecoveredDrafts({ drafts, keep, discard }: RecoveredDraftsProps) {
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="recovered-heading" className="danger" data-testid="recovered-drafts">
      <h2 id="recovered-heading">Recovered unsaved text</h2>
      <p>These notes were typed in a window that closed before they were saved, and were changed elsewhere since.</p>
      <ul className="library">
        {drafts.map((draft) => (
          <li key={draft.input.paperId} className="entry">
            <strong>{draft.stored.titleSnapshot || draft.input.paperId}</strong>
            <p>Recovered text:</p>
            <blockquote>{draft.input.text}</blockquote>
            <p>Current note:</p>
            <blockquote>{draft.stored.text}</blockquote>
            <div className="row">
              <button type="button" onClick={() => keep(draft)}>
                Keep the recovered text
              </button>
              <button type="button" onClick={() => discard(draft)}>
                Keep the current note
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
