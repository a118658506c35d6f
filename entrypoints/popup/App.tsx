import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';

export function App() {
  const db = getDb();
  const [error, setError] = useState<string | null>(null);
  const papers = useLiveQuery(() => db.papers.count(), [db]);

  useEffect(() => {
    // Asking the background for its status makes it load the catalog if it has not yet.
    sendMessage('catalogStatus').catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main className="popup">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>PaperLens</h1>
      </header>
      {error ? (
        <p role="alert" className="error">The catalog could not be loaded: {error}</p>
      ) : (
        <p data-testid="catalog-count">{papers === undefined ? 'Loading…' : `${papers} papers in your catalog`}</p>
      )}
    </main>
  );
}
