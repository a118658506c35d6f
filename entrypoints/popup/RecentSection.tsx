import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { RecentlyRead } from '@/components/RecentlyRead';
import { loadHistory } from '@/lib/db/history-read';
import type { PaperLensDB } from '@/lib/db/schema';
import type { HistoryEntry } from '@/lib/library';

/** Papers shown in the popup's empty state; the options page lists them all. */
const SHOWN = 8;

/** "Recently read" under the empty search: the latest papers the user opened. */
export function RecentSection({ db, onOpenPaper }: { db: PaperLensDB; onOpenPaper: (id: string) => void }) {
  // Read with the time, so "5 minutes ago" is as of the latest change.
  const recent = useLiveQuery(async () => ({ entries: await loadHistory(db, SHOWN), now: Date.now() }), [db]);
  if (!recent?.entries.length) return null;
  const open = (entry: HistoryEntry) => {
    if (entry.paperId) onOpenPaper(entry.paperId);
    else void browser.tabs.create({ url: entry.url });
  };
  return (
    <section className="pl-recent-section" aria-labelledby="pl-recent-heading">
      <h2 id="pl-recent-heading" className="pl-recent-heading">
        Recently read
      </h2>
      <RecentlyRead entries={recent.entries} onOpen={open} now={recent.now} />
    </section>
  );
}
