import { useEffect, useState } from 'react';
import { visitedWhen } from '@/components/RecentlyRead';
import type { Note, NoteStore } from '@/lib/notes/model';
import { paperState, type PaperState } from '@/lib/notes/paper-state';

const STATUS_WORDS: Record<NonNullable<PaperState['status']>, string> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
};

/** The state in words, for the line and for tests: what the marks on the page show in colour. */
export function stateParts(state: PaperState, now = Date.now()): { key: string; text: string }[] {
  const parts = [state.inLibrary ? { key: 'library', text: 'In your library' } : { key: 'catalog', text: 'In the PaperLens catalog' }];
  if (state.status) parts.push({ key: state.status, text: STATUS_WORDS[state.status] });
  if (state.starred) parts.push({ key: 'starred', text: '★ Starred' });
  if (state.hasNote) parts.push({ key: 'note', text: 'Has a note' });
  if (state.visitedAt !== null) parts.push({ key: 'visited', text: `Opened ${visitedWhen(state.visitedAt, now)}` });
  return parts;
}

/**
 * The paper's state at a glance, under the card's title: in the library or the catalog only,
 * the reading status, the star, a note, the last visit. Note-made parts follow the note as the
 * user edits it in this card (the same store the editor saves through).
 */
export function PaperStateLine({ paperId, state, notes }: { paperId: string; state: PaperState; notes: NoteStore }) {
  const [note, setNote] = useState<Note | null | undefined>(undefined);
  useEffect(() => notes.subscribe(paperId, (n) => setNote(n ?? null), () => setNote(undefined)), [notes, paperId]);
  // Until the store answers, the state the card was opened with.
  const shown = note === undefined ? state : { ...paperState({ note }), inLibrary: state.inLibrary, visitedAt: state.visitedAt };
  return (
    <ul className="card__state" aria-label="Your paper" data-testid="card-state">
      {stateParts(shown).map((p) => (
        <li key={p.key} className={`card__state-${p.key}`}>
          {p.text}
        </li>
      ))}
    </ul>
  );
}
