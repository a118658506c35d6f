import { useEffect, useState } from 'react';
import { formatBytes } from '@/lib/notes/storage-errors';
import { errorMessage } from '@/lib/errors';

interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  error: string | null;
}

async function readStorage(): Promise<StorageState> {
  if (!navigator.storage) return { persisted: null, usage: null, quota: null, error: 'This browser does not report storage.' };
  // Asked once, harmlessly: the data is kept either way (see below); a browser may grant it.
  let persisted = await navigator.storage.persisted();
  if (!persisted) persisted = await navigator.storage.persist();
  const { usage, quota } = await navigator.storage.estimate();
  return { persisted, usage: usage ?? null, quota: quota ?? null, error: null };
}

/**
 * What each browser does with PaperLens's data, as its makers document it: Chrome exempts an
 * extension with the `unlimitedStorage` permission from quota and eviction, and does not clear
 * extension storage with "Clear browsing data" (developer.chrome.com, "Storage and cookies");
 * Firefox's quota manager never evicts moz-extension origins (dom/quota's
 * test_persist_eviction.js). Both delete it when the extension is uninstalled.
 */
const KEPT = import.meta.env.FIREFOX
  ? 'Firefox never deletes an extension’s data to free disk space.'
  : 'Chrome does not delete it to free disk space (PaperLens has the “unlimited storage” permission, which exempts it), and “Clear browsing data” leaves it alone.';

/** Says how PaperLens's data is kept, and how much it uses. */
export function StorageSection() {
  const [state, setState] = useState<StorageState | null>(null);

  useEffect(() => {
    readStorage().then(setState, (error: unknown) => setState({ persisted: null, usage: null, quota: null, error: errorMessage(error) }));
  }, []);

  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <p data-testid="storage-kept">
        Your notes and saved papers stay in this browser until you delete them or uninstall PaperLens. {KEPT} Uninstalling
        PaperLens deletes them, so export first if you uninstall.
      </p>
      {!state ? (
        <p>Checking…</p>
      ) : (
        <>
          {state.error && (
            <p role="alert" className="error">
              {state.error}
            </p>
          )}
          {state.persisted === false && (
            <p className="muted" data-testid="storage-persisted">
              The browser’s storage check says “not persistent”. That flag is how a website asks to be kept; PaperLens is kept
              as described above without it, so nothing needs doing.
            </p>
          )}
          {state.usage !== null && (
            <p data-testid="storage-usage">
              Using {formatBytes(state.usage)}
              {state.quota !== null && ` of ${formatBytes(state.quota)} available`}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
