import './note-editor.css';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/errors';
import type { Note, NoteInput, NoteStore } from '@/lib/notes/model';
import { READING_STATUS, type ReadingStatus } from '@/lib/notes/reading-status';
import { describeStorageError } from '@/lib/notes/storage-errors';
import { TagInput } from './TagInput';

/**
 * The Markdown renderer (react-markdown and its parser, about 48 kB gzipped) loads when a note is
 * first shown rendered: most cards are of papers without a note, and the popup opens on search.
 */
const Markdown = lazy(() => import('./Markdown').then((m) => ({ default: m.Markdown })));

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
   * Where the note is read and saved: each page backs this with what it may use (see
   * NoteStore). Saves go through the background, so a save started while the popup or card is
   * closing is finished by the background, not lost with the page.
   */
  notes: NoteStore;
  /** Focus the text area on mount (the card does, the popup's paper view does not). */
  autoFocus?: boolean;
  /**
   * Show a written note rendered, with an Edit button, rather than its Markdown source (the card,
   * where it is read far more often than written). An empty note opens for writing.
   */
  readFirst?: boolean;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * The notes editor shared by the popup, the options page and the hover card. Follows the stored
 * note (so an edit elsewhere shows up here), autosaves while typing, flushes on blur and when
 * the page is hidden, and never overwrites a newer note written elsewhere: it shows the
 * conflict and lets the user choose.
 */
export function NoteEditor({ paperId, notes, autoFocus, readFirst = false }: NoteEditorProps) {
  // A new object per update, and "no note yet" ({ note: undefined }) differs from "still loading".
  const [followed, setFollowed] = useState<{ paperId: string; note: Note | undefined } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  useEffect(
    () =>
      notes.subscribe(
        paperId,
        (note) => setFollowed({ paperId, note }),
        (error) => setReadError(`Your note could not be read: ${errorMessage(error)}`),
      ),
    [notes, paperId],
  );
  const live = followed?.paperId === paperId ? followed : undefined;
  const stored = live?.note;
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Note | null>(null);
  const [preview, setPreview] = useState(false);
  const [knownTags, setKnownTags] = useState<string[]>([]);
  /** The paper whose note was first shown here: only its first showing opens rendered. */
  const shownFirst = useRef<string | null>(null);
  const text = useRef<HTMLTextAreaElement | null>(null);
  /** Set when Edit is chosen, so the text area takes the keyboard once it is there. */
  const focusText = useRef(false);
  const base = useRef<number | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The user's tags, for suggestions; read again when this note's tags change.
  const tagKey = stored?.tags.join('\n');
  useEffect(() => {
    let cancelled = false;
    notes
      .tags?.()
      .then((tags) => !cancelled && setKnownTags(tags))
      // Only suggestions are lost; adding tags by hand still works.
      .catch((error: unknown) => console.warn('PaperLens: tag suggestions unavailable', error));
    return () => {
      cancelled = true;
    };
  }, [notes, tagKey]);

  // Follow edits made elsewhere while nothing is typed here.
  useEffect(() => {
    if (pending.current === null) {
      setDraft(stored?.text ?? '');
      base.current = stored?.updatedAt ?? null;
    }
  }, [stored, live]);

  // A written note first shows rendered where the page asks for it.
  useEffect(() => {
    if (!live || shownFirst.current === paperId) return;
    shownFirst.current = paperId;
    setPreview(readFirst && Boolean(live.note?.text.trim()));
  }, [live, paperId, readFirst]);

  useEffect(() => {
    if (!preview && focusText.current) {
      focusText.current = false;
      text.current?.focus();
    }
  }, [preview]);

  const togglePreview = () => {
    flush();
    if (preview) focusText.current = true;
    setPreview(!preview);
  };

  const apply = useCallback(
    async (input: Omit<NoteInput, 'paperId'>) => {
      setState({ kind: 'saving' });
      try {
        const result = await notes.save({ paperId, baseUpdatedAt: base.current, ...input });
        if (result.ok) {
          base.current = result.note.updatedAt;
          if (pending.current === null) notes.draft?.(paperId, null);
          setState({ kind: 'saved' });
        } else {
          setConflict(result.conflict);
          setState({ kind: 'error', message: 'This note was changed in another window.' });
        }
      } catch (error) {
        setState({ kind: 'error', message: describeStorageError(error) });
      }
    },
    [paperId, notes],
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
    notes.draft?.(paperId, { paperId, baseUpdatedAt: base.current, text });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_MS);
  };

  const resolveConflict = (keepMine: boolean) => {
    if (!conflict) return;
    base.current = conflict.updatedAt;
    setConflict(null);
    if (keepMine) void apply({ text: draft ?? '' });
    else {
      // Text typed since the conflict showed is dropped too: its autosave would overwrite the chosen note.
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
      notes.discard?.(paperId);
      setDraft(conflict.text);
      setState({ kind: 'idle' });
    }
  };

  if (readError) {
    return (
      <div className="pl-note" role="alert">
        {readError}
      </div>
    );
  }
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
        <button type="button" className="pl-note__preview" onClick={togglePreview}>
          {preview ? 'Edit' : 'Preview'}
        </button>
        <span className="pl-note__state" role="status" aria-live="polite">
          {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : state.kind === 'error' ? state.message : ''}
        </span>
      </div>
      {preview ? (
        // Double-clicking the text, or Enter on it, edits it too.
        <div
          className="pl-note__preview-body"
          role="group"
          aria-label="Note preview"
          tabIndex={0}
          onDoubleClick={togglePreview}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.target === e.currentTarget) {
              e.preventDefault();
              togglePreview();
            }
          }}
        >
          {draft.trim() ? (
            <Suspense fallback={<p className="pl-md pl-md--loading" dir="auto">{draft}</p>}>
              <Markdown text={draft} />
            </Suspense>
          ) : (
            <p className="pl-note__empty">Nothing written yet.</p>
          )}
        </div>
      ) : (
        <textarea
          ref={text}
          className="pl-note__text"
          aria-label="Your note"
          placeholder="Your note (Markdown)…"
          dir="auto"
          value={draft}
          autoFocus={autoFocus}
          onChange={(e) => onChange(e.target.value)}
          onBlur={flush}
        />
      )}
      <TagInput tags={stored?.tags ?? []} known={knownTags} onChange={(tags) => void apply({ tags })} />
      {conflict && (
        <div className="pl-note__conflict" role="alert">
          <p>Newer text from another window:</p>
          <blockquote dir="auto">{conflict.text}</blockquote>
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
