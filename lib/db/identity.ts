import type { PaperSource, StoredPaper } from '../catalog/types';
import { paperId } from '../catalog/id';
import { IDENTITY_KIND, identityKeys, parseArxivId, type IdentifiedPaper } from '../library/identity';
import { combineNotes } from '../notes/combine';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

/*
 * One paper, one identity, in the database: whatever brings a paper (the catalog, an import, a
 * save, a visit), its record is found by any key it is known by, and records found to be one
 * paper are folded into one, their notes and history moved along.
 */

const TITLE_PREFIX = `${IDENTITY_KIND.title}:`;
const ARXIV_PREFIX = `${IDENTITY_KIND.arxiv}:`;

export function isIdKey(key: string): boolean {
  return !key.startsWith(TITLE_PREFIX);
}

/** The row's identity keys, kept with any it already had (a title it was also imported under). */
export function withKeys<T extends StoredPaper>(paper: T, extra: readonly string[] = []): T {
  const keys = identityKeys(paper);
  for (const key of [...(paper.keys ?? []), ...extra]) if (!keys.includes(key)) keys.push(key);
  paper.keys = keys;
  return paper;
}

/** How strong a reason to keep a row each source is; a merged row keeps the strongest. */
const CLAIM: Record<PaperSource, number> = { catalog: 0, visit: 1, library: 2, user: 3 };

export function strongerSource(a: PaperSource, b: PaperSource): PaperSource {
  return CLAIM[b] > CLAIM[a] ? b : a;
}

/** The arXiv key a record names, if any. */
export function arxivKeyOf(paper: IdentifiedPaper): string | undefined {
  const id = paper.arxivId ? parseArxivId(paper.arxivId) : null;
  return id ? `${ARXIV_PREFIX}${id}` : identityKeys(paper).find((k) => k.startsWith(ARXIV_PREFIX));
}

/**
 * Whether a row found by title is really `paper`: a shared title does not make two papers with
 * different arXiv ids one (lib/library's grouping rule).
 */
export function sameByTitle(row: IdentifiedPaper, paper: IdentifiedPaper): boolean {
  const a = arxivKeyOf(row);
  const b = arxivKeyOf(paper);
  return !a || !b || a === b;
}

/**
 * The id a new record of `paper` gets: the catalog's title id, or, when another paper with a
 * different arXiv id already holds that title's id, the title id with the arXiv id appended.
 */
export function distinctId(paper: { title: string; arxivId?: string }, taken: (id: string) => boolean): string {
  const base = paperId(paper.title);
  if (!taken(base) || !paper.arxivId) return base;
  return `${base}-${paper.arxivId.replace(/[^a-z0-9.]/gi, '-')}`;
}

/**
 * The stored record of a paper known by these ids and title, or undefined: by arXiv id or DOI
 * first (also through a learned arXiv id), then by title. Run inside a transaction over papers
 * and learnedIds.
 */
export async function findPaper(db: PaperLensDB, paper: IdentifiedPaper): Promise<StoredPaper | undefined> {
  const keys = identityKeys(paper);
  const idKeys = keys.filter(isIdKey);
  if (idKeys.length) {
    const byKey = await db.papers.where('keys').anyOf(idKeys).first();
    if (byKey) return byKey;
    const learned = (await db.learnedIds.bulkGet(idKeys)).find((l) => l !== undefined);
    const row = learned && (await db.papers.get(learned.paperId));
    if (row) return row;
  }
  if (!paper.title) return undefined;
  const titleKey = keys.find((k) => !isIdKey(k));
  const byTitle = [
    await db.papers.get(paperId(paper.title)),
    ...(titleKey ? await db.papers.where('keys').equals(titleKey).toArray() : []),
  ];
  return byTitle.find((row) => row !== undefined && sameByTitle(row, paper));
}

/** A record id that turned out to name the same paper as another; see {@link moveRecords}. */
export interface IdMove {
  from: string;
  to: string;
}

/**
 * Moves what is keyed by each `from` id to its `to` id: the note (when both ids have one, both
 * texts are kept in one note, see `combineNotes`), the history entry and learned ids. Bumps the
 * notes revision when a note moved. Returns how many notes moved. Run inside a transaction over
 * notes, history, learnedIds and settings.
 */
export async function moveRecords(db: PaperLensDB, moves: readonly IdMove[], now: number): Promise<number> {
  const real = moves.filter((m) => m.from !== m.to);
  if (real.length === 0) return 0;
  const froms = real.map((m) => m.from);
  const [notes, history, learned] = await Promise.all([
    db.notes.bulkGet(froms),
    db.history.bulkGet(froms),
    db.learnedIds.where('paperId').anyOf(froms).toArray(),
  ]);
  let moved = 0;
  for (const [i, { from, to }] of real.entries()) {
    const note = notes[i];
    if (note) {
      const there = await db.notes.get(to);
      await db.notes.put(there ? combineNotes(there, note, now) : { ...note, paperId: to, updatedAt: Math.max(now, note.updatedAt + 1) });
      await db.notes.delete(from);
      moved++;
    }
    const entry = history[i];
    if (entry) {
      const there = await db.history.get(to);
      const keys = [...new Set([...(there?.keys ?? []), ...entry.keys])];
      await db.history.put(
        there
          ? {
              ...there,
              keys,
              visitedAt: Math.max(there.visitedAt, entry.visitedAt),
              firstVisitedAt: Math.min(there.firstVisitedAt, entry.firstVisitedAt),
              visits: there.visits + entry.visits,
            }
          : { ...entry, id: to, paperId: to },
      );
      await db.history.delete(from);
    }
  }
  const target = new Map(real.map((m) => [m.from, m.to]));
  if (learned.length) await db.learnedIds.bulkPut(learned.map((l) => ({ ...l, paperId: target.get(l.paperId)! })));
  if (moved) await bumpRevision(db, 'notes');
  return moved;
}

/**
 * What is left of a row that lost a claim (its last import set removed, its history cleared):
 * the strongest claim it still has, or null when nothing keeps it (the row is deleted; a note
 * on it stays, under its title snapshot).
 */
export function settleRow(row: StoredPaper, visited: boolean): StoredPaper | null {
  const { sets, ...rest } = row;
  const kept: StoredPaper = sets?.length ? { ...rest, sets } : rest;
  if (row.source === 'user') return kept;
  if (sets?.length) return { ...kept, source: 'library' };
  if (visited) return { ...kept, source: 'visit' };
  if (row.inCatalog) {
    const { inCatalog: _, ...catalogRow } = kept;
    return { ...catalogRow, source: 'catalog' };
  }
  return null;
}

/**
 * Writes rows that lost a claim: settled rows are put, the rest deleted, after the notes on the
 * deleted ones got their title snapshot, under which the options page keeps showing them.
 */
export async function settleRows(db: PaperLensDB, rows: readonly StoredPaper[]): Promise<{ deleted: number }> {
  if (rows.length === 0) return { deleted: 0 };
  const visited = await db.history.bulkGet(rows.map((r) => r.id));
  const put: StoredPaper[] = [];
  const gone: StoredPaper[] = [];
  rows.forEach((row, i) => {
    const settled = settleRow(row, visited[i] !== undefined);
    if (settled) put.push(settled);
    else gone.push(row);
  });
  const notes = await db.notes.bulkGet(gone.map((r) => r.id));
  const snapshots = notes.flatMap((note, i) => (note && note.titleSnapshot !== gone[i]!.title ? [{ ...note, titleSnapshot: gone[i]!.title }] : []));
  if (snapshots.length) await db.notes.bulkPut(snapshots);
  await db.papers.bulkPut(put);
  await db.papers.bulkDelete(gone.map((r) => r.id));
  return { deleted: gone.length };
}
