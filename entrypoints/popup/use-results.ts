import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ResultRow } from '@/components/ResultList';
import type { StoredPaper } from '@/lib/catalog/types';
import type { Note } from '@/lib/notes/model';
import { browseOrder, getNotes } from '@/lib/db/notes';
import { getPapers } from '@/lib/db/papers';
import type { PaperLensDB } from '@/lib/db/schema';
import { hasActiveFilter, type SearchFilters } from '@/lib/search/filters';
import { plural } from '@/lib/plural';
import type { SearchResult, Searcher } from '@/lib/search/search-index';

/** Results rendered per query; more is noise in a 420 px popup. */
const LIMIT = 30;

/**
 * What the result list shows: the query's hits, or with no query the papers on this tab,
 * starred and noted ones; each row with its stored paper, read live.
 */
export function useResults(
  db: PaperLensDB,
  searcher: Searcher | null,
  query: string,
  filters: SearchFilters,
  recognized: string[],
): { result: SearchResult | null; rows: ResultRow[] } {
  const noted = useLiveQuery(() => browseOrder(db, LIMIT), [db]);
  const result = useMemo((): SearchResult | null => {
    if (!searcher) return null;
    if (query.trim()) return searcher.search(query, filters, LIMIT);
    if (!noted) return null;
    const hits = searcher.browse(filters, [...recognized, ...noted], LIMIT);
    return { hits, terms: new Set(), total: hits.length };
  }, [searcher, query, filters, recognized, noted]);

  const ids = useMemo(() => result?.hits.map((h) => h.id) ?? [], [result]);
  const details = useLiveQuery(async () => ({ ids, papers: await getPapers(db, ids), notes: await getNotes(db, ids) }), [db, ids]);

  const rows = useMemo((): ResultRow[] => {
    if (!result || !searcher) return [];
    const papers = new Map<string, StoredPaper>();
    const notes = new Map<string, Note>();
    for (const p of details?.papers ?? []) if (p) papers.set(p.id, p);
    for (const n of details?.notes ?? []) if (n) notes.set(n.paperId, n);
    return result.hits.map((hit) => ({
      hit,
      title: searcher.catalog.titles[hit.ordinal] ?? '',
      hasCode: searcher.catalog.hasCode(hit.ordinal),
      paper: papers.get(hit.id),
      note: notes.get(hit.id),
    }));
  }, [result, searcher, details]);

  return { result, rows };
}

/** The line above the results: loading, an error, the count, or what to do. */
export function resultStatus(
  searcher: Searcher | null,
  error: string | null,
  building: boolean,
  query: string,
  filters: SearchFilters,
  result: SearchResult | null,
  shown: number,
): string {
  if (!searcher) return error ?? (building ? 'Preparing the search index…' : 'Loading the search index…');
  if (query.trim()) {
    return result && result.total > 0
      ? plural(result.total, 'paper', 'papers')
      : `No paper matches “${query.trim()}”.`;
  }
  if (shown > 0) return '';
  return hasActiveFilter(filters)
    ? 'No paper passes these filters.'
    : `Type to search ${plural(searcher.catalog.size, 'paper', 'papers')}. Papers on this tab, starred and noted ones show here.`;
}
