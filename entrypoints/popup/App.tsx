import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { countPapersBySource } from '@/lib/db/library-import';
import { getDb } from '@/lib/db/schema';
import { errorMessage } from '@/lib/errors';
import { toBackground } from '@/lib/messaging/to-background';
import { replayPendingSaves } from '@/lib/notes/pending-saves';
import { Alerts } from './Alerts';
import { Footer } from './Footer';
import { PaperScreen } from './PaperScreen';
import { usePopupStore } from './popup-store';
import { SearchScreen } from './SearchScreen';

/** The toolbar popup: catalog status, unsaved text recovered, then the search or one paper. */
export function App() {
  const db = getDb();
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const [recoveryError, setRecoveryError] = useState<string | null>(null);
  const openPaperId = usePopupStore((s) => s.openPaperId);
  // Counting a large library walks every paper's index entry (15 s at 100,000 papers on a loaded
  // machine), and IndexedDB runs the popup's other reads after it: the count waits until the
  // first list is shown and the search index read (or a paper view is open).
  const countNow = usePopupStore((s) => s.searchReady || s.openPaperId !== null);
  const counts = useLiveQuery(() => (countNow ? countPapersBySource(db) : undefined), [db, countNow]);
  /** Replayed saves that met a newer note written elsewhere; the options page lets the user choose. */
  const [recovered, setRecovered] = useState(0);
  /** True while unsaved text journaled by an earlier window is being saved (its alerts may still come). */
  const [replaying, setReplaying] = useState(true);

  useEffect(() => {
    // Asking the background for its status makes it load the catalog if it has not yet.
    toBackground.sendMessage('catalogStatus').catch((e: unknown) => setCatalogError(errorMessage(e)));
    replayPendingSaves(localStorage, (input) => toBackground.sendMessage('saveNote', input))
      .then((conflicts) => setRecovered(conflicts.length))
      .catch((e: unknown) => setRecoveryError(errorMessage(e)))
      .finally(() => setReplaying(false));
  }, []);

  return (
    <main className="popup" aria-busy={replaying}>
      <header className="pl-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>PaperLens</h1>
      </header>
      <Alerts
        catalogError={catalogError}
        recoveryError={recoveryError}
        recovered={recovered}
        onCompare={() => void browser.runtime.openOptionsPage()}
      />
      {openPaperId ? <PaperScreen id={openPaperId} /> : <SearchScreen />}
      <Footer counts={counts} />
    </main>
  );
}
