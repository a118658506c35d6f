import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { getRevision } from '@/lib/db/revisions';
import type { PaperLensDB } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { loadCatalogIndex, type LoadedIndex } from '@/lib/search/persist';
import { Searcher } from '@/lib/search/search-index';

/** How long the active tab's content script gets to answer before the popup goes on without it. */
const RECOGNIZED_TIMEOUT_MS = 400;

/**
 * The searcher for the current papers and notes. The catalog part is restored from (or built
 * into) the settings table whenever the papers revision changes; the notes part follows the
 * notes table live, so a note saved anywhere is searchable at once.
 */
export function useSearcher(db: PaperLensDB): { searcher: Searcher | null; error: string | null } {
  const revision = useLiveQuery(() => getRevision(db, 'papers'), [db]);
  const notes = useLiveQuery(() => db.notes.toArray(), [db]);
  const [loaded, setLoaded] = useState<LoadedIndex | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (revision === undefined || loaded?.revision === revision) return;
    let cancelled = false;
    loadCatalogIndex(db)
      .then((l) => {
        if (cancelled) return;
        setLoaded(l);
        setError(null);
        // Typo lookups need the trigram table; build it before the user's fourth letter does.
        setTimeout(() => l.index.text.warm(), 0);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(`The search index could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [db, revision, loaded?.revision]);

  const searcher = useMemo(() => (loaded && notes ? new Searcher(loaded.index, notes) : null), [loaded, notes]);
  return { searcher, error };
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
      return Promise.race([sendMessage('recognizedPapers', undefined, tab.id), timeout]);
    };
    ask()
      .then((found) => {
        if (!cancelled && Array.isArray(found)) setIds(found);
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
