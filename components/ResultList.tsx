import { memo, useEffect, useMemo, useState } from 'react';
import { stableViews, type ResultRow, type ResultView } from '@/lib/search/result-view';
import { Highlight } from './Highlight';

export type { ResultRow } from '@/lib/search/result-view';

/**
 * Rows a partial render brings up to date: more than the list shows (400 px high, a row 30 px or
 * more). The popup's style.css hides the rows after them in a partial render (`.pl-results--head`).
 */
export const HEAD_ROWS = 12;

export interface ResultListProps {
  id: string;
  rows: readonly ResultRow[];
  terms: ReadonlySet<string>;
  active: number;
  /**
   * Renders only the first HEAD_ROWS rows anew (a keystroke's frame): the options after them
   * keep what they showed, hidden, and are brought up to date by the next render without it.
   */
  partial?: boolean;
  /** Opens a result's paper (by id). */
  onOpen: (paperId: string) => void;
  onHover: (index: number) => void;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

/** What one option shows. */
interface Shown {
  paperId: string;
  view: ResultView;
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
export const ResultList = memo(function ResultList({ id, rows, terms, active, partial = false, onOpen, onHover }: ResultListProps) {
  // Arrow keys move the highlight past the visible part of the list; keep it in view.
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(id, active))?.scrollIntoView({ block: 'nearest' });
  }, [id, active]);

  // What each option showed last, and the views by paper id: a row that looks the same keeps
  // its view object.
  const [shown] = useState(() => ({ items: [] as Shown[], byId: new Map<string, ResultView>() }));
  const items = useMemo(() => {
    const head = partial ? rows.slice(0, HEAD_ROWS) : rows;
    const next = stableViews(head, terms, shown.byId);
    const fresh = head.map((row, i): Shown => ({ paperId: row.hit.id, view: next.views[i]! }));
    // A partial render leaves the options after the head as they were (hidden), up to the new length.
    const kept = partial ? shown.items.slice(head.length, rows.length) : [];
    for (const k of kept) next.byId.set(k.paperId, k.view);
    shown.byId = next.byId;
    shown.items = [...fresh, ...kept];
    return shown.items;
  }, [rows, terms, partial, shown]);

  // Options are keyed by position: a keystroke that changes which papers are listed updates the
  // rows' text in place instead of removing some options and creating others.
  return (
    <ul id={id} role="listbox" aria-label="Papers" className={partial ? 'pl-results pl-results--head' : 'pl-results'}>
      {items.map((item, i) => (
        <ResultItem
          key={i}
          id={optionId(id, i)}
          index={i}
          paperId={item.paperId}
          view={item.view}
          selected={i === active}
          onOpen={onOpen}
          onHover={onHover}
        />
      ))}
    </ul>
  );
});
