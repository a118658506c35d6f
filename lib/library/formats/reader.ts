/**
 * The contract every format reader follows. A reader is a generator so that the caller (a Web
 * Worker) regains control between entries: it reports progress, checks for cancellation and
 * lets its message queue run, without the reader knowing about any of that.
 */
import { printable } from '../text';
import type { LibraryEntry, ParseProblem } from '../types';

/** Entries read so far, out of how many the file holds. */
export interface Progress {
  done: number;
  total: number;
}

/** What a reader found: entries that import, and entries that do not with their reason. */
export interface FormatOutput {
  entries: LibraryEntry[];
  problems: ParseProblem[];
}

/**
 * Reads one format. Yields progress every few entries and returns what it read; throws
 * `UnreadableFile` when the file as a whole cannot be imported.
 */
export type FormatReader = (text: string) => Generator<Progress, FormatOutput, void>;

/** How many entries a reader handles between two progress reports. */
export const PROGRESS_EVERY = 64;

/** An entry that has no title is reported, not imported: a paper is found by its title. */
export function missingTitle(key: string | undefined): string {
  const name = key ? printable(key) : '';
  return name ? `The entry “${name}” has no title, so it was not imported.` : 'This entry has no title, so it was not imported.';
}
