import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { FilterBar } from '@/components/FilterBar';
import { HEAD_ROWS, optionId, ResultList, type ResultRow } from '@/components/ResultList';
import { SearchBox } from '@/components/SearchBox';
import { getDb } from '@/lib/db/schema';
import { hasActiveFilter } from '@/lib/search/filters';
import { afterPaint } from './after-paint';
import { markOnce, OPEN_MARKS } from './open-marks';
import { usePopupStore } from './popup-store';
import { RecentSection } from './RecentSection';
import { LIST_ID, resultStatus } from './results';
import { useResults } from './use-results';
import { useRecognizedPapers, useSearcher } from './use-search';

/** Performance marks read by the benchmark (popup open and keystroke → results painted). */
const MARKS = { firstResults: OPEN_MARKS.firstResults, results: 'paperlens:results' } as const;
const NO_ROWS: ResultRow[] = [];
const NO_TERMS: ReadonlySet<string> = new Set();

/** Marks the frame that paints the results (its animation frame, just before its style, layout and paint). */
function markPainted(query: string) {
  requestAnimationFrame(() => {
    markOnce(MARKS.firstResults);
    performance.mark(MARKS.results, { detail: query });
  });
}

/** The search box, filter chips and results; arrows move through them, Enter opens, Escape clears. */
export function SearchScreen() {
  const db = getDb();
  const { query, filters, active, setQuery, setFilter, searchKey, setActive, openPaper } = usePopupStore();
  // The index is read once the first list is on screen, or at once when the user types first.
  const [painted, setPainted] = useState(false);
  const { searcher, error, building, revisions } = useSearcher(db, painted || query !== '' || hasActiveFilter(filters));
  const recognized = useRecognizedPapers();
  const results = useResults(db, searcher, query, filters, recognized, revisions);
  const rows = results?.rows ?? NO_ROWS;
  // A new answer renders its first rows in the keystroke's frame and the rest after it is
  // painted (so do their highlights); rows filling in with their papers keep the whole list.
  const [wholeAnswer, setWholeAnswer] = useState<object | null>(null);
  const whole = rows.length <= HEAD_ROWS || wholeAnswer === results?.answer;
  useEffect(() => {
    if (whole || !results) return;
    return afterPaint(() => setWholeAnswer(results.answer));
  }, [whole, results]);
  const topics = useMemo(() => searcher?.catalog.allTopics() ?? [], [searcher]);
  /** The rows answer what is typed now (not the stand-in list shown while the index loads). */
  const current = results?.final === true;

  useEffect(() => {
    if (!current) return;
    markPainted(query);
    return afterPaint(() => {
      setPainted(true);
      // Typo lookups need the trigram table: build it once results are on screen, before the
      // user's fourth letter needs it.
      searcher?.catalog.text.warm();
    });
  }, [current, results, query, searcher]);

  const open = useCallback((i: number) => {
    const row = rows[i];
    if (row) openPaper(row.hit.id);
  }, [rows, openPaper]);

  // Enter typed before the query's answer came (the index still loading, or on the stored first
  // screen) opens its first result once it comes: a typed-ahead Enter is not lost.
  const openWhenAnswered = usePopupStore((s) => s.openWhenAnswered);
  useEffect(() => {
    if (openWhenAnswered === null) return;
    if (openWhenAnswered !== query) usePopupStore.setState({ openWhenAnswered: null });
    else if (current) {
      usePopupStore.setState({ openWhenAnswered: null });
      open(0);
    }
  }, [openWhenAnswered, query, current, open]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const done = searchKey(e.key, rows.map((r) => r.hit.id), current);
    if (done) e.preventDefault();
    if (done === 'close') window.close();
  };

  const problem = error ?? results?.error;
  return (
    <section className="pl-search-screen">
      <SearchBox
        query={query}
        onQuery={setQuery}
        onKeyDown={onKeyDown}
        listId={LIST_ID}
        expanded={rows.length > 0}
        activeId={active >= 0 && active < rows.length ? optionId(LIST_ID, active) : undefined}
      />
      <FilterBar filters={filters} topics={topics} onChange={setFilter} />
      <p className={problem ? 'pl-status error' : 'pl-status'} role={problem ? 'alert' : 'status'} aria-live="polite">
        {results?.error ?? resultStatus(searcher, error, building, query, filters, results)}
      </p>
      <ResultList
        id={LIST_ID}
        rows={rows}
        partial={!whole}
        terms={results?.terms ?? NO_TERMS}
        active={active}
        onOpen={openPaper}
        onHover={setActive}
      />
      {!query.trim() && !hasActiveFilter(filters) && <RecentSection db={db} onOpenPaper={openPaper} />}
    </section>
  );
}
