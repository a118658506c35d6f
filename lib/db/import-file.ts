import { parseLibraryFile, toPaper, undescribed, type ImportedPaper, type LibraryFormat, type ParseProblem } from '../library';
import { writeImportedPapers, type ImportSummary } from './library-import';
import type { PaperLensDB } from './schema';

/** A stage of importing a file, for the progress bar. */
export type ImportPhase = 'read' | 'match' | 'write';

export interface ImportFileOptions {
  /** The set the file updates (an earlier import of the same library under another file name); by default the set named after the file. */
  setId?: string;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  signal?: AbortSignal;
  now?: number;
  /** Milliseconds of work on the entries between yields to the event loop (where a cancel gets through). */
  sliceMs?: number;
}

/** What importing a file did: the write's summary, the format read and the entries that were not imported. */
export interface ImportFileResult extends ImportSummary {
  format: LibraryFormat;
  /** Entries read from the file. */
  entries: number;
  problems: ParseProblem[];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Imports one library file, start to end: reads it (lib/library `parseLibraryFile`, which
 * rejects a file that is no library with a `LibraryFileError` naming the file) and writes every
 * entry as the set named after the file, in one transaction (`writeImportedPapers`). Until that
 * transaction commits nothing is written, so an error or a cancel at any point leaves the
 * database as it was. The TL;DRs of entries with an abstract are made after it
 * (`describeImportedPapers`, see `ImportSummary.toDescribe`). Runs in the options page's import
 * worker, so the page stays responsive.
 */
export async function importLibraryFile(
  db: PaperLensDB,
  fileName: string,
  input: Uint8Array | string,
  { setId = fileName, onProgress, signal, now = Date.now(), sliceMs = 50 }: ImportFileOptions = {},
): Promise<ImportFileResult> {
  const parsed = await parseLibraryFile(fileName, input, { signal, onProgress: (done, total) => onProgress?.('read', done, total) });
  const papers: ImportedPaper[] = [];
  let slice = performance.now();
  for (const entry of parsed.entries) {
    if (performance.now() - slice > sliceMs) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
      slice = performance.now();
    }
    papers.push(undescribed(toPaper(entry)));
  }
  const summary = await writeImportedPapers(db, papers, {
    set: { id: setId, name: fileName, format: parsed.format },
    signal,
    now,
    onMatch: (done, total) => onProgress?.('match', done, total),
    onProgress: (done, total) => onProgress?.('write', done, total),
  });
  return { ...summary, format: parsed.format, entries: parsed.entries.length, problems: parsed.problems };
}
