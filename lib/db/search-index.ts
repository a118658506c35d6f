import type { StoredPaper } from '../catalog/types';
import {
  buildNotesIndex,
  CatalogIndex,
  CatalogIndexBuilder,
  INDEX_FORMAT,
  NotesIndex,
  type SerializedCatalogIndex,
  type SerializedNotesIndex,
} from '../search/search-index';
import { inflateInBackground } from '../search/names';
import { SETTING_KEYS } from '../settings';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';

/*
 * The search indexes of lib/search, kept in the settings table: the catalog part (every stored
 * paper, whatever its source: catalog, saved, imported, visited) and the notes part, each
 * labelled with the revisions it was built from, plus a small state row that pages follow live
 * to learn that a newer index landed.
 *
 * Only the background builds them (`refreshSearchIndex`, through `searchIndexRefresher`), off
 * every page's UI thread; pages only read what is stored. Anything that writes papers or notes
 * bumps their revision, and the stored index is then stale: the background refreshes it after
 * its own writes, and a page that finds it stale asks the background to (the
 * `refreshSearchIndex` message). A stale index is still used until the new one lands.
 */

export const SEARCH_INDEX_KEY = SETTING_KEYS.catalogIndex;
const NOTES_INDEX_KEY = SETTING_KEYS.notesIndex;
const STATE_KEY = SETTING_KEYS.searchIndexState;

interface StoredCatalogIndex {
  format: number;
  /** The papers revision the index was built from. */
  revision: number;
  index: SerializedCatalogIndex;
}

interface StoredNotesIndex {
  format: number;
  papersRevision: number;
  notesRevision: number;
  index: SerializedNotesIndex;
}

/** Which revisions the stored indexes hold: small, so pages can follow it live. */
export interface SearchIndexState {
  papers: number;
  notes: number;
}

function isStored<T extends { format: number }>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && (value as T).format === INDEX_FORMAT;
}

export interface LoadedSearchIndex {
  catalog: CatalogIndex;
  /** The notes part for this catalog part; null while none was built for it. */
  notes: NotesIndex | null;
  /** The papers and notes revisions it was built from. */
  built: SearchIndexState;
  /** The revisions in the database now: the index is stale when they differ. */
  current: SearchIndexState;
}

/** The state row as stored: the revisions, and the index format they were built in. */
interface StoredState extends SearchIndexState {
  format: number;
}

/**
 * The stored state row (which revisions the stored indexes hold), or null before the first
 * build, and when the indexes are in an older format: a page then asks the background for a
 * refresh, which rebuilds them, as it does for a missing index.
 */
export async function searchIndexState(db: PaperLensDB): Promise<SearchIndexState | null> {
  const value = (await db.settings.get(STATE_KEY))?.value as Partial<StoredState> | undefined;
  return value && value.format === INDEX_FORMAT && typeof value.papers === 'number' && typeof value.notes === 'number'
    ? { papers: value.papers, notes: value.notes }
    : null;
}

/**
 * The stored search index, as stored (possibly stale), or null when none is stored in this
 * format yet. Never builds: that is the background's job.
 */
export async function loadSearchIndex(db: PaperLensDB): Promise<LoadedSearchIndex | null> {
  const [catalogRow, notesRow, papers, notes] = await db.transaction('r', db.settings, () =>
    Promise.all([db.settings.get(SEARCH_INDEX_KEY), db.settings.get(NOTES_INDEX_KEY), getRevision(db, 'papers'), getRevision(db, 'notes')]),
  );
  const stored = catalogRow?.value;
  if (!isStored<StoredCatalogIndex>(stored)) return null;
  const catalog = await CatalogIndex.deserialize(stored.index);
  inflateInBackground(catalog.names);
  const notesValue = notesRow?.value;
  const notesFit = isStored<StoredNotesIndex>(notesValue) && notesValue.papersRevision === stored.revision;
  const notesIndex = notesFit ? NotesIndex.deserialize(notesValue.index) : null;
  // A small library's postings are decoded whole once, off the load's critical path.
  setTimeout(() => {
    catalog.text.decodeAllIfSmall();
    notesIndex?.text.decodeAllIfSmall();
  }, 0);
  return {
    catalog,
    notes: notesIndex,
    built: { papers: stored.revision, notes: notesFit ? notesValue.notesRevision : -1 },
    current: { papers, notes },
  };
}

/** Papers read per transaction while building: keeps memory flat and lets other work in between. */
const BUILD_BATCH = 2000;

/** Every stored paper in id order, a batch per transaction. */
async function forEachPaper(db: PaperLensDB, visit: (p: StoredPaper) => void): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const batch: StoredPaper[] = await (from === null ? db.papers.orderBy('id') : db.papers.where('id').above(from))
      .limit(BUILD_BATCH)
      .toArray();
    for (const p of batch) visit(p);
    if (batch.length < BUILD_BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

export interface RefreshResult {
  /** Which parts were rebuilt (none when both were current). */
  rebuilt: ('catalog' | 'notes')[];
  state: SearchIndexState;
  /** The catalog part now stored, for the next refresh to reuse (undefined when it was current and not in memory: it was not read). */
  catalog: KnownCatalog | undefined;
}

/** A catalog part already in memory and the papers revision it holds. */
export interface KnownCatalog {
  revision: number;
  index: CatalogIndex;
}

/**
 * Brings the stored indexes up to the current papers and notes: the catalog part when the
 * papers changed (read in batches, in id order), the notes part when the notes or the catalog
 * part changed. Each part is labelled with the revision read before building; if the data
 * changed meanwhile, the next refresh sees it stale and builds again.
 */
export async function refreshSearchIndex(db: PaperLensDB, known?: KnownCatalog): Promise<RefreshResult> {
  // Most requests find both parts current (a visit to a known paper, a worker woken by a page):
  // the small state row tells, without reading the stored parts (about 15 MB at 100,000 papers,
  // seconds of the worker's time and of IndexedDB's, which the popup's first reads queue behind).
  const [current, papersNow, notesNow] = await db.transaction('r', db.settings, () =>
    Promise.all([searchIndexState(db), getRevision(db, 'papers'), getRevision(db, 'notes')]),
  );
  if (current && current.papers === papersNow && current.notes === notesNow) {
    return { rebuilt: [], state: current, catalog: known?.revision === papersNow ? known : undefined };
  }
  const rebuilt: RefreshResult['rebuilt'] = [];
  const [papersRevision, notesRevision, catalogRow, notesRow] = await db.transaction('r', db.settings, () =>
    Promise.all([getRevision(db, 'papers'), getRevision(db, 'notes'), db.settings.get(SEARCH_INDEX_KEY), db.settings.get(NOTES_INDEX_KEY)]),
  );
  const stored = catalogRow?.value;
  let catalog: CatalogIndex;
  if (isStored<StoredCatalogIndex>(stored) && stored.revision === papersRevision) {
    catalog = known?.revision === papersRevision ? known.index : await CatalogIndex.deserialize(stored.index);
  } else {
    const builder = new CatalogIndexBuilder();
    await forEachPaper(db, (p) => builder.add(p));
    catalog = builder.finish();
    const value: StoredCatalogIndex = { format: INDEX_FORMAT, revision: papersRevision, index: catalog.serialize() };
    await db.settings.put({ key: SEARCH_INDEX_KEY, value });
    rebuilt.push('catalog');
  }
  const notesValue = notesRow?.value;
  const notesCurrent =
    rebuilt.length === 0 &&
    isStored<StoredNotesIndex>(notesValue) &&
    notesValue.papersRevision === papersRevision &&
    notesValue.notesRevision === notesRevision;
  if (!notesCurrent) {
    const notes = await db.notes.toArray();
    const value: StoredNotesIndex = {
      format: INDEX_FORMAT,
      papersRevision,
      notesRevision,
      index: buildNotesIndex(catalog, notes).serialize(),
    };
    await db.settings.put({ key: NOTES_INDEX_KEY, value });
    rebuilt.push('notes');
  }
  const state: SearchIndexState = { papers: papersRevision, notes: notesRevision };
  if (rebuilt.length > 0) await db.settings.put({ key: STATE_KEY, value: { ...state, format: INDEX_FORMAT } satisfies StoredState });
  return { rebuilt, state, catalog: { revision: papersRevision, index: catalog } };
}

/**
 * One refresh at a time, for the background: a request during a refresh runs one more after
 * it (the data may have changed after the running one read its revisions), and any number of
 * requests meanwhile share that one. The catalog part stays in memory between refreshes (a
 * cache: a note saved rebuilds only the notes part, without reading the catalog part again).
 */
export function searchIndexRefresher(db: PaperLensDB): { request(): Promise<void> } {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let known: KnownCatalog | undefined;
  const run = (): Promise<void> => {
    running = refreshSearchIndex(db, known)
      .then((result) => {
        known = result.catalog ?? known;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    request() {
      if (!running) return run();
      queued ??= running.catch(() => undefined).then(() => {
        queued = null;
        return run();
      });
      return queued;
    },
  };
}
