import type { StoredPaper } from '../catalog/types';
import { describeImported, needsDescription } from '../library/describe';
import { SETTING_KEYS } from '../settings';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

/*
 * TL;DRs after an import. Summarizing an abstract costs about a millisecond, more than reading
 * and storing the entry, so an import stores its papers first (the papers are there, marked and
 * searchable by title at once) and names its set here; `describeImportedPapers` then makes the
 * TL;DRs, key results, links and topics in small transactions, and goes on where it stopped if
 * the page that ran it closed.
 */

const KEY = SETTING_KEYS.libraryToDescribe;

/** Papers described per transaction: short enough that a save from elsewhere never waits long for the table. */
const BATCH = 200;

/** The import sets whose papers still wait for a description. */
export async function setsToDescribe(db: PaperLensDB): Promise<string[]> {
  const value = (await db.settings.get(KEY))?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Names a set whose papers wait for a description; inside the import's transaction (include db.settings). */
export async function markToDescribe(db: PaperLensDB, setId: string): Promise<void> {
  const sets = await setsToDescribe(db);
  if (!sets.includes(setId)) await db.settings.put({ key: KEY, value: [...sets, setId] });
}

export interface DescribeOptions {
  /** (papers described, papers waiting in all) after every batch. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between batches; what was described stays. */
  signal?: AbortSignal;
}

/**
 * Describes (lib/library `describeImported`) every paper of the waiting sets that has an abstract
 * and no TL;DR, a batch per transaction (a paper changed meanwhile is described as it is now).
 * When a set is done it stops waiting, and the papers revision moves once, so the search index
 * picks the TL;DRs and topics up. Returns how many papers it described.
 */
export async function describeImportedPapers(db: PaperLensDB, { onProgress, signal }: DescribeOptions = {}): Promise<number> {
  const sets = await setsToDescribe(db);
  const members = await Promise.all(sets.map(async (setId) => (await db.papers.where('sets').equals(setId).primaryKeys()) as string[]));
  const total = members.reduce((n, ids) => n + ids.length, 0);
  let done = 0;
  let described = 0;
  for (const [s, setId] of sets.entries()) {
    const ids = members[s]!;
    for (let i = 0; i < ids.length; i += BATCH) {
      onProgress?.(done, total);
      signal?.throwIfAborted();
      described += await db.transaction('rw', db.papers, async () => {
        const rows = (await db.papers.bulkGet(ids.slice(i, i + BATCH))).filter((p): p is StoredPaper => p !== undefined && needsDescription(p));
        await db.papers.bulkPut(rows.map((row) => describeImported(row)));
        return rows.length;
      });
      done += Math.min(BATCH, ids.length - i);
    }
    await db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: KEY, value: (await setsToDescribe(db)).filter((id) => id !== setId) });
      await bumpRevision(db, 'papers');
    });
  }
  onProgress?.(done, total);
  return described;
}
