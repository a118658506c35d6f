import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { refreshFirstScreen } from '@/lib/db/first-screen';
import { storedLibraryCounts } from '@/lib/db/library-counts';
import { getDb } from '@/lib/db/schema';
import { errorMessage } from '@/lib/errors';
import { toBackground } from '@/lib/messaging/to-background';
import { replayPendingSaves } from '@/lib/notes/pending-saves';
import { Alerts } from './Alerts';
import { markOnce, OPEN_MARKS } from './open-marks';
import { usePopupStore } from './popup-store';
import { PopupFrame } from './PopupFrame';
import { SearchScreen } from './SearchScreen';

// One paper's view (the note editor, tag suggestions, TL;DR) is its own chunk: the first list
// does not wait for its code. It is fetched once the first screen is done, or at once by a deep link.
const loadPaperScreen = () => import('./PaperScreen');
const PaperScreen = lazy(() => loadPaperScreen().then((m) => ({ default: m.PaperScreen })));

/** The toolbar popup: catalog status, unsaved text recovered, then the search or one paper. */
export function App() {
  const db = getDb();
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const [recoveryError, setRecoveryError] = useState<string | null>(null);
  const openPaperId = usePopupStore((s) => s.openPaperId);
  // The footer's counts as stored with the revisions they were counted at (two small reads).
  // Counting a large library walks every paper's index entry, and IndexedDB runs the popup's
  // other reads after it; the background recounts what changed when asked for the catalog status
  // below, once the first list is shown and the search index read (or a paper view is open).
  const afterFirstScreen = usePopupStore((s) => s.searchReady || s.openPaperId !== null);
  const [storedCounts] = useState(() => {
    const screen = usePopupStore.getState().firstScreen;
    return screen ? { stored: screen.counts } : undefined;
  });
  const counts = useLiveQuery(async () => ({ stored: await storedLibraryCounts(db) }), [db], storedCounts);
  /** Replayed saves that met a newer note written elsewhere; the options page lets the user choose. */
  const [recovered, setRecovered] = useState(0);
  /** True while unsaved text journaled by an earlier window is being saved (its alerts may still come). */
  const [replaying, setReplaying] = useState(true);

  useLayoutEffect(() => {
    markOnce(OPEN_MARKS.rendered);
  }, []);

  useEffect(() => {
    replayPendingSaves(localStorage, (input) => toBackground.sendMessage('saveNote', input))
      .then((conflicts) => setRecovered(conflicts.length))
      .catch((e: unknown) => setRecoveryError(errorMessage(e)))
      .finally(() => setReplaying(false));
  }, []);

  useEffect(() => {
    if (afterFirstScreen) void loadPaperScreen();
  }, [afterFirstScreen]);

  // The next popup's first list from one read: the first screen stored again once this one is
  // done, and whenever the counts change while it is open (every change to papers or notes
  // changes their revisions). A failure only costs the next popup the longer path.
  useEffect(() => {
    if (afterFirstScreen) refreshFirstScreen(db).catch(() => undefined);
  }, [afterFirstScreen, db, counts]);

  // Asking the background for its status makes it load the catalog if it has not yet, and store
  // the counts if they changed (the live query above then shows them). Not at once: waking the
  // service worker (evaluating its script, its reads) would compete with the first list.
  const stale = counts !== undefined && counts.stored === null;
  const asked = useRef<'no' | 'asking' | 'answered'>('no');
  useEffect(() => {
    if (!afterFirstScreen || asked.current === 'asking' || (asked.current === 'answered' && !stale)) return;
    asked.current = 'asking';
    toBackground
      .sendMessage('catalogStatus')
      .then(() => setCatalogError(null))
      .catch((e: unknown) => setCatalogError(errorMessage(e)))
      .finally(() => (asked.current = 'answered'));
  }, [afterFirstScreen, stale, counts]);

  return (
    <PopupFrame busy={replaying} counts={counts?.stored?.papers}>
      <Alerts
        catalogError={catalogError}
        recoveryError={recoveryError}
        recovered={recovered}
        onCompare={() => void browser.runtime.openOptionsPage()}
      />
      {openPaperId ? (
        <Suspense fallback={<p className="pl-status">Loading…</p>}>
          <PaperScreen id={openPaperId} />
        </Suspense>
      ) : (
        <SearchScreen />
      )}
    </PopupFrame>
  );
}
