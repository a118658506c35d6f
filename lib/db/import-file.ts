import { describeImported, parseLibraryFile, toPaper, type ImportedPaper, type LibraryFormat, type ParseProblem } from '../library';
import { writeImportedPapers, type ImportSummary } from './library-import';
import type { PaperLensDB } from './schema';

/** A stage of importing a file, for the progress bar. */
export type ImportPhase = 'read' | 'summarize' | 'write';

export interface ImportFileOptions {
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  signal?: AbortSignal;
  now?: number;
  /** Milliseconds of TL;DR work between yields to the event loop (where a cancel gets through). */
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
 * rejects a file that is no library with a `LibraryFileError` naming the file), makes a TL;DR
 * for entries with an abstract and none of their own, and writes everything as the set named
 * after the file, in one transaction (`writeImportedPapers`). Until that transaction commits
 * nothing is written, so an error or a cancel at any point leaves the database as it was. Runs
 * in the options page's import worker, so the page stays responsive.
 */
export async function importLibraryFile(
  db: PaperLensDB,
  fileName: string,
  input: Uint8Array | string,
  { onProgress, signal, now = Date.now(), sliceMs = 50 }: ImportFileOptions = {},
): Promise<ImportFileResult> {
  const parsed = await parseLibraryFile(fileName, input, { signal, onProgress: (done, total) => onProgress?.('read', done, total) });
  const papers: ImportedPaper[] = [];
  let slice = performance.now();
  for (const [i, entry] of parsed.entries.entries()) {
    if (performance.now() - slice > sliceMs) {
      onProgress?.('summarize', i, parsed.entries.length);
      await yieldToEventLoop();
      signal?.throwIfAborted();
      slice = performance.now();
    }
    papers.push(describeImported(toPaper(entry)));
  }
  onProgress?.('summarize', papers.length, papers.length);
  const summary = await writeImportedPapers(db, papers, {
    set: { id: fileName, name: fileName, format: parsed.format },
    signal,
    now,
    onProgress: (done, total) => onProgress?.('write', done, total),
  });
  return { ...summary, format: parsed.format, entries: parsed.entries.length, problems: parsed.problems };
}
