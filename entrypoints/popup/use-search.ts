import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { readNotes, type NotesSnapshot } from '@/lib/db/notes';
import { getRevision } from '@/lib/db/revisions';
import type { PaperLensDB } from '@/lib/db/schema';
import { loadCatalogIndex, loadNotesIndex, type LoadedIndex } from '@/lib/db/search-index';
import { toContent } from '@/lib/messaging/to-content';
import { Searcher } from '@/lib/search/search-index';
import type { TextIndex } from '@/lib/search/text-index';
import { errorMessage } from '@/lib/errors';

/** How long the active tab's content script gets to answer before the popup goes on without it. */
const RECOGNIZED_TIMEOUT_MS = 400;

let early: Promise<LoadedIndex> | null = null;

/**
 * Starts reading the stored index while the page's scripts are still starting up, so that the
 * first render finds it (nearly) ready; `useSearcher` takes this load over.
 */
export function preloadSearchIndex(db: PaperLensDB): void {
  early = loadCatalogIndex(db);
  // The hook reports a failure when it takes the promise over.
  early.catch(() => undefined);
}

/**
 * The searcher for the current papers and notes. Both parts are restored from the settings
 * table when stored for the current revisions, else built and stored for the next opening; the
 * notes part follows the notes table live, so a note saved anywhere is searchable at once.
 */
export function useSearcher(db: PaperLensDB): { searcher: Searcher | null; error: string | null } {
  const revision = useLiveQuery(() => getRevision(db, 'papers'), [db]);
  const snapshot = useLiveQuery(() => readNotes(db), [db]);
  const [loaded, setLoaded] = useState<LoadedIndex | null>(null);
  const [parts, setParts] = useState<{ catalog: LoadedIndex; snapshot: NotesSnapshot; notes: TextIndex } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (what: string) => (e: unknown) =>
    setError(`The search index could not be ${what}: ${errorMessage(e)}`);

  useEffect(() => {
    if (revision === undefined || loaded?.revision === revision) return;
    let cancelled = false;
    const pending = early ?? loadCatalogIndex(db);
    early = null;
    pending
      .then((l) => {
        if (cancelled) return;
        setLoaded(l);
        setError(null);
      })
      .catch(fail('loaded'));
    return () => {
      cancelled = true;
    };
  }, [db, revision, loaded?.revision]);

  useEffect(() => {
    if (!loaded || !snapshot) return;
    let cancelled = false;
    loadNotesIndex(db, loaded, snapshot)
      .then(({ index }) => {
        if (!cancelled) setParts({ catalog: loaded, snapshot, notes: index });
      })
      .catch(fail('updated with your notes'));
    return () => {
      cancelled = true;
    };
  }, [db, loaded, snapshot]);

  // The previous searcher stays in use until the parts for a newer revision are ready.
  const searcher = useMemo(
    () => (parts ? new Searcher(parts.catalog.index, parts.snapshot.notes, parts.notes) : null),
    [parts],
  );
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
      return Promise.race([toContent.sendMessage('recognizedPapers', undefined, tab.id), timeout]);
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
