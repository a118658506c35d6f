import { useLiveQuery } from 'dexie-react-hooks';
import { readCatalogStatus } from '@/lib/db/catalog-load';
import { readLibraryCounts } from '@/lib/db/library-counts';
import { getDb } from '@/lib/db/schema';

/** Which catalog is installed and how many papers it and the user have. */
export function CatalogSection() {
  const db = getDb();
  const status = useLiveQuery(() => readCatalogStatus(db), [db]);
  const counts = useLiveQuery(async () => (await readLibraryCounts(db)).papers, [db]);

  return (
    <section aria-labelledby="catalog-heading">
      <h2 id="catalog-heading">Catalog</h2>
      {!status || !counts ? (
        <p>Loading…</p>
      ) : (
        <dl className="facts" data-testid="catalog-status">
          <dt>Version</dt>
          <dd>{status.version ?? 'not loaded yet'}</dd>
          <dt>Catalog papers not in your library</dt>
          <dd>{counts.catalog}</dd>
          <dt>Papers you saved</dt>
          <dd>{counts.user}</dd>
          <dt>Papers from your library files</dt>
          <dd>{counts.library}</dd>
          <dt>Papers known from your reading history</dt>
          <dd>{counts.visit}</dd>
        </dl>
      )}
    </section>
  );
}
