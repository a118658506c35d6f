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
  /** The serialized notes search index. */
  notesIndex: 'search:notesIndex',
} as const;

/** Settings that are bookkeeping or derived caches, not the user's: never exported, kept by "delete all". */
const INTERNAL_SETTINGS: readonly string[] = [
  SETTING_KEYS.catalogVersion,
  SETTING_KEYS.papersRevision,
  SETTING_KEYS.notesRevision,
  SETTING_KEYS.catalogIndex,
];

export function isInternalSetting(key: string): boolean {
  return INTERNAL_SETTINGS.includes(key);
}
