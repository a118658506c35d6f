import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { ResultRow } from '@/components/ResultList';
import type { StoredPaper } from '@/lib/catalog/types';
import type { Note } from '@/lib/notes/model';
import { browsePapers, type BrowsedPaper } from '@/lib/db/browse';
import { FIRST_LIST_LIMIT } from '@/lib/db/first-screen-read';
import { getNotes } from '@/lib/db/notes';
import { getPapers } from '@/lib/db/papers';
import type { PaperLensDB } from '@/lib/db/schema';
import { hasActiveFilter, type SearchFilters } from '@/lib/search/filters';
import { plural } from '@/lib/plural';
import { titleHasWords } from '@/lib/search-interim';
import type { Searcher } from '@/lib/search/search-index';
import { usePopupStore } from './popup-store';

/** Results rendered per query, and papers listed before anything is typed; more is noise in a 420 px popup. */
const LIMIT = FIRST_LIST_LIMIT;

const NO_TERMS: ReadonlySet<string> = new Set();

/** Papers (and notes) last read for result rows kept for the next keystrokes' rows. */
const KEEP_READ = 400;

/** A paper and its note as last read from the database. */
interface Read {
  paper: StoredPaper | undefined;
  note: Note | undefined;
}

/**
 * The papers and notes last read for rows, newest last, at most KEEP_READ: a keystroke's rows
 * show complete at once from what earlier keystrokes read (instead of without their TL;DR,
 * note and badges until the read for the new ids comes, then again with them: two renders and
 * two layouts a key); the live read of the rows' ids follows and replaces what changed.
 */
function remember(lastRead: Map<string, Read>, id: string, read: Read): void {
  lastRead.delete(id);
  lastRead.set(id, read);
  if (lastRead.size > KEEP_READ) lastRead.delete(lastRead.keys().next().value!);
}

/** What the result list shows. */
export interface Results {
  rows: ResultRow[];
  terms: ReadonlySet<string>;
  /** How many papers matched in all (before the limit); null while the index loads. */
  total: number | null;
  /** False for the stand-in list shown while the index loads. */
  final: boolean;
}

const browsedRow = ({ paper, note }: BrowsedPaper): ResultRow => ({
  hit: { id: paper.id, ordinal: -1, score: 0, fields: 0 },
  title: paper.title.replace(/\s+/g, ' '),
  hasCode: paper.links.some((l) => l.kind === 'code'),
  paper,
  note,
});

/**
 * What the result list shows. With nothing typed and no filter: the papers on this tab, starred
 * and noted ones, read straight from the database, so the first list never waits for the search
 * index. Otherwise the search's hits, each row with its stored paper, read live; while the index
 * is still loading, the listed papers whose titles have the typed words stand in, and the query
 * is answered the moment the index is there.
 */
export function useResults(
  db: PaperLensDB,
  searcher: Searcher | null,
  query: string,
  filters: SearchFilters,
  recognized: string[],
): Results | null {
  const browsing = !query.trim() && !hasActiveFilter(filters);
  const [lastRead] = useState(() => new Map<string, Read>());
  // The stored first screen, when current, is the list until the live read answers (main.tsx).
  const [stored] = useState(() => usePopupStore.getState().firstScreen?.browsed);
  const browsed = useLiveQuery(async () => {
    const listed = await browsePapers(db, recognized, LIMIT);
    for (const { paper, note } of listed) remember(lastRead, paper.id, { paper, note });
    return listed;
  }, [db, recognized, lastRead], stored);
  const order = useMemo(() => browsed?.map((b) => b.paper.id) ?? recognized, [browsed, recognized]);

  const result = useMemo(() => {
    if (!searcher || browsing) return null;
    if (query.trim()) return searcher.search(query, filters, LIMIT);
    const hits = searcher.browse(filters, order, LIMIT);
    return { hits, terms: new Set<string>(), total: hits.length };
  }, [searcher, browsing, query, filters, order]);

  const ids = useMemo(() => result?.hits.map((h) => h.id) ?? [], [result]);
  const details = useLiveQuery(async () => {
    const papers = await getPapers(db, ids);
    const notes = await getNotes(db, ids);
    ids.forEach((id, i) => remember(lastRead, id, { paper: papers[i], note: notes[i] }));
    return { ids, papers, notes };
  }, [db, ids, lastRead]);

  return useMemo((): Results | null => {
    if (browsing) return browsed ? { rows: browsed.map(browsedRow), terms: NO_TERMS, total: browsed.length, final: true } : null;
    if (!result || !searcher) {
      if (!browsed || !query.trim()) return null;
      return { rows: browsed.filter((b) => titleHasWords(b.paper.title, query)).map(browsedRow), terms: NO_TERMS, total: null, final: false };
    }
    // Rows show at once with the index's titles and what was last read of their papers and
    // notes; the rest fills in when this query's read comes.
    const fresh = details?.ids === ids ? details : null;
    const rows = result.hits.map((hit, i) => {
      const read = fresh ? { paper: fresh.papers[i], note: fresh.notes[i] } : lastRead.get(hit.id);
      return {
        hit,
        title: searcher.catalog.title(hit.ordinal),
        hasCode: searcher.catalog.hasCode(hit.ordinal),
        paper: read?.paper,
        note: read?.note,
      };
    });
    return { rows, terms: result.terms, total: result.total, final: true };
  }, [browsing, browsed, result, searcher, details, ids, query, lastRead]);
}

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
