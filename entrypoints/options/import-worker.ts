/// <reference lib="webworker" />
import { importLibraryFile, type ImportFileResult, type ImportPhase } from '@/lib/db/import-file';
import { describeImportedPapers } from '@/lib/db/library-describe';
import { getDb } from '@/lib/db/schema';
import { errorMessage } from '@/lib/errors';
import { checkLibraryFileSize, LibraryFileError } from '@/lib/library';
import { describeStorageError, isQuotaError } from '@/lib/notes/storage-errors';

/**
 * The library import, off the options page's main thread: the page sends the file, this worker
 * reads and writes it (lib/db/import-file.ts; the worker opens the extension's database itself,
 * same origin) and reports progress. A cancel aborts the signal, which the reader checks between
 * slices of work and the write checks before it commits. After an import, and when the page
 * asks (it opened and papers still wait), it writes the TL;DRs the import left for later
 * (lib/db/library-describe.ts); a new import stops that first, and it goes on after.
 */

export type ImportRequest =
  /** Import a file; `setId` names the set it updates (by default the set of the file's name). */
  | { type: 'start'; file: File; setId?: string }
  | { type: 'cancel' }
  | { type: 'describe' };

export type ImportReply =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'done'; result: ImportFileResult }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string }
  | { type: 'describing'; done: number; total: number }
  | { type: 'described'; count: number }
  | { type: 'describe-failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let running: AbortController | null = null;
let describing: { controller: AbortController; finished: Promise<void> } | null = null;
const reply = (message: ImportReply) => scope.postMessage(message);

/** At most one progress message per animation frame's worth of time, so the page is not flooded. */
let lastProgress = 0;

async function run(file: File, setId: string | undefined, controller: AbortController): Promise<void> {
  try {
    await stopDescribing();
    checkLibraryFileSize(file.name, file.size);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importLibraryFile(getDb(), file.name, bytes, {
      setId,
      signal: controller.signal,
      onProgress: (phase, done, total) => {
        const now = performance.now();
        if (done < total && now - lastProgress < 16) return;
        lastProgress = now;
        reply({ type: 'progress', phase, done, total });
      },
    });
    reply({ type: 'done', result });
  } catch (error) {
    if (controller.signal.aborted) reply({ type: 'cancelled' });
    else if (error instanceof LibraryFileError) reply({ type: 'failed', message: error.message });
    else reply({ type: 'failed', message: `Nothing was imported from ${file.name}: ${isQuotaError(error) ? describeStorageError(error) : errorMessage(error)}` });
  } finally {
    if (running === controller) running = null;
  }
  describe();
}

function describe(): void {
  if (running || describing) return;
  const controller = new AbortController();
  const finished = describeImportedPapers(getDb(), {
    signal: controller.signal,
    onProgress: (done, total) => reply({ type: 'describing', done, total }),
  }).then(
    (count) => reply({ type: 'described', count }),
    (error: unknown) => {
      if (!controller.signal.aborted) reply({ type: 'describe-failed', message: isQuotaError(error) ? describeStorageError(error) : errorMessage(error) });
    },
  );
  describing = { controller, finished: finished.finally(() => (describing = null)) };
}

async function stopDescribing(): Promise<void> {
  if (!describing) return;
  describing.controller.abort();
  await describing.finished;
}

scope.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running?.abort();
  } else if (request.type === 'describe') {
    describe();
  } else if (request.type === 'start' && !running) {
    running = new AbortController();
    void run(request.file, request.setId, running);
  }
});
