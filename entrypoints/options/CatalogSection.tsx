import { useLiveQuery } from 'dexie-react-hooks';
import { readCatalogStatus } from '@/lib/db/catalog-load';
import { getDb } from '@/lib/db/schema';

/** Which catalog is installed and how many papers it and the user have. */
export function CatalogSection() {
  const db = getDb();
  const status = useLiveQuery(() => readCatalogStatus(db), [db]);

  return (
    <section aria-labelledby="catalog-heading">
      <h2 id="catalog-heading">Catalog</h2>
      {!status ? (
        <p>Loading…</p>
      ) : (
        <dl className="facts" data-testid="catalog-status">
          <dt>Version</dt>
          <dd>{status.version ?? 'not loaded yet'}</dd>
          <dt>Catalog papers</dt>
          <dd>{status.papers - status.userPapers}</dd>
          <dt>Papers you saved</dt>
          <dd>{status.userPapers}</dd>
        </dl>
      )}
    </section>
  );
}
