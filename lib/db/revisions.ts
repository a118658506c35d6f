import { SETTING_KEYS } from '../settings';
import type { PaperLensDB } from './schema';

/**
 * Revision counters in the settings table. Caches derived from the database (the title match
 * index, the serialized search index) key themselves on these, so they are rebuilt exactly when
 * what they index changes, including after the service worker or popup was restarted.
 */
const REVISION_KEYS = {
  papers: SETTING_KEYS.papersRevision,
  notes: SETTING_KEYS.notesRevision,
} as const;

export type RevisionName = keyof typeof REVISION_KEYS;

/** Increments a revision; call inside the transaction that made the change (include db.settings). */
export async function bumpRevision(db: PaperLensDB, name: RevisionName): Promise<number> {
  const key = REVISION_KEYS[name];
  const current = (await db.settings.get(key))?.value;
  const next = (typeof current === 'number' ? current : 0) + 1;
  await db.settings.put({ key, value: next });
  return next;
}

/** The current value of a revision (0 before the first write). */
export async function getRevision(db: PaperLensDB, name: RevisionName): Promise<number> {
  const value = (await db.settings.get(REVISION_KEYS[name]))?.value;
  return typeof value === 'number' ? value : 0;
}
