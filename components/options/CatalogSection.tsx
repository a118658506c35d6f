import { useLiveQuery } from 'dexie-react-hooks';
import { CATALOG_VERSION_KEY } from '@/lib/db/catalog-load';
import { getDb } from '@/lib/db/schema';

/** Which catalog is installed and how many papers it and the user have. */
export function CatalogSection() {
  const db = getDb();
  const status = useLiveQuery(async () => {
    const version = (await db.settings.get(CATALOG_VERSION_KEY))?.value;
    return {
      version: typeof version === 'string' ? version : null,
      catalog: await db.papers.where('source').equals('catalog').count(),
      user: await db.papers.where('source').equals('user').count(),
    };
  }, [db]);

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
          <dd>{status.catalog}</dd>
          <dt>Papers you saved</dt>
          <dd>{status.user}</dd>
        </dl>
      )}
    </section>
  );
}
