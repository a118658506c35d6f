import { afterEach, beforeEach } from 'vitest';
import type { Catalog } from '../catalog/types';
import { loadCatalog } from './catalog-load';
import type { FileStore } from './opfs-file';
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

/** A file kept in memory, standing in for one in OPFS (lib/db/opfs-file.ts). For tests only. */
export function memoryFile(): FileStore & { bytes: ArrayBuffer | null } {
  const file = {
    bytes: null as ArrayBuffer | null,
    read: async () => file.bytes,
    write: async (bytes: Uint8Array) => void (file.bytes = bytes.slice().buffer),
    remove: async () => void (file.bytes = null),
  };
  return file;
}
