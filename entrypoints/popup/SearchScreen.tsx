import { useCallback, useEffect, useMemo, type KeyboardEvent } from 'react';
import { FilterBar } from '@/components/FilterBar';
import { optionId, ResultList } from '@/components/ResultList';
import { SearchBox } from '@/components/SearchBox';
import { getDb } from '@/lib/db/schema';
import { hasActiveFilter, NO_FILTERS } from '@/lib/search/filters';
import type { Searcher } from '@/lib/search/search-index';
import { usePopupStore } from './popup-store';
import { RecentSection } from './RecentSection';
import { resultStatus, useResults } from './use-results';
import { useRecognizedPapers, useSearcher } from './use-search';

const LIST_ID = 'pl-results';
/** Performance marks read by the benchmark (popup open and keystroke → results painted). */
const MARKS = { firstResults: 'paperlens:first-results', results: 'paperlens:results' } as const;

function markPainted(query: string, searcher: Searcher) {
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(MARKS.firstResults).length === 0) performance.mark(MARKS.firstResults);
    performance.mark(MARKS.results, { detail: query });
    // Typo lookups need the trigram table: build it once the first results are on screen,
    // before the user's fourth letter needs it.
    setTimeout(() => searcher.catalog.text.warm(), 0);
  });
}

/** The search box, filter chips and results; arrows move through them, Enter opens, Escape clears. */
export function SearchScreen() {
  const db = getDb();
  const { searcher, error, building } = useSearcher(db);
  const recognized = useRecognizedPapers();
  const { query, filters, active, setQuery, setFilter, move, setActive, openPaper } = usePopupStore();
  const { result, rows } = useResults(db, searcher, query, filters, recognized);
  const topics = useMemo(() => searcher?.catalog.allTopics() ?? [], [searcher]);

  useEffect(() => {
    if (result && searcher) markPainted(query, searcher);
  }, [result, query, searcher]);

  const open = useCallback((i: number) => {
    const row = rows[i];
    if (row) openPaper(row.hit.id);
  }, [rows, openPaper]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1, rows.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query) setQuery('');
      else if (hasActiveFilter(filters)) usePopupStore.setState({ filters: NO_FILTERS });
      else window.close();
    }
  };

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
      <p className={error ? 'pl-status error' : 'pl-status'} role={error ? 'alert' : 'status'} aria-live="polite">
        {resultStatus(searcher, error, building, query, filters, result, rows.length)}
      </p>
      <ResultList
        id={LIST_ID}
        rows={rows}
        terms={result?.terms ?? new Set()}
        active={active}
        onOpen={open}
        onHover={setActive}
      />
      {!query.trim() && !hasActiveFilter(filters) && <RecentSection db={db} onOpenPaper={openPaper} />}
    </section>
  );
}
