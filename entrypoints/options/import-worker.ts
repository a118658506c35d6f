/// <reference lib="webworker" />
import { importLibraryFile, type ImportFileResult, type ImportPhase } from '@/lib/db/import-file';
import { getDb } from '@/lib/db/schema';
import { errorMessage } from '@/lib/errors';
import { checkLibraryFileSize, LibraryFileError } from '@/lib/library';
import { describeStorageError, isQuotaError } from '@/lib/notes/storage-errors';

/**
 * The library import, off the options page's main thread: the page sends the file, this worker
 * reads, summarizes and writes it (lib/db/import-file.ts; the worker opens the extension's
 * database itself, same origin) and reports progress. A cancel aborts the signal, which the
 * reader and the TL;DR loop check between slices of work and the write checks before it commits.
 */

export type ImportRequest = { type: 'start'; file: File } | { type: 'cancel' };

export type ImportReply =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'done'; result: ImportFileResult }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let running: AbortController | null = null;
const reply = (message: ImportReply) => scope.postMessage(message);

/** At most one progress message per animation frame's worth of time, so the page is not flooded. */
let lastProgress = 0;

async function run(file: File, controller: AbortController): Promise<void> {
  try {
    checkLibraryFileSize(file.name, file.size);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importLibraryFile(getDb(), file.name, bytes, {
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
}

scope.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running?.abort();
  } else if (request.type === 'start' && !running) {
    running = new AbortController();
    void run(request.file, running);
  }
});
