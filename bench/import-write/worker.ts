/**
 * The import as the options page's worker runs it, bundled for the import-write bench: read the
 * file (lib/library), make the records, write them into PaperLens's database (lib/db schema) in
 * one transaction. Posts progress while it works and the phase times at the end.
 */
import type { StoredPaper } from '../../lib/catalog/types';
import { PaperLensDB } from '../../lib/db/schema';
import { parseLibraryFile } from '../../lib/library/parse-library';
import { toPaper } from '../../lib/library/to-paper';

/** Rows per bulkPut: progress and the abort check between chunks, one transaction for all. */
const CHUNK = 2_000;

self.onmessage = async (event: MessageEvent<{ name: string; text: string }>) => {
  const { name, text } = event.data;
  const t0 = performance.now();
  const result = await parseLibraryFile(name, text, { onProgress: (done, total) => postMessage({ phase: 'parse', done, total }) });
  const t1 = performance.now();
  const rows = result.entries.map(
    (entry): StoredPaper => ({ ...toPaper(entry), tldr: entry.tldr ?? '', keyResult: null, links: [], topics: [], sources: [], source: 'user' }),
  );
  const t2 = performance.now();
  const db = new PaperLensDB(`bench-${name}`);
  await db.open();
  const t3 = performance.now();
  await db.transaction('rw', db.papers, async () => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db.papers.bulkPut(rows.slice(i, i + CHUNK));
      postMessage({ phase: 'write', done: Math.min(rows.length, i + CHUNK), total: rows.length });
    }
  });
  const t4 = performance.now();
  const stored = await db.papers.count();
  db.close();
  postMessage({ result: { entries: result.entries.length, stored, parse: t1 - t0, records: t2 - t1, open: t3 - t2, write: t4 - t3, total: t4 - t0 } });
};
