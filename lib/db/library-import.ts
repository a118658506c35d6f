import type { StoredPaper } from '../catalog/types';
import { needsDescription } from '../library/describe';
import { identityKeys } from '../library/identity';
import { groupByIdentity, mergePapers } from '../library/merge';
import type { ImportedPaper, ImportSet, LibraryFormat } from '../library/types';
import { distinctId, isIdKey, moveRecords, sameByTitle, settleRows, strongerSource, withKeys, type IdMove } from './identity';
import { markToDescribe } from './library-describe';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

/**
 * The set an import writes: the file it came from. Re-importing a file of the same name updates
 * it, and so does a file of another name the user chose to update it with (the set keeps its id
 * and takes the new file's name).
 */
export interface ImportSetInfo {
  /** The name of the file that first made the set. */
  id: string;
  /** The name of the file it was last imported from. */
  name: string;
  format: LibraryFormat;
}

export interface WriteImportOptions {
  set: ImportSetInfo;
  /** Called as papers are matched against the ones PaperLens has: (done, total). */
  onMatch?: (done: number, total: number) => void;
  /** Called as the papers are stored: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it rolls the whole write back. */
  signal?: AbortSignal;
  now?: number;
}

/** What an import did, for the summary the options page shows. */
export interface ImportSummary {
  /** Papers new to PaperLens. */
  added: number;
  /** Papers merged with one PaperLens already had (catalog, saved, visited or in another set). */
  merged: number;
  /** Papers already in this set (a re-import) and updated in place. */
  updated: number;
  /** Entries folded into another entry of the same file (same arXiv id, DOI or title). */
  duplicates: number;
  /** Papers the previous import of this set held and this file no longer does. */
  removed: number;
  /** Notes moved to the record their paper was merged into. */
  notesMoved: number;
  /** Papers in the set after the import. */
  count: number;
  /** Papers stored with an abstract and no TL;DR yet, which `describeImportedPapers` describes after the import. */
  toDescribe: number;
}

/** Matching progress is reported (and the signal checked) every this many papers. */
const PROGRESS_EVERY = 500;
/**
 * Rows per bulkPut, all in the one transaction: storing is most of an import (Chromium's
 * IndexedDB costs about 0.1 ms a row and as much per index entry), so progress and the cancel
 * check come between chunks.
 */
const PUT_CHUNK = 2_000;

/**
 * Writes an imported file's papers as the import set `set`, in ONE transaction: an error or an
 * abort leaves the database as it was. One paper, one record: entries of the file that are the
 * same paper are folded together (lib/library `groupByIdentity`), and each paper is merged
 * (`mergePapers`) into the record PaperLens already has of it, found by arXiv id, DOI or title,
 * keeping that record's id so its note stays on it; records of the same paper under other ids
 * are folded in and their notes and history moved (see `moveRecords`). Papers the set held
 * before and the file no longer has leave the set, and their rows go unless something else
 * (a save, a visit, the catalog) keeps them; notes are never removed. Bumps the papers
 * revision, so every title index and search index rebuilds. Papers stored without their TL;DR
 * (lib/library `undescribed`) are left to `describeImportedPapers`, which the set is named for.
 */
export async function writeImportedPapers(
  db: PaperLensDB,
  papers: readonly ImportedPaper[],
  { set, onMatch, onProgress, signal, now = Date.now() }: WriteImportOptions,
): Promise<ImportSummary> {
  signal?.throwIfAborted();
  const groups = groupByIdentity(papers);
  const incoming = groups.map((g) => g.slice(1).reduce((merged, next) => mergePapers(merged, next), g[0]!));
  const total = incoming.length;

  return db.transaction('rw', [db.papers, db.notes, db.sets, db.history, db.learnedIds, db.settings], async () => {
    const incomingKeys = incoming.map((p) => identityKeys(p));
    const [storedIds, byKey, previous] = await Promise.all([
      db.papers.toCollection().primaryKeys(),
      db.papers.where('keys').anyOf([...new Set(incomingKeys.flat().filter(isIdKey))]).distinct().toArray(),
      db.papers.where('sets').equals(set.id).toArray(),
    ]);
    // Rows stored under the incoming ids: the set's own are read already; the rest are read one
    // request each, so only those that exist (every request costs, and most ids are new).
    const storedIdSet = new Set(storedIds as string[]);
    const byId = new Map(previous.map((p) => [p.id, p]));
    const missing = [...new Set(incoming.map((p) => p.id).filter((id) => storedIdSet.has(id) && !byId.has(id)))];
    for (const row of await db.papers.bulkGet(missing)) if (row) byId.set(row.id, row);
    const sameIds = incoming.map((p) => byId.get(p.id));
    const owner = new Map<string, StoredPaper>();
    for (const row of byKey) for (const key of row.keys ?? []) if (isIdKey(key) && !owner.has(key)) owner.set(key, row);

    /** Rows to write, by id: new ones and existing ones updated (later papers see earlier updates). */
    const rows = new Map<string, StoredPaper>();
    /** Ids of records folded into another during this import, and the id they went to. */
    const foldedInto = new Map<string, string>();
    const resolve = (id: string): string => {
      let to = id;
      while (foldedInto.has(to)) to = foldedInto.get(to)!;
      return to;
    };
    const moves: IdMove[] = [];
    const summary: ImportSummary = { added: 0, merged: 0, updated: 0, duplicates: papers.length - total, removed: 0, notesMoved: 0, count: total, toDescribe: 0 };
    const current = (row: StoredPaper) => rows.get(resolve(row.id)) ?? row;

    for (let i = 0; i < total; i++) {
      if (i % PROGRESS_EVERY === 0) {
        signal?.throwIfAborted();
        onMatch?.(i, total);
      }
      const paper = incoming[i]!;
      const keys = incomingKeys[i]!;
      const found: StoredPaper[] = [];
      const consider = (row: StoredPaper | undefined) => {
        const latest = row && current(row);
        if (latest && !found.some((f) => f.id === latest.id)) found.push(latest);
      };
      const sameId = sameIds[i] ?? rows.get(paper.id);
      if (sameId && sameByTitle(sameId, paper)) consider(sameId);
      for (const key of keys) if (isIdKey(key)) consider(owner.get(key));

      let row: StoredPaper;
      if (found.length === 0) {
        const id = distinctId(paper, (candidate) => rows.has(candidate) || sameIds[i]?.id === candidate);
        row = { ...paper, id, sources: [], source: 'library', sets: [set.id], keys: [...keys] };
        summary.added++;
      } else {
        // The catalog's record is the one kept (its id is what the catalog will bring back);
        // a second catalog record is left alone, since the next catalog refresh would restore it.
        const target = found.find((f) => f.source === 'catalog') ?? found[0]!;
        const folded = found.filter((f) => f !== target && f.source !== 'catalog');
        const wasInSet = found.some((f) => f.sets?.includes(set.id));
        row = mergePapers(target, paper);
        for (const other of folded) {
          row = mergePapers(row, other);
          row.source = strongerSource(row.source, other.source);
          if (other.savedAt !== undefined) row.savedAt = Math.min(row.savedAt ?? other.savedAt, other.savedAt);
          row.inCatalog ||= other.inCatalog;
          row.sets = [...new Set([...(row.sets ?? []), ...(other.sets ?? [])])];
          foldedInto.set(other.id, row.id);
          rows.delete(other.id);
          moves.push({ from: other.id, to: row.id });
        }
        if (target.source === 'catalog') row.inCatalog = true;
        row.source = strongerSource(row.source, 'library');
        row.sets = [...new Set([...(row.sets ?? []), set.id])];
        withKeys(row, folded.flatMap((f) => f.keys ?? []));
        if (wasInSet) summary.updated++;
        else summary.merged++;
        withKeys(row, keys);
      }
      for (const key of row.keys!) if (isIdKey(key)) owner.set(key, row);
      rows.set(row.id, row);
      if (paper.id !== row.id) moves.push({ from: paper.id, to: row.id });
    }
    // Entries folded within the file: a note under a folded entry's own id follows it too.
    groups.forEach((group, i) => {
      for (const member of group.slice(1)) if (member.id !== incoming[i]!.id) moves.push({ from: member.id, to: incoming[i]!.id });
    });
    const resolved = moves.map((m) => ({ from: m.from, to: resolve(m.to) }));
    const deleted = [...foldedInto.keys()];

    const left = previous.filter((p) => !rows.has(p.id) && !foldedInto.has(p.id)).map((p) => ({ ...p, sets: p.sets?.filter((s) => s !== set.id) }));
    summary.removed = left.length;

    signal?.throwIfAborted();
    onMatch?.(total, total);
    await db.papers.bulkDelete(deleted);
    const written = [...rows.values()];
    for (let at = 0; at < written.length; at += PUT_CHUNK) {
      onProgress?.(at, written.length);
      signal?.throwIfAborted();
      await db.papers.bulkPut(written.slice(at, at + PUT_CHUNK));
    }
    onProgress?.(written.length, written.length);
    summary.toDescribe = written.filter(needsDescription).length;
    if (summary.toDescribe) await markToDescribe(db, set.id);
    await settleRows(db, left);
    summary.notesMoved = await moveRecords(db, resolved, now);
    const stored: ImportSet = { id: set.id, name: set.name, format: set.format, count: total, importedAt: now };
    await db.sets.put(stored);
    await bumpRevision(db, 'papers');
    // A cancel that came during the writes still rolls them back.
    signal?.throwIfAborted();
    return summary;
  });
}

/** Every import set, newest first. */
export async function loadImportSets(db: PaperLensDB): Promise<ImportSet[]> {
  return (await db.sets.orderBy('importedAt').reverse().toArray());
}

/**
 * Removes an import set as a unit: its papers leave it, and a paper nothing else keeps (another
 * set, a save, a visit, the catalog) is deleted. Notes are never removed: a note whose paper
 * goes stays under its title snapshot and is on the paper again when it comes back (re-import,
 * save, visit: the same title gives the same id). Returns how many papers were deleted.
 */
export async function removeImportSet(db: PaperLensDB, setId: string): Promise<{ deleted: number }> {
  return db.transaction('rw', [db.papers, db.notes, db.sets, db.history, db.settings], async () => {
    const members = await db.papers.where('sets').equals(setId).toArray();
    const result = await settleRows(db, members.map((p) => ({ ...p, sets: p.sets?.filter((s) => s !== setId) })));
    await db.sets.delete(setId);
    if (members.length) await bumpRevision(db, 'papers');
    return result;
  });
}
