/** One row of the settings table: small key/value data (catalog version, enabled sites, …). */
export interface Setting {
  key: string;
  value: unknown;
}

/**
 * The keys of the settings rows PaperLens writes. Plain constants outside lib/db, because the
 * export format (lib/notes) must tell the user's settings from PaperLens's bookkeeping.
 */
export const SETTING_KEYS = {
  /** The catalog version currently in the database. */
  catalogVersion: 'catalogVersion',
  /** Which default sites are off and which other origins are on. */
  sites: 'sites',
  /** Bumped by every write to the papers table (catalog load, user paper saved or deleted, import). */
  papersRevision: 'revision:papers',
  /** Bumped by every write to the notes table (save, import, delete). */
  notesRevision: 'revision:notes',
  /** The serialized catalog search index. */
  catalogIndex: 'search:catalogIndex',
  /** The stored title and id match index of lib/library/page-index (lib/db/page-index.ts). */
  pageIndex: 'match:pageIndex',
  /** A random token stored with each match index (lib/db/page-index.ts), naming it for the copy in a file. */
  pageIndexToken: 'match:pageIndexToken',
  /** The serialized notes search index. */
  notesIndex: 'search:notesIndex',
  /** Which papers and notes revisions the stored search indexes hold (small, followed live). */
  searchIndexState: 'search:state',
  /** True while the user has paused the reading history (it is on by default). */
  historyPaused: 'history:paused',
  /** Import sets whose papers still wait for their TL;DRs (lib/db/library-describe.ts). */
  libraryToDescribe: 'library:toDescribe',
  /** Papers per source, with the papers revision they were counted at (lib/db/library-counts.ts). */
  paperCounts: 'counts:papers',
  /** How many notes there are, with the notes revision it was counted at. */
  noteCount: 'counts:notes',
  /** The popup's first list as last read, with the revisions it was read at (lib/db/first-screen.ts). */
  firstScreen: 'popup:firstScreen',
} as const;

type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/**
 * What each settings row is, in one place (a new key does not compile until it is classified):
 * - `user`: the user's own choices. Exported, imported, removed by "delete all my data".
 * - `bookkeeping`: PaperLens's record of the catalog and of table revisions, and caches built
 *   from the catalog alone. Never exported or imported; kept by "delete all my data".
 * - `notes-cache`: derived from the user's notes (it holds their words). Never exported or
 *   imported; removed by "delete all my data" with the notes it was built from.
 */
const SETTING_ROLES: Record<SettingKey, 'user' | 'bookkeeping' | 'notes-cache'> = {
  [SETTING_KEYS.catalogVersion]: 'bookkeeping',
  [SETTING_KEYS.sites]: 'user',
  [SETTING_KEYS.papersRevision]: 'bookkeeping',
  [SETTING_KEYS.notesRevision]: 'bookkeeping',
  // Indexes every stored paper, the user's own too: goes with them.
  [SETTING_KEYS.catalogIndex]: 'notes-cache',
  [SETTING_KEYS.notesIndex]: 'notes-cache',
  // Holds the titles of the user's own papers (saved, imported): goes with them.
  [SETTING_KEYS.pageIndex]: 'notes-cache',
  // Goes with the index it names, so a copy of a deleted library's index is never believed.
  [SETTING_KEYS.pageIndexToken]: 'notes-cache',
  [SETTING_KEYS.searchIndexState]: 'notes-cache',
  [SETTING_KEYS.historyPaused]: 'user',
  // Names the user's import sets: goes with them.
  [SETTING_KEYS.libraryToDescribe]: 'notes-cache',
  // Numbers only, keyed on the revisions: stale (recounted) once the tables change.
  [SETTING_KEYS.paperCounts]: 'bookkeeping',
  [SETTING_KEYS.noteCount]: 'bookkeeping',
  // Holds papers and notes as the popup lists them: goes with them.
  [SETTING_KEYS.firstScreen]: 'notes-cache',
};

function roleOf(key: string) {
  return Object.hasOwn(SETTING_ROLES, key) ? SETTING_ROLES[key as SettingKey] : undefined;
}

/** A setting of the user's: the only rows an export writes and an import reads (unknown keys are not). */
export function isUserSetting(key: string): boolean {
  return roleOf(key) === 'user';
}

/** Kept by "delete all my data": the catalog's bookkeeping. Everything else there goes (unknown keys too). */
export function survivesDeleteAll(key: string): boolean {
  return roleOf(key) === 'bookkeeping';
}
