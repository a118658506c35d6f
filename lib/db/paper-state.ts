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
 * now on. A paper that already has an arXiv id keeps it, and an id another paper already has is
 * not given to a second one. Bumps the papers revision when anything was learned. Returns how
 * many ids were learned. Runs in its own transaction, or joins the caller's over papers,
 * learnedIds and settings.
 */
export async function learnArxivIds(db: PaperLensDB, learned: readonly LearnedArxivId[], now = Date.now()): Promise<number> {
  const wanted = learned.flatMap(({ paperId, arxivId }) => {
    const id = parseArxivId(arxivId);
    return id ? [{ paperId, arxivId: id, key: `${IDENTITY_KIND.arxiv}:${id}` }] : [];
  });
  if (wanted.length === 0) return 0;
  return db.transaction('rw', [db.papers, db.learnedIds, db.settings], async () => {
    const [rows, holders] = await Promise.all([
      db.papers.bulkGet(wanted.map((w) => w.paperId)),
      db.papers.where('keys').anyOf(wanted.map((w) => w.key)).toArray(),
    ]);
    const held = new Set(holders.flatMap((h) => h.keys ?? []));
    /** Papers given an id in this call: one page may show one title beside two ids. */
    const taught = new Set<string>();
    let count = 0;
    for (const [i, w] of wanted.entries()) {
      const row = rows[i];
      if (!row || row.arxivId || held.has(w.key) || taught.has(w.paperId)) continue;
      held.add(w.key);
      taught.add(w.paperId);
      await db.papers.put(withKeys({ ...row, arxivId: w.arxivId }));
      await db.learnedIds.put({ key: w.key, paperId: w.paperId, learnedAt: now });
      count++;
    }
    if (count) await bumpRevision(db, 'papers');
    return count;
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
