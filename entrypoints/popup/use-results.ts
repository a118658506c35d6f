import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { ResultRow } from '@/components/ResultList';
import { browsePapers } from '@/lib/db/browse';
import { FIRST_LIST_LIMIT } from '@/lib/db/first-screen-read';
import { readResultRows } from '@/lib/db/result-rows';
import type { PaperLensDB } from '@/lib/db/schema';
import { errorMessage } from '@/lib/errors';
import { hasActiveFilter, type SearchFilters } from '@/lib/search/filters';
import { titleHasWords } from '@/lib/search-interim';
import { RowCache, type RowStamp } from '@/lib/search/row-cache';
import type { Searcher } from '@/lib/search/search-index';
import { afterPaint } from './after-paint';
import { usePopupStore } from './popup-store';
import { browsedRow, type Results } from './results';

/** Results rendered per query, and papers listed before anything is typed; more is noise in a 420 px popup. */
const LIMIT = FIRST_LIST_LIMIT;

const NO_TERMS: ReadonlySet<string> = new Set();

/** Performance measure read by the benchmark: the search engine's own time for a query (detail: the query). */
export const SEARCH_MEASURE = 'paperlens:search';

/** The search, timed as SEARCH_MEASURE. */
function timedSearch(searcher: Searcher, query: string, filters: SearchFilters) {
  const start = performance.now();
  const answer = searcher.search(query, filters, LIMIT);
  performance.measure(SEARCH_MEASURE, { start, detail: query });
  return answer;
}

/**
 * What the result list shows. With nothing typed and no filter: the papers on this tab, starred
 * and noted ones, read straight from the database, so the first list never waits for the search
 * index. Otherwise the search's hits: a keystroke's rows show at once with the index's titles
 * and the papers and notes the row cache holds (lib/search/row-cache.ts; `revisions`, followed
 * live, drops them when a paper or note changes), and the papers it lacks are read once that
 * is painted, filling their rows in. While the index is still loading, the listed papers whose
 * titles have the typed words stand in, and the query is answered the moment the index is there.
 */
export function useResults(
  db: PaperLensDB,
  searcher: Searcher | null,
  query: string,
  filters: SearchFilters,
  recognized: string[],
  revisions: RowStamp | undefined,
): Results | null {
  const browsing = !query.trim() && !hasActiveFilter(filters);
  // The stored first screen, when current, is the list until the live read answers (main.tsx).
  const [stored] = useState(() => usePopupStore.getState().firstScreen?.browsed);
  const browsed = useLiveQuery(() => browsePapers(db, recognized, LIMIT), [db, recognized], stored);
  const order = useMemo(() => browsed?.map((b) => b.paper.id) ?? recognized, [browsed, recognized]);

  const result = useMemo(() => {
    if (!searcher || browsing) return null;
    if (query.trim()) return timedSearch(searcher, query, filters);
    const hits = searcher.browse(filters, order, LIMIT);
    return { hits, terms: new Set<string>(), total: hits.length };
  }, [searcher, browsing, query, filters, order]);

  const [cache] = useState(() => new RowCache());
  /** Counts the reads that landed in the cache: the rows are built again with what they brought. */
  const [landed, setLanded] = useState(0);
  const [readError, setReadError] = useState<string | null>(null);
  const rows = useMemo(() => {
    if (!result || !searcher) return null;
    if (revisions) cache.observe(revisions);
    return result.hits.map((hit): ResultRow => {
      const read = cache.get(hit.id);
      return {
        hit,
        title: searcher.catalog.title(hit.ordinal),
        hasCode: searcher.catalog.hasCode(hit.ordinal),
        paper: read?.paper,
        note: read?.note,
      };
    });
    // `landed`: the cache has more rows than when these were built.
  }, [result, searcher, cache, revisions, landed]);

  // The papers and notes the cache lacks, read once the rows are painted without them.
  useEffect(() => {
    if (!result || !revisions) return;
    const ids = result.hits.map((h) => h.id);
    if (cache.missing(ids).length === 0) return;
    return afterPaint(() => {
      const missing = cache.missing(ids);
      if (missing.length === 0) return;
      readResultRows(db, missing)
        .then((read) => {
          // Kept, and the rows built again, even when another key came first: that key's rows
          // may have been built before this read landed, and its own check found nothing missing.
          if (cache.put(read.stamp, missing, read.rows)) setLanded((n) => n + 1);
          setReadError(null);
        })
        .catch((e: unknown) => setReadError(`Papers and notes could not be read: ${errorMessage(e)}`));
    });
  }, [db, cache, result, revisions, landed]);

  return useMemo((): Results | null => {
    if (browsing) {
      return browsed ? { rows: browsed.map(browsedRow), terms: NO_TERMS, total: browsed.length, final: true, answer: browsed, error: null } : null;
    }
    if (!result || !rows) {
      if (!browsed || !query.trim()) return null;
      const stand = browsed.filter((b) => titleHasWords(b.paper.title, query)).map(browsedRow);
      return { rows: stand, terms: NO_TERMS, total: null, final: false, answer: stand, error: null };
    }
    return { rows, terms: result.terms, total: result.total, final: true, answer: result, error: readError };
  }, [browsing, browsed, result, rows, query, readError]);
}
