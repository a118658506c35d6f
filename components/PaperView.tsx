import { useState } from 'react';
import type { StoredPaper } from '@/lib/catalog/types';
import type { NoteStore } from '@/lib/notes/model';
import { keyResultToShow } from '@/lib/summary/key-result-repeats';
import { NoteEditor } from './NoteEditor';

/** Abstracts longer than this start collapsed. */
const ABSTRACT_PREVIEW_CHARS = 280;

export interface PaperViewProps {
  paper: StoredPaper;
  notes: NoteStore;
  onBack: () => void;
}

/** One paper: what it is about, where its code is, and the user's note on it. */
export function PaperView({ paper, notes, onBack }: PaperViewProps) {
  const [expanded, setExpanded] = useState(false);
  const long = paper.abstract.length > ABSTRACT_PREVIEW_CHARS;
  const shown = expanded || !long ? paper.abstract : `${paper.abstract.slice(0, ABSTRACT_PREVIEW_CHARS).replace(/\s+\S*$/, '')}…`;
  const links = paper.links.filter((l) => l.kind !== 'other');
  const keyResult = keyResultToShow(paper.keyResult, paper.tldr);

  return (
    <article className="pl-paper" aria-labelledby="pl-paper-title">
      <button type="button" className="pl-back" onClick={onBack}>
        ← Results
      </button>
      <h2 id="pl-paper-title" className="pl-paper__title">
        {paper.title}
      </h2>
      {paper.topics.length > 0 && (
        <ul className="pl-topics" aria-label="Topics">
          {paper.topics.map((t) => (
            <li key={t} className="pl-badge">
              {t}
            </li>
          ))}
        </ul>
      )}
      <p className="pl-paper__tldr">
        <strong>TL;DR</strong> {paper.tldr}
      </p>
      {keyResult && (
        <p className="pl-paper__key">
          <strong>Key result</strong> {keyResult}
        </p>
      )}
      {links.length > 0 && (
        <ul className="pl-links" aria-label="Links">
          {links.map((l) => (
            <li key={l.url}>
              <a href={l.url} target="_blank" rel="noopener noreferrer" className={`pl-link pl-link--${l.kind}`}>
                {l.kind === 'code' ? 'Code' : 'Project'}: {l.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      <section className="pl-paper__abstract" aria-label="Abstract">
        <p id="pl-abstract">{shown}</p>
        {long && (
          <button type="button" className="pl-link-button" aria-expanded={expanded} aria-controls="pl-abstract" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show less' : 'Show full abstract'}
          </button>
        )}
      </section>
      <NoteEditor paperId={paper.id} notes={notes} />
    </article>
  );
}
