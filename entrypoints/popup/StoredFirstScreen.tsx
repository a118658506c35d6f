import { useEffect, useLayoutEffect, useMemo } from 'react';
import { FilterBar } from '@/components/FilterBar';
import { HEAD_ROWS, optionId, ResultList } from '@/components/ResultList';
import { SearchBox } from '@/components/SearchBox';
import type { FirstScreen } from '@/lib/db/first-screen-read';
import { hasActiveFilter } from '@/lib/search/filters';
import { markOnce, OPEN_MARKS } from './open-marks';
import { usePopupStore } from './popup-store';
import { PopupFrame } from './PopupFrame';
import { browsedRow, LIST_ID, resultStatus } from './results';

const NO_TERMS: ReadonlySet<string> = new Set();

/**
 * The stored first screen (lib/db/first-screen.ts), drawn with React alone while the popup's own
 * code (Dexie, the search engine, the live reads: App) is still loading, so the first list does
 * not wait for it. It is what App's first render draws from the same row (a test compares the
 * two), and everything the user does here goes to the popup's store: text typed, a filter
 * pressed, a row opened, an Enter waiting for its query's answer are there when App replaces
 * this screen. `onPainted` is called once the
 * list is on screen (main.tsx then loads App).
 */
export function StoredFirstScreen({ screen, onPainted }: { screen: FirstScreen; onPainted: () => void }) {
  const { query, filters, active, setQuery, setFilter, setActive, openPaper, searchKey } = usePopupStore();
  const rows = useMemo(() => screen.browsed.map(browsedRow), [screen]);
  const results = { rows, terms: NO_TERMS, total: rows.length, final: true, answer: screen.browsed, error: null };

  useLayoutEffect(() => markOnce(OPEN_MARKS.rendered), []);
  useEffect(() => {
    requestAnimationFrame(() => {
      markOnce(OPEN_MARKS.firstResults);
      // After this frame is painted.
      setTimeout(onPainted, 0);
    });
  }, [onPainted]);

  return (
    <PopupFrame busy counts={screen.counts?.papers}>
      <section className="pl-search-screen">
        <SearchBox
          query={query}
          onQuery={setQuery}
          onKeyDown={(e) => {
            // The stored list answers the empty query; Enter on a query waits for App's answer.
            const done = searchKey(e.key, rows.map((r) => r.hit.id), !query.trim() && !hasActiveFilter(filters));
            if (done) e.preventDefault();
            if (done === 'close') window.close();
          }}
          listId={LIST_ID}
          expanded={rows.length > 0}
          activeId={active >= 0 && active < rows.length ? optionId(LIST_ID, active) : undefined}
        />
        <FilterBar filters={filters} topics={[]} onChange={setFilter} />
        <p className="pl-status" role="status" aria-live="polite">
          {resultStatus(null, null, false, query, filters, results)}
        </p>
        <ResultList
          id={LIST_ID}
          rows={rows}
          // As App's first render: the rows the popup shows; App renders the rest after its first paint.
          partial={rows.length > HEAD_ROWS}
          terms={NO_TERMS}
          active={active}
          onOpen={openPaper}
          onHover={setActive}
        />
      </section>
    </PopupFrame>
  );
}
