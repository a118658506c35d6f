import { memo, useEffect, useMemo, useState } from 'react';
import { stableViews, type ResultRow, type ResultView } from '@/lib/search/result-view';
import { Highlight } from './Highlight';

export type { ResultRow } from '@/lib/search/result-view';

export interface ResultListProps {
  id: string;
  rows: readonly ResultRow[];
  terms: ReadonlySet<string>;
  active: number;
  /** Opens a result's paper (by id). */
  onOpen: (paperId: string) => void;
  onHover: (index: number) => void;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

interface ItemProps {
  id: string;
  index: number;
  paperId: string;
  view: ResultView;
  selected: boolean;
  onOpen: (paperId: string) => void;
  onHover: (index: number) => void;
}

/**
 * One option. Memoized on its view (see stableViews): a keystroke re-renders only the rows it
 * added, moved or highlighted differently, and moving the highlight the two rows it leaves and enters.
 */
const ResultItem = memo(function ResultItem({ id, index, paperId, view, selected, onOpen, onHover }: ItemProps) {
  const { detail } = view;
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className="pl-result"
      // Keeps focus in the search field, where the keyboard handling lives.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onOpen(paperId)}
      onMouseMove={() => !selected && onHover(index)}
    >
      <span className="pl-result__title">
        <Highlight text={view.title.text} ranges={view.title.ranges} />
      </span>
      {detail && (
        <p className={detail.where === 'Note' ? 'pl-result__detail pl-result__detail--note' : 'pl-result__detail'}>
          {detail.where && <span className="pl-result__where">{detail.where}: </span>}
          <Highlight text={detail.text.text} ranges={detail.text.ranges} />
        </p>
      )}
      <span className="pl-result__badges">
        {view.starred && <span className="pl-badge pl-badge--star" title="Starred">★</span>}
        {view.toRead && <span className="pl-badge">To read</span>}
        {view.hasCode && <span className="pl-badge pl-badge--code">Code</span>}
        {view.tags.map((t) => (
          <span key={t.text} className="pl-badge pl-badge--tag">
            <Highlight text={t.text} ranges={t.ranges} />
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

  // The views shown last, by paper id: a row that looks the same keeps its view object.
  const [shown] = useState(() => ({ byId: new Map<string, ResultView>() }));
  const views = useMemo(() => {
    const next = stableViews(rows, terms, shown.byId);
    shown.byId = next.byId;
    return next.views;
  }, [rows, terms, shown]);

  return (
    <ul id={id} role="listbox" aria-label="Papers" className="pl-results">
      {rows.map((row, i) => (
        <ResultItem
          key={row.hit.id}
          id={optionId(id, i)}
          index={i}
          paperId={row.hit.id}
          view={views[i]!}
          selected={i === active}
          onOpen={onOpen}
          onHover={onHover}
        />
      ))}
    </ul>
  );
});
