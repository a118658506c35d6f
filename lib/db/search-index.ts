import { buildNotesIndex, CatalogIndex, INDEX_FORMAT, type SerializedCatalogIndex } from '../search/search-index';
import { TextIndex, type SerializedTextIndex } from '../search/text-index';
import { SETTING_KEYS } from '../settings';
import type { NotesSnapshot } from './notes';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';

export const SEARCH_INDEX_KEY = SETTING_KEYS.catalogIndex;
const NOTES_INDEX_KEY = SETTING_KEYS.notesIndex;

/*
 * The search indexes of lib/search, kept in the settings table between popup openings, each
 * labelled with the revisions it was built from.
 */

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

interface StoredNotesIndex {
  format: number;
  papersRevision: number;
  notesRevision: number;
  index: SerializedTextIndex;
}

function isStoredNotesIndex(value: unknown): value is StoredNotesIndex {
  return typeof value === 'object' && value !== null && (value as StoredNotesIndex).format === INDEX_FORMAT;
}

/**
 * The notes index for a catalog index and a notes snapshot: restored when stored for the same
 * papers and notes revisions (its ordinals are the catalog index's), else built and stored.
 */
export async function loadNotesIndex(
  db: PaperLensDB,
  catalog: LoadedIndex,
  snapshot: NotesSnapshot,
): Promise<{ index: TextIndex; origin: 'stored' | 'built' }> {
  const stored = (await db.settings.get(NOTES_INDEX_KEY))?.value;
  if (
    isStoredNotesIndex(stored) &&
    stored.papersRevision === catalog.revision &&
    stored.notesRevision === snapshot.revision
  ) {
    return { index: TextIndex.deserialize(stored.index), origin: 'stored' };
  }
  const index = buildNotesIndex(catalog.index, snapshot.notes);
  const value: StoredNotesIndex = {
    format: INDEX_FORMAT,
    papersRevision: catalog.revision,
    notesRevision: snapshot.revision,
    index: index.serialize(),
  };
  await db.transaction('rw', db.settings, async () => {
    const current = (await getRevision(db, 'papers')) === catalog.revision && (await getRevision(db, 'notes')) === snapshot.revision;
    if (current) await db.settings.put({ key: NOTES_INDEX_KEY, value });
  });
  return { index, origin: 'built' };
}
