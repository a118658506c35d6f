import { afterEach, beforeEach } from 'vitest';
import type { Catalog } from '../catalog/types';
import { loadCatalog } from './catalog-load';
import { PaperLensDB } from './schema';

/**
 * Gives every test of the calling file its own database (fake-indexeddb), deleted afterwards,
 * loaded with `catalog` when one is given. `assign` receives each new instance, so tests keep
 * using a plain `db` variable. For tests only.
 */
export function useFreshDb(prefix: string, assign: (db: PaperLensDB) => void, catalog?: Catalog): void {
  let n = 0;
  let current: PaperLensDB | undefined;
  beforeEach(async () => {
    current = new PaperLensDB(`${prefix}-${n++}`);
    assign(current);
    if (catalog) await loadCatalog(current, catalog);
  });
  afterEach(async () => {
    await current?.delete();
  });
}
