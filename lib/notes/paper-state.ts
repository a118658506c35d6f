import type { PageMatch } from '../match/title-index';
import type { ReadingStatus } from './reading-status';

/**
 * What the user has done with a paper, as marks and the card show it at a glance: in their
 * library (imported or saved, not only in the catalog or only visited), noted, starred, its
 * reading status and when they last opened it.
 */
export interface PaperState {
  inLibrary: boolean;
  /** The note's text is not empty. */
  hasNote: boolean;
  /** The note's reading status; null without a note or with status 'none'. */
  status: Exclude<ReadingStatus, 'none'> | null;
  starred: boolean;
  /** Last visit in the reading history (ms since epoch), null when never recorded. */
  visitedAt: number | null;
}

/** The state of a paper nobody has touched (catalog only, or unknown). */
export const BLANK_STATE: PaperState = Object.freeze({
  inLibrary: false,
  hasNote: false,
  status: null,
  starred: false,
  visitedAt: null,
}) as PaperState;

/** The sources of a paper in the user's library; a paper in an import set is in it too, whatever its source. */
export const LIBRARY_SOURCES: readonly string[] = ['user', 'library'];

/** What `paperState` reads of a stored paper and its note. */
interface StateSources {
  paper?: { source: string; sets?: readonly string[] } | null;
  note?: { text: string; status: ReadingStatus; starred: boolean } | null;
  visitedAt?: number | null;
}

/** A paper's state from its row, its note and its latest visit. */
export function paperState({ paper, note, visitedAt }: StateSources): PaperState {
  return {
    inLibrary: !!paper && (LIBRARY_SOURCES.includes(paper.source) || (paper.sets?.length ?? 0) > 0),
    hasNote: !!note && note.text.trim() !== '',
    status: note && note.status !== 'none' ? note.status : null,
    starred: note?.starred ?? false,
    visitedAt: visitedAt ?? null,
  };
}

/** A mention found on a page with the state of its paper, as the background answers a scan. */
export type StatedMatch = PageMatch & { state: PaperState };
