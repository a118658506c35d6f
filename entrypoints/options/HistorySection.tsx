import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { RecentlyRead } from '@/components/RecentlyRead';
import { clearHistory, isHistoryPaused, setHistoryPaused } from '@/lib/db/history';
import { countHistory, loadHistory } from '@/lib/db/history-read';
import { getDb } from '@/lib/db/schema';
import { errorMessage } from '@/lib/errors';
import { toBackground } from '@/lib/messaging/to-background';
import type { HistoryEntry } from '@/lib/library';
import { plural } from '@/lib/plural';

/** Entries listed at first; the filter searches them all. */
const SHOWN = 50;

/** The reading history: what was opened, a switch to pause it, and "Clear history". */
export function HistorySection() {
  const db = getDb();
  const paused = useLiveQuery(() => isHistoryPaused(db), [db]);
  const count = useLiveQuery(() => countHistory(db), [db]);
  // Read with the time, so "5 minutes ago" is as of the latest change.
  const history = useLiveQuery(async () => ({ entries: await loadHistory(db), now: Date.now() }), [db]);
  const entries = history?.entries;
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const needle = filter.trim().toLowerCase();
  const shown = (entries ?? []).filter((e) => !needle || e.title.toLowerCase().includes(needle)).slice(0, needle ? undefined : SHOWN);

  const fail = (what: string) => (e: unknown) => setStatus({ kind: 'error', text: `${what}: ${errorMessage(e)}` });
  const toggle = (on: boolean) => {
    setStatus(null);
    setHistoryPaused(db, !on).catch(fail('The setting could not be saved'));
  };
  const clear = () => {
    setStatus(null);
    clearHistory(db).then(
      ({ cleared }) => {
        setStatus({ kind: 'ok', text: `History cleared: ${plural(cleared, 'paper', 'papers')} forgotten. Your notes stay.` });
        // The popup's search index forgets the visited papers too.
        toBackground.sendMessage('refreshSearchIndex').catch(fail('The search index could not be updated'));
      },
      fail('The history could not be cleared'),
    );
  };
  const open = (entry: HistoryEntry) => {
    const url = entry.paperId ? browser.runtime.getURL(`/popup.html?paper=${encodeURIComponent(entry.paperId)}`) : entry.url;
    void browser.tabs.create({ url });
  };

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Recently read</h2>
      <p className="muted">
        PaperLens remembers the papers whose arXiv, Hugging Face or alphaXiv pages you open, with the time, so you can find them
        again. The history stays in this browser; nothing is sent anywhere.
      </p>
      <div className="row">
        <label>
          <input type="checkbox" checked={paused === false} disabled={paused === undefined} onChange={(e) => toggle(e.target.checked)} />{' '}
          Remember the papers I open
        </label>
        <button type="button" onClick={clear} disabled={!count}>
          Clear history
        </button>
        <span className="muted" data-testid="history-count">
          {count === undefined ? '' : plural(count, 'paper', 'papers')}
        </span>
      </div>
      {paused && <p className="muted">Paused: papers you open now are not remembered.</p>}
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind}>
          {status.text}
        </p>
      )}
      {entries && entries.length > 0 && (
        <>
          <input type="search" aria-label="Filter your reading history" placeholder="Filter by title" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <RecentlyRead entries={shown} onOpen={open} now={history!.now} />
        </>
      )}
    </section>
  );
}
