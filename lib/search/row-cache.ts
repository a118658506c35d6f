import type { StoredPaper } from '../catalog/types';
import type { Note } from '../notes/model';

/**
 * The database's papers and notes revisions a read was made at (lib/db/revisions.ts). Both
 * only grow, and every write of a paper or a note moves its revision in the same transaction,
 * so a read stamped with the current revisions is what the database holds now.
 */
export interface RowStamp {
  papers: number;
  notes: number;
}

/** A result row's paper and the user's note on it, as read from the database. */
export interface CachedRow {
  paper: StoredPaper | undefined;
  note: Note | undefined;
}

/** How many papers the popup keeps read: a few queries' worth of 30 results. */
export const ROW_CACHE_LIMIT = 400;

const atLeast = (a: RowStamp, b: RowStamp) => a.papers >= b.papers && a.notes >= b.notes;

/**
 * The papers and notes read for result rows, so a keystroke lists the rows it shares with
 * earlier queries (most of them, as a word is typed) from memory, with no database read before
 * its results are painted; only the papers it has not seen are read, after the paint.
 *
 * A stale row never shows: every entry was read at the cache's stamp, and the cache drops them
 * all as soon as it learns of a newer one, from the live revisions (`observe`) or from a read
 * (`put`). A read made at an older stamp than the cache's (one in flight when a note was saved)
 * is refused. Dropping all on any change is enough: papers and notes change rarely while a user
 * types, and the next read fills the cache again.
 */
export class RowCache {
  private stamp: RowStamp | null = null;
  /** Least recently used first. */
  private readonly rows = new Map<string, CachedRow>();

  constructor(private readonly limit = ROW_CACHE_LIMIT) {}

  /** The revisions the database is at now (followed live): entries read before a change are dropped. */
  observe(stamp: RowStamp): void {
    if (this.stamp && atLeast(this.stamp, stamp)) return;
    this.rows.clear();
    this.stamp = { ...stamp };
  }

  /**
   * Keeps what a read at `stamp` found for `ids` (`rows[i]` for `ids[i]`; a row without a paper is
   * kept too: the paper is not there). Returns false, keeping nothing, when the read is older
   * than what the cache holds.
   */
  put(stamp: RowStamp, ids: readonly string[], rows: readonly CachedRow[]): boolean {
    if (this.stamp && !atLeast(stamp, this.stamp)) return false;
    this.observe(stamp);
    ids.forEach((id, i) => {
      this.rows.delete(id);
      this.rows.set(id, rows[i]!);
    });
    for (const id of this.rows.keys()) {
      if (this.rows.size <= this.limit) break;
      this.rows.delete(id);
    }
    return true;
  }

  /** The row as last read, if it is current as far as the cache knows (now the most recently used). */
  get(id: string): CachedRow | undefined {
    const row = this.rows.get(id);
    if (row) {
      this.rows.delete(id);
      this.rows.set(id, row);
    }
    return row;
  }

  /** The ids among `ids` the cache does not hold. */
  missing(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.rows.has(id));
  }
}
