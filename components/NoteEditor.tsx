import './note-editor.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb } from '@/lib/db/schema';
import { READING_STATUS, type Note, type NoteInput, type NoteSaveResult, type ReadingStatus } from '@/lib/notes/model';
import { Markdown } from './Markdown';
import { TagInput } from './TagInput';
import { describeStorageError } from '@/lib/notes/storage-errors';

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_MS = 400;

const STATUS_LABELS: Record<ReadingStatus, string> = {
  none: 'No status',
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
};

export interface NoteEditorProps {
  paperId: string;
  /**
   * Performs the save. Entry points pass a background message, so a save started while the
   * popup or card is closing is finished by the background, not lost with the page.
   */
  save: (input: NoteInput) => Promise<NoteSaveResult>;
  /** Focus the text area on mount (the card does, the popup's paper view does not). */
  autoFocus?: boolean;
  /**
   * The stored note, supplied by a host that cannot open the database itself: the hover card is
   * a frame inside a web page, where a browser blocking third-party storage denies IndexedDB.
   * `{ note: undefined }` means no note yet. Omitted: the editor reads Dexie live.
   */
  current?: { note: Note | undefined };
  /**
   * Told the whole unsaved draft on every change, and null once it is saved: the card streams it
   * to the background, which saves it if the tab closes first (see lib/notes/draft-relay.ts).
   */
  onDraft?: (paperId: string, draft: NoteInput | null) => void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * The notes editor shared by the popup, the options page and the hover card. Reads the note
 * live from Dexie (so an edit elsewhere shows up here), autosaves while typing, flushes on blur
 * and when the page is hidden, and never overwrites a newer note written elsewhere: it shows
 * the conflict and lets the user choose.
 */
export function NoteEditor({ paperId, save, autoFocus, current, onDraft }: NoteEditorProps) {
  // Wrapped so that "no note yet" ({ note: undefined }) differs from "still loading" (undefined).
  const supplied = current !== undefined;
  const queried = useLiveQuery(
    async () => (supplied ? null : { note: await getDb().notes.get(paperId) }),
    [paperId, supplied],
  );
  const live = current ?? queried ?? undefined;
  const stored = live?.note;
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Note | null>(null);
  const [preview, setPreview] = useState(false);
  const base = useRef<number | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Follow edits made elsewhere while nothing is typed here.
  useEffect(() => {
    if (pending.current === null) {
      setDraft(stored?.text ?? '');
      base.current = stored?.updatedAt ?? null;
    }
  }, [stored, live]);

  const apply = useCallback(
    async (input: Omit<NoteInput, 'paperId'>) => {
      setState({ kind: 'saving' });
      try {
        const result = await save({ paperId, baseUpdatedAt: base.current, ...input });
        if (result.ok) {
          base.current = result.note.updatedAt;
          if (pending.current === null) onDraft?.(paperId, null);
          setState({ kind: 'saved' });
        } else {
          setConflict(result.conflict);
          setState({ kind: 'error', message: 'This note was changed in another window.' });
        }
      } catch (error) {
        setState({ kind: 'error', message: describeStorageError(error) });
      }
    },
    [paperId, save, onDraft],
  );

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    void apply({ text });
  }, [apply]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const onChange = (text: string) => {
    setDraft(text);
    pending.current = text;
    onDraft?.(paperId, { paperId, baseUpdatedAt: base.current, text });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_MS);
  };

  const resolveConflict = (keepMine: boolean) => {
    if (!conflict) return;
    base.current = conflict.updatedAt;
    setConflict(null);
    if (keepMine) void apply({ text: draft ?? '' });
    else {
      setDraft(conflict.text);
      setState({ kind: 'idle' });
    }
  };

  if (!live || draft === null) return <div className="pl-note pl-note--loading">Loading note…</div>;

  return (
    <div className="pl-note">
      <div className="pl-note__bar">
        <button
          type="button"
          className="pl-note__star"
          aria-pressed={stored?.starred ?? false}
          title={stored?.starred ? 'Unstar' : 'Star'}
          onClick={() => void apply({ starred: !(stored?.starred ?? false) })}
        >
          {stored?.starred ? '★' : '☆'}
          <span className="pl-visually-hidden">Star</span>
        </button>
        <label className="pl-note__status">
          <span className="pl-visually-hidden">Reading status</span>
          <select
            value={stored?.status ?? 'none'}
            onChange={(e) => void apply({ status: e.target.value as ReadingStatus })}
          >
            {READING_STATUS.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="pl-note__preview"
          aria-pressed={preview}
          onClick={() => {
            flush();
            setPreview(!preview);
          }}
        >
          {preview ? 'Edit' : 'Preview'}
        </button>
        <span className="pl-note__state" role="status" aria-live="polite">
          {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : state.kind === 'error' ? state.message : ''}
        </span>
      </div>
      {preview ? (
        <div className="pl-note__preview-body" aria-label="Note preview">
          {draft.trim() ? <Markdown text={draft} /> : <p className="pl-note__empty">Nothing written yet.</p>}
        </div>
      ) : (
        <textarea
          className="pl-note__text"
          aria-label="Your note"
          placeholder="Your note (Markdown)…"
          value={draft}
          autoFocus={autoFocus}
          onChange={(e) => onChange(e.target.value)}
          onBlur={flush}
        />
      )}
      <TagInput tags={stored?.tags ?? []} onChange={(tags) => void apply({ tags })} />
      {conflict && (
        <div className="pl-note__conflict" role="alert">
          <p>Newer text from another window:</p>
          <blockquote>{conflict.text}</blockquote>
          <button type="button" onClick={() => resolveConflict(true)}>
            Keep mine
          </button>
          <button type="button" onClick={() => resolveConflict(false)}>
            Use the other text
          </button>
        </div>
      )}
    </div>
  );
}
