import type { ResultRow } from '@/components/ResultList';
import type { BrowsedPaper } from '@/lib/db/browse';
import { plural } from '@/lib/plural';
import { hasActiveFilter, type SearchFilters } from '@/lib/search/filters';
import type { Searcher } from '@/lib/search/search-index';

/*
 * What the popup's result list and the line above it show, without the reads that make it
 * (use-results.ts): the stored first screen (StoredFirstScreen.tsx) shows its list with these before
 * the database and search code are loaded.
 */

/** The result listbox's id (the search field's aria-controls). */
export const LIST_ID = 'pl-results';

/** What the result list shows. */
export interface Results {
  rows: ResultRow[];
  terms: ReadonlySet<string>;
  /** How many papers matched in all (before the limit); null while the index loads. */
  total: number | null;
  /** False for the stand-in list shown while the index loads. */
  final: boolean;
  /**
   * The answer these rows show (the search's, or the list read before anything is typed): the
   * same object while only the rows' papers and notes fill in, a new one for a new query.
   */
  answer: object;
  /** Why the rows' papers and notes could not be read, if they could not. */
  error: string | null;
}

/** A row for a paper listed before anything is typed. */
export const browsedRow = ({ paper, note }: BrowsedPaper): ResultRow => ({
  hit: { id: paper.id, ordinal: -1, score: 0, fields: 0 },
  title: paper.title.replace(/\s+/g, ' '),
  hasCode: paper.links.some((l) => l.kind === 'code'),
  paper,
  note,
});

/** The line above the results: loading, an error, the count, or what to do. */
export function resultStatus(
  searcher: Searcher | null,
  error: string | null,
  building: boolean,
  query: string,
  filters: SearchFilters,
  results: Results | null,
): string {
  if (!query.trim() && !hasActiveFilter(filters)) {
    if (!results || results.rows.length > 0) return '';
    const size = searcher ? plural(searcher.catalog.size, 'paper', 'papers') : 'your papers';
    return `Type to search ${size}. Papers on this tab, starred and noted ones show here.`;
  }
  if (!searcher) return error ?? (building ? 'Preparing the search index…' : 'Loading the search index…');
  if (query.trim()) {
    return results?.total ? plural(results.total, 'paper', 'papers') : `No paper matches “${query.trim()}”.`;
  }
  return results?.rows.length ? '' : 'No paper passes these filters.';
}
