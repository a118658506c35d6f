import type { HistoryEntry } from '../library';
import type { PaperLensDB } from './schema';

/*
 * Reads of the reading history, apart from its writes (lib/db/history.ts), which describe new
 * papers with the catalog's summarizer: the popup's "Recently read" loads without that code.
 */

/** The latest entries first, at most `limit`. */
export function loadHistory(db: PaperLensDB, limit = Infinity): Promise<HistoryEntry[]> {
  const query = db.history.orderBy('visitedAt').reverse();
  return (Number.isFinite(limit) ? query.limit(limit) : query).toArray();
}

export function countHistory(db: PaperLensDB): Promise<number> {
  return db.history.count();
}
