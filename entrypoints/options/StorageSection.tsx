import { useEffect, useState } from 'react';
import { formatBytes } from '@/lib/notes/storage-errors';
import { errorMessage } from '@/lib/errors';

interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  error: string | null;
}

async function readStorage(requestPersist: boolean): Promise<StorageState> {
  if (!navigator.storage) return { persisted: null, usage: null, quota: null, error: 'This browser does not report storage.' };
  let persisted = await navigator.storage.persisted();
  // Without persistence the browser may evict the database under disk pressure, notes included.
  if (!persisted && requestPersist) persisted = await navigator.storage.persist();
  const { usage, quota } = await navigator.storage.estimate();
  return { persisted, usage: usage ?? null, quota: quota ?? null, error: null };
}

/** Asks for persistent storage on load and shows how much PaperLens uses. */
export function StorageSection() {
  const [state, setState] = useState<StorageState | null>(null);
  const refresh = (requestPersist: boolean) =>
    readStorage(requestPersist).then(setState, (error: unknown) =>
      setState({ persisted: null, usage: null, quota: null, error: errorMessage(error) }),
    );

  useEffect(() => {
    void refresh(true);
  }, []);

  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {!state ? (
        <p>Checking…</p>
      ) : (
        <>
          {state.error && (
            <p role="alert" className="error">
              {state.error}
            </p>
          )}
          <p data-testid="storage-persisted">
            {state.persisted === true
              ? 'Persistent: the browser will not delete your notes to free space.'
              : state.persisted === false
                ? 'Not persistent: the browser may delete PaperLens data when disk space runs low. Export regularly.'
                : ''}
          </p>
          {state.usage !== null && (
            <p data-testid="storage-usage">
              Using {formatBytes(state.usage)}
              {state.quota !== null && ` of ${formatBytes(state.quota)} available`}.
            </p>
          )}
          <button type="button" onClick={() => void refresh(true)}>
            {state.persisted ? 'Refresh' : 'Ask again for persistent storage'}
          </button>
        </>
      )}
    </section>
  );
}
