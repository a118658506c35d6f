/**
 * Library import into IndexedDB in real Chromium: a Scholar-style BibTeX file (bench/import-parse)
 * read and written by a Web Worker (bench/import-write/worker.ts: parseLibraryFile, toPaper, one
 * transaction of bulkPut chunks into the extension's schema), while the page's main thread
 * draws frames. Reported: the worker's phase times, the browser's CPU time (every Chromium
 * process, from /proc: wall time means little on a shared machine), and the page's longest task
 * and longest gap between frames during the import (is the UI responsive?).
 *
 * The write is the floor an import's write function can reach in this schema: no reads, no
 * merging; a write function that merges (reads the rows it may match) is measured against it.
 * `BENCH_IMPORT_SIZES=10000,20000` runs a subset.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { launchWithExtension } from '../e2e/browser';
import { buildLibrary } from './import-parse.bench';

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '10000,20000,100000').split(',').map(Number);

/** CPU seconds (user + system) of every process below this one: the browser and its helpers. */
export function childCpuSeconds(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  for (const [pid, seconds] of cpu) {
    let up = parent.get(pid);
    while (up !== undefined && up > 1 && up !== process.pid) up = parent.get(up);
    if (up === process.pid) total += seconds;
  }
  return total;
}

const PAGE = `<!DOCTYPE html><html><body><p id="status">…</p><script type="module">
const tasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); }).observe({ type: 'longtask' });
let last = performance.now(), gap = 0, frames = 0;
const tick = (t) => { gap = Math.max(gap, t - last); last = t; frames++; if (!window.__done) requestAnimationFrame(tick); };
window.__start = async (name) => {
  const text = await (await fetch('/data.bib')).text();
  tasks.length = 0; gap = 0; frames = 0; last = performance.now(); requestAnimationFrame(tick);
  const worker = new Worker('/worker.js', { type: 'module' });
  const t0 = performance.now();
  worker.onmessage = (e) => {
    if (e.data.phase) { document.getElementById('status').textContent = e.data.phase + ' ' + e.data.done + '/' + e.data.total; return; }
    window.__done = { ...e.data.result, wall: performance.now() - t0, longestTask: Math.max(0, ...tasks), longTasks: tasks.length, longestFrameGap: gap, frames };
  };
  worker.onerror = (e) => { window.__done = { error: String(e.message) }; };
  worker.postMessage({ name, text });
};
</script></body></html>`;

export default async function importWriteBench(): Promise<void> {
  const bundle = await build({ entryPoints: ['bench/import-write/worker.ts'], bundle: true, format: 'esm', platform: 'browser', write: false });
  const workerJs = bundle.outputFiles[0]!.text;
  console.log('| file | entries stored | parse (worker) | records | write: one transaction, bulkPut × 2,000 | total (worker) | browser CPU | main thread: longest task | longest gap between frames | load average |');
  console.log(`|${' --- |'.repeat(10)}`);
  for (const size of SIZES) {
    const text = buildLibrary(size, 'scholar');
    const server = createServer((req, res) => {
      const body = req.url === '/worker.js' ? workerJs : req.url === '/data.bib' ? text : PAGE;
      const type = req.url === '/worker.js' ? 'text/javascript' : req.url === '/data.bib' ? 'text/plain' : 'text/html';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const context = await launchWithExtension({ extensionDir: null });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const load = loadavg()[0]!;
      const cpu0 = childCpuSeconds();
      await page.evaluate((name) => (window as unknown as { __start: (n: string) => Promise<void> }).__start(name), `scholar-${size}.bib`);
      await page.waitForFunction(() => (window as unknown as { __done?: unknown }).__done, undefined, { timeout: 900_000, polling: 500 });
      const cpu = childCpuSeconds() - cpu0;
      const r = (await page.evaluate(() => (window as unknown as { __done: Record<string, number | string> }).__done)) as Record<string, number>;
      if ('error' in r) throw new Error(`import-write worker failed: ${String(r.error)}`);
      const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
      console.log(
        `| ${size.toLocaleString('en')} Scholar-style BibTeX (${(text.length / 1e6).toFixed(1)} MB) | ${r.stored!.toLocaleString('en')} | ${s(r.parse!)} | ${s(r.records!)} | ${s(r.write!)} | ` +
          `${s(r.total!)} | ${cpu.toFixed(1)} s | ${r.longestTask ? `${r.longestTask.toFixed(0)} ms (${r.longTasks} over 50 ms)` : 'none over 50 ms'} | ${r.longestFrameGap!.toFixed(0)} ms | ${load.toFixed(1)} |`,
      );
    } finally {
      await context.close();
      server.close();
    }
  }
}
