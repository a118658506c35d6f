import { IDENTITY_KIND, parseArxivId } from '../library/identity';
import { paperState, type PaperState } from '../notes/paper-state';
import { withKeys } from './identity';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

/** The state of each paper (in the library, noted, starred, read, visited), in the order of `ids`. */
export async function paperStates(db: PaperLensDB, ids: readonly string[]): Promise<PaperState[]> {
  if (ids.length === 0) return [];
  return db.transaction('r', [db.papers, db.notes, db.history], async () => {
    const unique = [...new Set(ids)];
    const [papers, notes, history] = await Promise.all([db.papers.bulkGet(unique), db.notes.bulkGet(unique), db.history.bulkGet(unique)]);
    const byId = new Map(unique.map((id, i) => [id, paperState({ paper: papers[i], note: notes[i], visitedAt: history[i]?.visitedAt })]));
    return ids.map((id) => byId.get(id)!);
  });
}

/** An arXiv id a page showed next to a known paper's title. */
export interface LearnedArxivId {
  paperId: string;
  arxivId: string;
}

/**
 * Stores arXiv ids learned from pages, locally: in the learnedIds table (kept across catalog
 * refreshes, which re-apply them) and on the paper's row, so links to the id are recognized from
 * now on. Nothing is overwritten: a paper that already has an arXiv id keeps it, an id another
 * paper has (from the catalog, an import or an earlier page) is not given to a second one, and
 * an id offered for two papers, or two ids for one paper, in one call teach nothing. Bumps the
 * papers revision when anything was learned. Returns the ids learned (canonical). Runs in its
 * own transaction, or joins the caller's over papers, learnedIds and settings.
 */
export async function learnArxivIds(db: PaperLensDB, learned: readonly LearnedArxivId[], now = Date.now()): Promise<LearnedArxivId[]> {
  const offered = learned.flatMap(({ paperId, arxivId }) => {
    const id = parseArxivId(arxivId);
    return id ? [{ paperId, arxivId: id, key: `${IDENTITY_KIND.arxiv}:${id}` }] : [];
  });
  const papersOf = new Map<string, Set<string>>();
  const keysOf = new Map<string, Set<string>>();
  for (const o of offered) {
    papersOf.set(o.key, (papersOf.get(o.key) ?? new Set()).add(o.paperId));
    keysOf.set(o.paperId, (keysOf.get(o.paperId) ?? new Set()).add(o.key));
  }
  const wanted = offered.filter(
    (o, i) => papersOf.get(o.key)!.size === 1 && keysOf.get(o.paperId)!.size === 1 && offered.findIndex((x) => x.key === o.key) === i,
  );
  if (wanted.length === 0) return [];
  return db.transaction('rw', [db.papers, db.learnedIds, db.settings], async () => {
    const [rows, holders, taughtBefore] = await Promise.all([
      db.papers.bulkGet(wanted.map((w) => w.paperId)),
      db.papers.where('keys').anyOf(wanted.map((w) => w.key)).toArray(),
      db.learnedIds.bulkGet(wanted.map((w) => w.key)),
    ]);
    const held = new Set(holders.flatMap((h) => h.keys ?? []));
    const taught: LearnedArxivId[] = [];
    for (const [i, w] of wanted.entries()) {
      const row = rows[i];
      // An id learned before for a paper since removed still belongs to that paper.
      const earlier = taughtBefore[i];
      if (!row || row.arxivId || held.has(w.key) || (earlier && earlier.paperId !== w.paperId)) continue;
      await db.papers.put(withKeys({ ...row, arxivId: w.arxivId }));
      await db.learnedIds.put({ key: w.key, paperId: w.paperId, learnedAt: now });
      taught.push({ paperId: w.paperId, arxivId: w.arxivId });
    }
    if (taught.length) await bumpRevision(db, 'papers');
    return taught;
  });
}

/** Gives catalog rows the arXiv ids learned for them before a refresh replaced the rows. */
export async function reapplyLearnedIds(db: PaperLensDB): Promise<void> {
  const learned = await db.learnedIds.toArray();
  if (learned.length === 0) return;
  const rows = await db.papers.bulkGet(learned.map((l) => l.paperId));
  const updated = learned.flatMap((l, i) => {
    const row = rows[i];
    return row && !row.arxivId ? [withKeys({ ...row, arxivId: l.key.slice(IDENTITY_KIND.arxiv.length + 1) })] : [];
  });
  if (updated.length) await db.papers.bulkPut(updated);
}
