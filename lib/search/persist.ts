import { getRevision } from '../db/revisions';
import type { PaperLensDB } from '../db/schema';
import { CatalogIndex, INDEX_FORMAT, type SerializedCatalogIndex } from './search-index';

/** Settings key of the serialized catalog index. */
export const SEARCH_INDEX_KEY = 'search:catalogIndex';

interface StoredIndex {
  format: number;
  /** The papers revision the index was built from. */
  revision: number;
  index: SerializedCatalogIndex;
}

export interface LoadedIndex {
  index: CatalogIndex;
  revision: number;
  /** 'stored' when restored from the settings table, 'built' when (re)built from the papers. */
  origin: 'stored' | 'built';
}

function isStoredIndex(value: unknown): value is StoredIndex {
  return typeof value === 'object' && value !== null && (value as StoredIndex).format === INDEX_FORMAT;
}

/**
 * The catalog search index for the current papers revision: restored from the settings table
 * when it was built for this revision, otherwise built from the papers and stored for the next
 * popup opening. Storing is awaited so a popup that closes right away still leaves it behind.
 */
export async function loadCatalogIndex(db: PaperLensDB): Promise<LoadedIndex> {
  const [revision, stored] = await Promise.all([getRevision(db, 'papers'), db.settings.get(SEARCH_INDEX_KEY)]);
  if (isStoredIndex(stored?.value) && stored.value.revision === revision) {
    return { index: CatalogIndex.deserialize(stored.value.index), revision, origin: 'stored' };
  }
  // Papers and their revision read together, so the stored index is labelled with what it holds.
  const { papers, current } = await db.transaction('r', db.papers, db.settings, async () => ({
    papers: await db.papers.toArray(),
    current: await getRevision(db, 'papers'),
  }));
  const index = CatalogIndex.build(papers);
  const value: StoredIndex = { format: INDEX_FORMAT, revision: current, index: index.serialize() };
  await db.transaction('rw', db.settings, async () => {
    // A newer papers revision may have landed meanwhile; its index must not be overwritten.
    if ((await getRevision(db, 'papers')) === current) await db.settings.put({ key: SEARCH_INDEX_KEY, value });
  });
  return { index, revision: current, origin: 'built' };
}
