import { memo, useEffect } from 'react';
import type { StoredPaper } from '@/lib/catalog/types';
import type { Note } from '@/lib/notes/model';
import { highlightRanges, snippet } from '@/lib/search/highlight';
import type { SearchHit } from '@/lib/search/search-index';
import { FIELD } from '@/lib/search/text-index';
import { Highlight } from './Highlight';

/** What a row shows; the title comes from the index, the rest from Dexie once loaded. */
export interface ResultRow {
  hit: SearchHit;
  title: string;
  hasCode: boolean;
  paper: StoredPaper | undefined;
  note: Note | undefined;
}

export interface ResultListProps {
  id: string;
  rows: readonly ResultRow[];
  terms: ReadonlySet<string>;
  active: number;
  onOpen: (index: number) => void;
  onHover: (index: number) => void;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

const bit = (field: number) => 1 << field;

/** The line under a title: where the query matched, when that is not the title or TL;DR. */
function Detail({ row, terms }: { row: ResultRow; terms: ReadonlySet<string> }) {
  const { hit, paper, note } = row;
  if (note && hit.fields & bit(FIELD.notes)) {
    const s = snippet(note.text, terms);
    return (
      <p className="pl-result__detail pl-result__detail--note">
        <span className="pl-result__where">Note: </span>
        <Highlight text={s.text} ranges={s.ranges} />
      </p>
    );
  }
  if (!paper) return null;
  if (hit.fields & bit(FIELD.abstract) && !(hit.fields & (bit(FIELD.title) | bit(FIELD.tldr)))) {
    const s = snippet(paper.abstract, terms);
    return (
      <p className="pl-result__detail">
        <span className="pl-result__where">Abstract: </span>
        <Highlight text={s.text} ranges={s.ranges} />
      </p>
    );
  }
  return (
    <p className="pl-result__detail">
      <Highlight text={paper.tldr} ranges={highlightRanges(paper.tldr, terms)} />
    </p>
  );
}

interface ItemProps {
  id: string;
  index: number;
  row: ResultRow;
  terms: ReadonlySet<string>;
  selected: boolean;
  onOpen: (index: number) => void;
  onHover: (index: number) => void;
}

/**
 * One option. Memoized: moving the highlight re-renders the two rows it leaves and enters, and
 * a keystroke whose answer has not come yet re-renders none.
 */
const ResultItem = memo(function ResultItem({ id, index, row, terms, selected, onOpen, onHover }: ItemProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className="pl-result"
      // Keeps focus in the search field, where the keyboard handling lives.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onOpen(index)}
      onMouseMove={() => !selected && onHover(index)}
    >
      <span className="pl-result__title">
        <Highlight text={row.title} ranges={highlightRanges(row.title, terms)} />
      </span>
      <Detail row={row} terms={terms} />
      <span className="pl-result__badges">
        {row.note?.starred && <span className="pl-badge pl-badge--star" title="Starred">★</span>}
        {row.note?.status === 'to-read' && <span className="pl-badge">To read</span>}
        {row.hasCode && <span className="pl-badge pl-badge--code">Code</span>}
        {row.note?.tags.map((t) => (
          <span key={t} className="pl-badge pl-badge--tag">
            <Highlight text={`#${t}`} ranges={highlightRanges(`#${t}`, terms)} />
          </span>
        ))}
      </span>
    </li>
  );
});

/** The result listbox of the search combobox. */
export const ResultList = memo(function ResultList({ id, rows, terms, active, onOpen, onHover }: ResultListProps) {
  // Arrow keys move the highlight past the visible part of the list; keep it in view.
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(id, active))?.scrollIntoView({ block: 'nearest' });
  }, [id, active]);

  return (
    <ul id={id} role="listbox" aria-label="Papers" className="pl-results">
      {rows.map((row, i) => (
        <ResultItem
          key={row.hit.id}
          id={optionId(id, i)}
          index={i}
          row={row}
          terms={terms}
          selected={i === active}
          onOpen={onOpen}
          onHover={onHover}
        />
      ))}
    </ul>
  );
});
