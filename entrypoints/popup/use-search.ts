import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { getRevision } from '@/lib/db/revisions';
import type { PaperLensDB } from '@/lib/db/schema';
import { loadSearchIndex, searchIndexState, type LoadedSearchIndex, type SearchIndexState } from '@/lib/db/search-index';
import { toBackground } from '@/lib/messaging/to-background';
import { toContent } from '@/lib/messaging/to-content';
import type { RowStamp } from '@/lib/search/row-cache';
import { buildNotesIndex, Searcher } from '@/lib/search/search-index';
import { errorMessage } from '@/lib/errors';
import { usePopupStore } from './popup-store';

/** How long the active tab's content script gets to answer before the popup goes on without it. */
const RECOGNIZED_TIMEOUT_MS = 400;

/** Performance mark read by the benchmark: the stored index is loaded and searchable. */
export const INDEX_LOADED_MARK = 'paperlens:index-loaded';

const sameState = (a: { papers: number; notes: number }, b: { papers: number; notes: number }) =>
  a.papers === b.papers && a.notes === b.notes;

/**
 * The searcher over the stored index. The popup never builds it (the background does, off the
 * UI thread): it loads what is stored, once `start` is true (after the first list is painted:
 * reading a large index must not hold that list up), asks the background to refresh it when
 * the papers or notes changed since, keeps searching the stale one meanwhile, and loads the new
 * one when it lands (the state row is followed live, so a note saved anywhere becomes searchable).
 * The papers and notes revisions it follows are returned too: the result rows drop what they
 * read before a change.
 */
export function useSearcher(
  db: PaperLensDB,
  start: boolean,
): { searcher: Searcher | null; error: string | null; building: boolean; revisions: RowStamp | undefined } {
  const live = useLiveQuery(
    async () => ({
      stored: await searchIndexState(db),
      current: { papers: await getRevision(db, 'papers'), notes: await getRevision(db, 'notes') },
    }),
    [db],
  );
  const [loaded, setLoaded] = useState<LoadedSearchIndex | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The state row each load was made for: a row that is unchanged is not read again.
  const loadedFor = useRef<SearchIndexState | null>(null);
  useEffect(() => {
    if (!live || !start) return;
    if (loadedFor.current && live.stored && sameState(loadedFor.current, live.stored)) return;
    let cancelled = false;
    const stored = live.stored;
    loadSearchIndex(db)
      .then((l) => {
        usePopupStore.getState().searchSettled();
        if (cancelled) return;
        setMissing(l === null);
        loadedFor.current = stored;
        if (l) {
          setLoaded(l);
          performance.mark(INDEX_LOADED_MARK);
        }
        setError(null);
      })
      .catch((e: unknown) => {
        usePopupStore.getState().searchSettled();
        setError(`The search index could not be loaded: ${errorMessage(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [db, live, start]);

  // A missing or stale index: the background brings it up to date (one refresh at a time).
  const stale = live !== undefined && (live.stored === null || !sameState(live.stored, live.current));
  useEffect(() => {
    if (!stale) return;
    toBackground
      .sendMessage('refreshSearchIndex')
      .catch((e: unknown) => setError(`The search index could not be updated: ${errorMessage(e)}`));
  }, [stale, live?.current.papers, live?.current.notes]);

  const searcher = useMemo(
    () => (loaded ? new Searcher(loaded.catalog, loaded.notes ?? buildNotesIndex(loaded.catalog, [])) : null),
    [loaded],
  );
  return { searcher, error, building: missing, revisions: live?.current };
}

/**
 * Ids of the papers the content script recognized on the active tab. A tab without the content
 * script (a new tab page, a store page) has none; that is not an error.
 */
export function useRecognizedPapers(): string[] {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    let cancelled = false;
    const ask = async (): Promise<string[]> => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return [];
      const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve([]), RECOGNIZED_TIMEOUT_MS));
      return Promise.race([toContent.sendMessage('recognizedPapers', undefined, tab.id), timeout]);
    };
    ask()
      .then((found) => {
        // An empty answer keeps the list as it is (no new array, no re-read).
        if (!cancelled && Array.isArray(found) && found.length > 0) setIds(found);
      })
      .catch(() => {
        // No content script on this tab: nothing was recognized.
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return ids;
}
