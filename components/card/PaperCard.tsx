import { useEffect, useState } from 'react';
import { NoteEditor } from '@/components/NoteEditor';
import type { StoredPaper } from '@/lib/catalog/types';
import { PaperStateLine } from './PaperStateLine';
import { errorMessage } from '@/lib/errors';
import type { NoteStore, PaperWithNote } from '@/lib/notes/model';
import type { PaperState } from '@/lib/notes/paper-state';
import { keyResultToShow } from '@/lib/summary/key-result-repeats';

export interface PaperCardProps {
  paperId: string;
  /** Changes each time the card is shown, so it reloads what the popup may have changed meanwhile. */
  shown: string;
  /** The paper and the user's note on it, read and saved through the background. */
  notes: NoteStore & { load(paperId: string): Promise<PaperWithNote | null> };
  /** The popup's deep link for a paper (`popup.html?paper=<id>`). */
  popupUrl: (id: string) => string;
}

type Loaded = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: PaperWithNote | null };

/**
 * The hover card: what the paper is about, where its code is, and the user's note. It lives in
 * a frame inside the web page, where the browser may deny it the extension's IndexedDB as
 * third-party storage, so `notes` reads and writes through the background's messages.
 */
export function PaperCard({ paperId, shown, notes, popupUrl }: PaperCardProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    notes.load(paperId).then(
      (data) => live && setLoaded({ kind: 'ready', data }),
      (error: unknown) =>
        live && setLoaded({ kind: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [paperId, shown, notes]);

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
  return <PaperCardView paper={paper} state={loaded.data?.state} notes={notes} popupUrl={popupUrl} />;
}

/** The card for a loaded paper. */
export function PaperCardView({
  paper,
  state,
  notes,
  popupUrl,
}: {
  paper: StoredPaper;
  /** The paper's state when the card opened (absent in previews such as the README screenshots). */
  state?: PaperState | undefined;
  notes: NoteStore;
  popupUrl: (id: string) => string;
}) {
  const code = paper.links.filter((l) => l.kind === 'code');
  const keyResult = keyResultToShow(paper.keyResult, paper.tldr);
  return (
    <article className="card" aria-label={paper.title}>
      <header className="card__head">
        <span className="card__brand" aria-hidden="true" />
        <h1 className="card__title">{paper.title}</h1>
      </header>
      {state && <PaperStateLine paperId={paper.id} state={state} notes={notes} />}
      <p className="card__tldr" data-testid="card-tldr">
        {paper.tldr}
      </p>
      {keyResult && <p className="card__key">{keyResult}</p>}
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
      <NoteEditor paperId={paper.id} notes={notes} readFirst />
      <footer className="card__foot">
        <a href={popupUrl(paper.id)} target="_blank" rel="noopener">
          Open in PaperLens
        </a>
      </footer>
    </article>
  );
}
