import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { FilterBar } from '@/components/FilterBar';
import { PaperView } from '@/components/PaperView';
import { optionId, ResultList, type ResultRow } from '@/components/ResultList';
import { SearchBox } from '@/components/SearchBox';
import type { StoredPaper } from '@/lib/catalog/types';
import { countPapers, getPaper, getPapers } from '@/lib/db/papers';
import { getDb } from '@/lib/db/schema';
import { pageNotes } from '@/lib/messaging/page-notes';
import { toBackground } from '@/lib/messaging/to-background';
import { replayPendingSaves } from '@/lib/notes/pending-saves';
import { hasActiveFilter, NO_FILTERS } from '@/lib/search/filters';
import type { SearchResult, Searcher } from '@/lib/search/search-index';
import { usePopupStore } from '@/lib/state/popup-store';
import { useRecognizedPapers, useSearcher } from './use-search';
import { errorMessage } from '@/lib/errors';

/** Results rendered per query; more is noise in a 420 px popup. */
const LIMIT = 30;
const LIST_ID = 'pl-results';
/** Performance marks read by the benchmark (popup open and keystroke → results painted). */
const MARKS = { firstResults: 'paperlens:first-results', results: 'paperlens:results' } as const;

/** The note editor's store: Dexie live, saves journaled and sent through the background. */
const notes = pageNotes(getDb(), localStorage);

function markPainted(query: string, searcher: Searcher) {
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(MARKS.firstResults).length === 0) performance.mark(MARKS.firstResults);
    performance.mark(MARKS.results, { detail: query });
    // Typo lookups need the trigram table: build it once the first results are on screen,
    // before the user's fourth letter needs it.
    setTimeout(() => searcher.catalog.text.warm(), 0);
  });
}

export function App() {
  const db = getDb();
  const [statusError, setStatusError] = useState<string | null>(null);
  const count = useLiveQuery(() => countPapers(db), [db]);
  const openPaperId = usePopupStore((s) => s.openPaperId);
  /** Replayed saves that met a newer note written elsewhere; the options page lets the user choose. */
  const [recovered, setRecovered] = useState(0);

  useEffect(() => {
    // Asking the background for its status makes it load the catalog if it has not yet.
    toBackground.sendMessage('catalogStatus').catch((e: unknown) => setStatusError(errorMessage(e)));
    replayPendingSaves(localStorage, (input) => toBackground.sendMessage('saveNote', input))
      .then((conflicts) => setRecovered(conflicts.length))
      .catch((e: unknown) => setStatusError(`Unsaved note text could not be recovered: ${errorMessage(e)}`));
  }, []);

  return (
    <main className="popup">
      <header className="pl-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>PaperLens</h1>
      </header>
      {statusError && (
        <p role="alert" className="error">
          The catalog could not be loaded: {statusError}
        </p>
      )}
      {recovered > 0 && (
        <p role="alert" className="error">
          Text from {recovered === 1 ? 'a note' : `${recovered} notes`} you edited earlier was not saved because the note
          changed elsewhere.{' '}
          <button type="button" className="pl-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            Compare in Options
          </button>
        </p>
      )}
      {openPaperId ? <PaperScreen id={openPaperId} /> : <SearchScreen />}
      <footer className="pl-footer">
        <span data-testid="catalog-count">{count === undefined ? 'Loading…' : `${count} papers in your catalog`}</span>
      </footer>
    </main>
  );
}

function SearchScreen() {
  const db = getDb();
  const { searcher, error } = useSearcher(db);
  const recognized = useRecognizedPapers();
  const { query, filters, active, setQuery, setFilter, move, setActive, openPaper } = usePopupStore();

  const result = useMemo((): SearchResult | null => {
    if (!searcher) return null;
    if (query.trim()) return searcher.search(query, filters, LIMIT);
    const hits = searcher.browse(filters, recognized, LIMIT);
    return { hits, terms: new Set(), total: hits.length };
  }, [searcher, query, filters, recognized]);

  const ids = useMemo(() => result?.hits.map((h) => h.id) ?? [], [result]);
  const papers = useLiveQuery(() => getPapers(db, ids), [db, ids]);
  const topics = useMemo(() => searcher?.catalog.allTopics() ?? [], [searcher]);

  const rows = useMemo((): ResultRow[] => {
    if (!result || !searcher) return [];
    const byId = new Map<string, StoredPaper>();
    for (const p of papers ?? []) if (p) byId.set(p.id, p);
    return result.hits.map((hit) => ({
      hit,
      title: searcher.catalog.titles[hit.ordinal] ?? '',
      hasCode: searcher.catalog.hasCode[hit.ordinal] === 1,
      paper: byId.get(hit.id),
      note: searcher.note(hit.id),
    }));
  }, [result, searcher, papers]);

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

  const expanded = rows.length > 0;
  const status = !searcher
    ? error ?? 'Loading the search index…'
    : query.trim()
      ? result && result.total > 0
        ? `${result.total} ${result.total === 1 ? 'paper' : 'papers'}`
        : `No paper matches “${query.trim()}”.`
      : rows.length === 0
        ? hasActiveFilter(filters)
          ? 'No paper passes these filters.'
          : `Type to search ${searcher.catalog.size} papers. Papers on this tab, starred and noted ones show here.`
        : '';

  return (
    <section className="pl-search-screen">
      <SearchBox
        query={query}
        onQuery={setQuery}
        onKeyDown={onKeyDown}
        listId={LIST_ID}
        expanded={expanded}
        activeId={active >= 0 && active < rows.length ? optionId(LIST_ID, active) : undefined}
      />
      <FilterBar filters={filters} topics={topics} onChange={setFilter} />
      <p className={error ? 'pl-status error' : 'pl-status'} role={error ? 'alert' : 'status'} aria-live="polite">
        {status}
      </p>
      <ResultList
        id={LIST_ID}
        rows={rows}
        terms={result?.terms ?? new Set()}
        active={active}
        onOpen={open}
        onHover={setActive}
      />
    </section>
  );
}

function PaperScreen({ id }: { id: string }) {
  const db = getDb();
  const closePaper = usePopupStore((s) => s.closePaper);
  const found = useLiveQuery(async () => ({ paper: await getPaper(db, id) }), [db, id]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        closePaper();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closePaper]);

  if (!found) return <p className="pl-status">Loading…</p>;
  if (!found.paper) {
    return (
      <section>
        <p role="alert" className="error">
          This paper is not in your library (id “{id}”).
        </p>
        <button type="button" className="pl-back" onClick={closePaper}>
          ← Results
        </button>
      </section>
    );
  }
  return <PaperView paper={found.paper} notes={notes} onBack={closePaper} />;
}
