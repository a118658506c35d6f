import type { StoredPaper } from '../catalog/types';
import type { Note } from '../notes/model';
import { highlightRanges, snippet, type Range } from './highlight';
import type { SearchHit } from './search-index';
import { FIELD } from './text-index';

/** What a result row shows; the title comes from the index, the rest from the database once read. */
export interface ResultRow {
  hit: SearchHit;
  title: string;
  hasCode: boolean;
  paper: StoredPaper | undefined;
  note: Note | undefined;
}

/** A text and the stretches of it the query matched. */
export interface Highlighted {
  text: string;
  ranges: Range[];
}

/**
 * What a row displays, highlighting worked out: the list compares it with the row's previous
 * view, and a row that would look the same is not rendered again (typing one more letter
 * usually changes the matched words of a few rows only).
 */
export interface ResultView {
  title: Highlighted;
  /** The line under the title, and where it comes from (null: the TL;DR, no label). */
  detail: { where: 'Note' | 'Abstract' | null; text: Highlighted } | null;
  starred: boolean;
  toRead: boolean;
  hasCode: boolean;
  tags: Highlighted[];
}

const bit = (field: number) => 1 << field;

const highlighted = (text: string, terms: ReadonlySet<string>): Highlighted => ({ text, ranges: highlightRanges(text, terms) });

/** The line under a title: where the query matched, when that is not the title or TL;DR. */
function detail({ hit, paper, note }: ResultRow, terms: ReadonlySet<string>): ResultView['detail'] {
  if (note && hit.fields & bit(FIELD.notes)) return { where: 'Note', text: snippet(note.text, terms) };
  if (!paper) return null;
  if (hit.fields & bit(FIELD.abstract) && !(hit.fields & (bit(FIELD.title) | bit(FIELD.tldr)))) {
    return { where: 'Abstract', text: snippet(paper.abstract, terms) };
  }
  return { where: null, text: highlighted(paper.tldr, terms) };
}

/** What `row` shows for a query that matched `terms` (normalized words). */
export function resultView(row: ResultRow, terms: ReadonlySet<string>): ResultView {
  return {
    title: highlighted(row.title, terms),
    detail: detail(row, terms),
    starred: row.note?.starred === true,
    toRead: row.note?.status === 'to-read',
    hasCode: row.hasCode,
    tags: row.note?.tags.map((t) => highlighted(`#${t}`, terms)) ?? [],
  };
}

const sameRanges = (a: readonly Range[], b: readonly Range[]) =>
  a.length === b.length && a.every((r, i) => r.start === b[i]!.start && r.end === b[i]!.end);

const sameText = (a: Highlighted, b: Highlighted) => a.text === b.text && sameRanges(a.ranges, b.ranges);

/** True when two views display exactly the same. */
export function sameResultView(a: ResultView, b: ResultView): boolean {
  if (a === b) return true;
  if (a.starred !== b.starred || a.toRead !== b.toRead || a.hasCode !== b.hasCode) return false;
  if (!sameText(a.title, b.title)) return false;
  if (a.detail === null || b.detail === null) {
    if (a.detail !== b.detail) return false;
  } else if (a.detail.where !== b.detail.where || !sameText(a.detail.text, b.detail.text)) return false;
  return a.tags.length === b.tags.length && a.tags.every((t, i) => sameText(t, b.tags[i]!));
}

/**
 * The views of `rows`, reusing from `previous` (views by paper id) every one that displays the
 * same, so a memoized row component skips the rows a keystroke left as they were. Returns the
 * views in row order and the map to pass as `previous` next time.
 */
export function stableViews(
  rows: readonly ResultRow[],
  terms: ReadonlySet<string>,
  previous: ReadonlyMap<string, ResultView>,
): { views: ResultView[]; byId: Map<string, ResultView> } {
  const byId = new Map<string, ResultView>();
  const views = rows.map((row) => {
    const fresh = resultView(row, terms);
    const old = previous.get(row.hit.id);
    const view = old && sameResultView(old, fresh) ? old : fresh;
    byId.set(row.hit.id, view);
    return view;
  });
  return { views, byId };
}
