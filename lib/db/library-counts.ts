import type { PaperSource } from '../catalog/types';
import { SETTING_KEYS } from '../settings';
import { getRevision, type RevisionName } from './revisions';
import type { PaperLensDB } from './schema';

/*
 * How many papers each source holds and how many notes there are, for the popup's footer and
 * the catalog status. IndexedDB counts by walking every key (at 100,000 papers, seconds on a
 * loaded machine, and other reads of the database queue behind it), so each count is stored
 * in the settings table with the revision it was counted at and used while that revision is
 * current. Every write to papers or notes bumps its revision (lib/db/revisions.ts), so a stored
 * count is never used after the table changed, whoever wrote it (an import worker, a bench
 * seeding raw IndexedDB): no writer has to keep a counter right.
 */

export type PaperCounts = Record<PaperSource, number>;

export interface LibraryCounts {
  /** Papers per source (a catalog paper in the user's library counts as theirs). */
  papers: PaperCounts;
  notes: number;
}

const SOURCES: readonly PaperSource[] = ['catalog', 'user', 'library', 'visit'];

interface StoredCount<T> {
  revision: number;
  value: T;
}

const PARTS = {
  papers: { key: SETTING_KEYS.paperCounts, revision: 'papers' },
  notes: { key: SETTING_KEYS.noteCount, revision: 'notes' },
} as const satisfies Record<keyof LibraryCounts, { key: string; revision: RevisionName }>;

type Part = keyof typeof PARTS;

/** How many papers each source holds, counted now (a walk of the source index). */
export async function countPapersBySource(db: PaperLensDB): Promise<PaperCounts> {
  return db.transaction('r', db.papers, async () => {
    const counts = await Promise.all(SOURCES.map((source) => db.papers.where('source').equals(source).count()));
    return Object.fromEntries(SOURCES.map((source, i) => [source, counts[i]!])) as PaperCounts;
  });
}

const counters: { [P in Part]: (db: PaperLensDB) => Promise<LibraryCounts[P]> } = {
  papers: countPapersBySource,
  notes: (db) => db.notes.count(),
};

function isStoredCount(value: unknown): value is StoredCount<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as StoredCount<unknown>).revision === 'number' && 'value' in value;
}

/** The stored count of `part` if it was counted at the current revision, else undefined. */
async function storedPart<P extends Part>(db: PaperLensDB, part: P): Promise<LibraryCounts[P] | undefined> {
  const [row, revision] = await Promise.all([db.settings.get(PARTS[part].key), getRevision(db, PARTS[part].revision)]);
  const stored = row?.value;
  return isStoredCount(stored) && stored.revision === revision ? (stored.value as LibraryCounts[P]) : undefined;
}

/** The stored counts when both are current (two small reads, never a count); null otherwise. */
export async function storedLibraryCounts(db: PaperLensDB): Promise<LibraryCounts | null> {
  const [papers, notes] = await db.transaction('r', db.settings, () => Promise.all([storedPart(db, 'papers'), storedPart(db, 'notes')]));
  return papers && notes !== undefined ? { papers, notes } : null;
}

/** A part from its stored count, or counted now with the revision it was counted at. */
async function readPart<P extends Part>(db: PaperLensDB, part: P): Promise<{ value: LibraryCounts[P]; counted?: StoredCount<LibraryCounts[P]> }> {
  const table = part === 'papers' ? db.papers : db.notes;
  return db.transaction('r', db.settings, table, async () => {
    const stored = await storedPart(db, part);
    if (stored !== undefined) return { value: stored };
    // The revision read in the same transaction as the count: a write made after it bumps the
    // revision, so the count stored below is never taken for a later state.
    const [value, revision] = await Promise.all([counters[part](db), getRevision(db, PARTS[part].revision)]);
    return { value, counted: { revision, value } };
  });
}

/**
 * The counts, from what is stored where it is current, else counted (read only: usable in a
 * live query; nothing is stored).
 */
export async function readLibraryCounts(db: PaperLensDB): Promise<LibraryCounts> {
  const [papers, notes] = await Promise.all([readPart(db, 'papers'), readPart(db, 'notes')]);
  return { papers: papers.value, notes: notes.value };
}

/** The counts as readLibraryCounts gives them, storing what had to be counted for the next reader. */
export async function refreshLibraryCounts(db: PaperLensDB): Promise<LibraryCounts> {
  const [papers, notes] = await Promise.all([readPart(db, 'papers'), readPart(db, 'notes')]);
  const rows = [
    ...(papers.counted ? [{ key: PARTS.papers.key, value: papers.counted }] : []),
    ...(notes.counted ? [{ key: PARTS.notes.key, value: notes.counted }] : []),
  ];
  if (rows.length) await db.settings.bulkPut(rows);
  return { papers: papers.value, notes: notes.value };
}
