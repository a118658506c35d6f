import { useCallback, useEffect, useState } from 'react';
import { NoteEditor } from '@/components/NoteEditor';
import type { NoteInput, NoteSaveResult, PaperWithNote } from '@/lib/notes/model';
import { errorMessage } from '@/lib/errors';

export interface PaperCardProps {
  paperId: string;
  /** Changes each time the card is shown, so it reloads what the popup may have changed meanwhile. */
  shown: string;
  /** Reads the paper and note through the background (see NoteEditor's `current`). */
  load: (id: string) => Promise<PaperWithNote | null>;
  save: (input: NoteInput) => Promise<NoteSaveResult>;
  /** Receives the note editor's unsaved draft (see NoteEditor's `onDraft`). */
  onDraft?: (paperId: string, draft: NoteInput | null) => void;
  /** The popup's deep link for a paper (`popup.html?paper=<id>`). */
  popupUrl: (id: string) => string;
}

type Loaded = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: PaperWithNote | null };

/**
 * The hover card: what the paper is about, where its code is, and the user's note. It lives in
 * a frame inside the web page, where the browser may deny it the extension's IndexedDB as
 * third-party storage, so it reads and writes through the background's messages.
 */
export function PaperCard({ paperId, shown, load, save, popupUrl, onDraft }: PaperCardProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    load(paperId).then(
      (data) => live && setLoaded({ kind: 'ready', data }),
      (error: unknown) =>
        live && setLoaded({ kind: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [paperId, shown, load]);

  // Saves land in the card's copy of the note too, so star and status update at once.
  const saveAndKeep = useCallback(
    async (input: NoteInput) => {
      const result = await save(input);
      if (result.ok) {
        setLoaded((prev) =>
          prev.kind === 'ready' && prev.data?.paper.id === result.note.paperId
            ? { kind: 'ready', data: { ...prev.data, note: result.note } }
            : prev,
        );
      }
      return result;
    },
    [save],
  );

  if (loaded.kind === 'loading') return <div className="card card--loading">Loading…</div>;
  if (loaded.kind === 'error') {
    return (
      <div className="card">
        <p className="card__missing" role="alert">
          PaperLens could not load this paper: {loaded.message}
        </p>
      </div>
    );
  }
  const paper = loaded.data?.paper;
  if (!paper) {
    return (
      <div className="card">
        <p className="card__missing">This paper is no longer in your PaperLens catalog.</p>
      </div>
    );
  }
  const code = paper.links.filter((l) => l.kind === 'code');
  return (
    <article className="card" aria-label={paper.title}>
      <header className="card__head">
        <span className="card__brand" aria-hidden="true" />
        <h1 className="card__title">{paper.title}</h1>
      </header>
      <p className="card__tldr" data-testid="card-tldr">
        {paper.tldr}
      </p>
      {paper.keyResult && paper.keyResult !== paper.tldr && <p className="card__key">{paper.keyResult}</p>}
      {code.length > 0 && (
        <ul className="card__code" aria-label="Code">
          {code.map((l) => (
            <li key={l.url}>
              <a href={l.url} target="_blank" rel="noopener noreferrer" data-testid="card-code-link">
                <span aria-hidden="true">⌥ </span>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {paper.topics.length > 0 && (
        <ul className="card__topics" aria-label="Topics">
          {paper.topics.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      <NoteEditor paperId={paper.id} save={saveAndKeep} current={{ note: loaded.data?.note ?? undefined }} onDraft={onDraft} />
      <footer className="card__foot">
        <a href={popupUrl(paper.id)} target="_blank" rel="noopener">
          Open in PaperLens
        </a>
      </footer>
    </article>
  );
}
