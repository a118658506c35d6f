import { describePaper } from '../catalog/build';
import type { StoredPaper } from '../catalog/types';
import type { HistoryEntry } from '../library';
import { identityKeys, idsFromUrl, normalizeDoi, parseArxivId } from '../library/identity';
import type { VisitInput } from '../notes/model';
import { SETTING_KEYS } from '../settings';
import { distinctId, findPaper, settleRows, withKeys } from './identity';
import { learnArxivIds } from './paper-state';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

/** The reading history is on unless the user paused it. */
export async function isHistoryPaused(db: PaperLensDB): Promise<boolean> {
  return (await db.settings.get(SETTING_KEYS.historyPaused))?.value === true;
}

export async function setHistoryPaused(db: PaperLensDB, paused: boolean): Promise<void> {
  await db.settings.put({ key: SETTING_KEYS.historyPaused, value: paused });
}

/**
 * Records that the user opened a paper's page: the visit joins the paper's history entry (one
 * per paper, with the latest time and a count). A paper PaperLens does not know yet is
 * remembered with the page's metadata (a `visit` row, described like a catalog paper), so it is
 * searchable in the popup; a known paper without an arXiv id learns the page's. A PDF opened by
 * link, with no title, is kept under its arXiv id and joins the paper's entry once a page with
 * the title is opened. While the history is paused nothing is written; the known paper's id is
 * still returned.
 */
export async function recordVisit(db: PaperLensDB, input: VisitInput, now = Date.now()): Promise<{ paperId: string | null }> {
  const fromUrl = idsFromUrl(input.url) ?? {};
  const arxivId = (input.arxivId && parseArxivId(input.arxivId)) || fromUrl.arxivId;
  const doi = (input.doi && normalizeDoi(input.doi)) || fromUrl.doi;
  const title = input.title?.trim() && /[\p{L}\p{N}]/u.test(input.title) ? input.title.trim() : undefined;
  const ids = { title, ...(arxivId ? { arxivId } : {}), ...(doi ? { doi } : {}) };
  const keys = identityKeys(ids);
  if (keys.length === 0) return { paperId: null };

  return db.transaction('rw', [db.papers, db.history, db.learnedIds, db.settings], async () => {
    let paper = await findPaper(db, ids);
    if (await isHistoryPaused(db)) return { paperId: paper?.id ?? null };

    if (!paper && title) {
      const described = describePaper(title, input.abstract ?? '');
      // A row under this title's id that findPaper passed over is another paper (another arXiv id).
      const clash = (await db.papers.get(described.id)) !== undefined;
      const row: StoredPaper = { ...described, id: distinctId({ title, arxivId }, () => clash), source: 'visit', url: input.url };
      if (arxivId) row.arxivId = arxivId;
      if (doi) row.doi = doi;
      if (input.authors?.length) row.authors = input.authors;
      paper = withKeys(row);
      await db.papers.add(paper);
      await bumpRevision(db, 'papers');
    } else if (paper && arxivId && !paper.arxivId) {
      await learnArxivIds(db, [{ paperId: paper.id, arxivId }], now);
    }

    const id = paper?.id ?? keys[0]!;
    const related = await db.history.where('keys').anyOf(keys).distinct().toArray();
    const own = await db.history.get(id);
    if (own && !related.some((r) => r.id === own.id)) related.push(own);
    const entry: HistoryEntry = {
      id,
      paperId: paper?.id ?? null,
      keys: [...new Set([...keys, ...related.flatMap((r) => r.keys)])],
      title: paper?.title ?? title ?? related.find((r) => r.paperId)?.title ?? (arxivId ? `arXiv:${arxivId}` : `doi:${doi}`),
      url: input.url,
      visitedAt: now,
      firstVisitedAt: Math.min(now, ...related.map((r) => r.firstVisitedAt)),
      visits: 1 + related.reduce((sum, r) => sum + r.visits, 0),
    };
    await db.history.bulkDelete(related.map((r) => r.id).filter((r) => r !== id));
    await db.history.put(entry);
    return { paperId: entry.paperId };
  });
}

/**
 * "Clear history": every history entry goes, and so do the papers known only from a visit
 * (a note on one stays, under its title snapshot). Papers in the library or the catalog stay.
 */
export async function clearHistory(db: PaperLensDB): Promise<{ cleared: number }> {
  return db.transaction('rw', [db.papers, db.notes, db.history, db.settings], async () => {
    const cleared = await db.history.count();
    await db.history.clear();
    const visited = await db.papers.where('source').equals('visit').toArray();
    await settleRows(db, visited);
    if (visited.length) {
      await bumpRevision(db, 'papers');
      // The stored match index holds the visited titles until rebuilt: it goes now (the search
      // index is rebuilt by the background, which the page asks for).
      await db.settings.delete(SETTING_KEYS.pageIndex);
    }
    return { cleared };
  });
}
