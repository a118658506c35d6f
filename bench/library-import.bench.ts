/**
 * Library import through the real options-page path, in real Chromium with the built extension:
 * a synthetic BibTeX file (bench/import-parse: Zotero-style with abstracts, ~2 KB an entry, or
 * Scholar-style without, ~400 bytes, the only way 100,000 entries fit under the 50 MB limit) is
 * chosen in the options page's file input, and the time runs until the summary is on the page.
 * That covers reading in the import worker, the one transactional write and the set listed; the
 * TL;DRs (lib/summary) made after the write are timed apart, until the page says they are done.
 * Each size runs on a fresh profile. Beside wall times, the browser's CPU time (every Chromium
 * process, from /proc; it includes the service worker's search index refresh the import asks
 * for), which means more on a shared machine.
 *
 * The options page is watched from before its scripts run (`addInitScript`): a 50 ms timer
 * (the longest gap between its ticks says whether the page stayed responsive), Long Animation
 * Frames with their scripts (which code a freeze is in), and the import worker's messages (the
 * time each phase of the import began).
 *
 * `BENCH_IMPORT=2000,20000,100000:scholar` chooses the sizes (and styles); `BENCH_EXT_DIR=before=<dir>,after=<dir>`
 * measures several builds, interleaved size by size, in the same run (default: `.output/chrome-mv3`,
 * so run `npx wxt build` first).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../e2e/browser';
import { builtExtensionDir } from '../e2e/extension-dir';
import { syntheticLibrary } from './import-parse.bench';
import { childCpuSeconds } from './import-write.bench';

const RUNS = (process.env.BENCH_IMPORT ?? '2000,20000').split(',').map((run) => {
  const [count, style = 'zotero'] = run.split(':');
  return { count: Number(count), style: style as 'zotero' | 'scholar' };
});
const BUILDS = (process.env.BENCH_EXT_DIR ?? `now=${builtExtensionDir('chrome-mv3')}`).split(',').map((b) => {
  const at = b.indexOf('=');
  return at < 0 ? { label: b, dir: b } : { label: b.slice(0, at), dir: b.slice(at + 1) };
});

interface Watch {
  /** [when, ms since the previous tick] of the 50 ms timer. */
  gaps: [number, number][];
  frames: { start: number; duration: number; blocking: number; scripts: string[] }[];
  /** performance.now() when the worker first reported each phase, and when it finished. */
  phases: Record<string, number>;
}

/** Runs in the options page before its own scripts. */
function watchOptionsPage(): void {
  (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
  const w: Watch = { gaps: [], frames: [], phases: {} };
  (window as unknown as { __watch: Watch }).__watch = w;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    w.gaps.push([now, now - last]);
    last = now;
  }, 50);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { startTime: number; duration: number; blockingDuration: number; scripts: { sourceURL: string; sourceFunctionName: string; invoker: string; duration: number }[] }[]) {
      w.frames.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        scripts: e.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName || '?'}@${s.sourceURL.split('/').pop()} ${s.duration.toFixed(0)} ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent<{ type: string; phase?: string }>) => {
        const key = event.data.type === 'progress' ? event.data.phase! : event.data.type;
        w.phases[key] ??= performance.now();
      });
    }
  };
}

const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

export default async function libraryImportBench(): Promise<void> {
  console.log(
    '| build | file | size | to summary (browser CPU) | read · TL;DRs · match · write (worker) | TL;DRs after the write (browser CPU) | longest main-thread gap | longest frame: its scripts | summary | load average |',
  );
  console.log(`|${' --- |'.repeat(10)}`);
  const folder = mkdtempSync(join(tmpdir(), 'paperlens-import-'));
  for (const { count, style } of RUNS) {
    const text = syntheticLibrary(style, count);
    // From a file on disk, as a user's file picker gives it: a file handed over from memory
    // travels through the DevTools connection and blocks the page's main thread for seconds.
    const name = `library-${count}-${style}.bib`;
    const path = join(folder, name);
    writeFileSync(path, text);
    for (const { label, dir } of BUILDS) {
      const context = await launchWithExtension({ extensionDir: dir });
      try {
        await context.addInitScript(watchOptionsPage);
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const page = await context.newPage();
        await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
        await page.getByText('No library file imported yet.').waitFor({ timeout: 60_000 });
        const load = loadavg()[0]!;
        const chosenAt = await page.evaluate(() => performance.now());
        const cpu0 = childCpuSeconds();
        await page.getByTestId('library-file').setInputFiles(path);
        const summary = await page.getByTestId('import-summary').textContent({ timeout: 900_000 });
        const summaryAt = await page.evaluate(() => performance.now());
        const cpu1 = childCpuSeconds();
        // The TL;DRs made after the write (builds that make them there): until the page says they are done.
        await page.getByTestId('describe-progress').waitFor({ state: 'detached', timeout: 900_000 });
        const cpu2 = childCpuSeconds();
        const w = await page.evaluate(() => (window as unknown as { __watch: Watch }).__watch);
        const p = w.phases;
        // Each phase lasts until the next one that came began (older builds made TL;DRs during the import, 'summarize').
        const order = ['read', 'summarize', 'match', 'write', 'done'].filter((k) => p[k] !== undefined);
        const phase = (k: string) => (p[k] === undefined ? undefined : p[order[order.indexOf(k) + 1]!]! - p[k]);
        const phases = [phase('read'), phase('summarize') ?? 0, phase('match'), phase('write')];
        const described = p.described !== undefined && p.done !== undefined ? p.described - p.done : 0;
        const longest = w.frames.filter((f) => f.start >= chosenAt).sort((a, b) => b.blocking - a.blocking)[0];
        const gaps = w.gaps.filter(([when]) => when > chosenAt).map(([, gap]) => gap);
        console.log(
          `| ${label} | ${count.toLocaleString('en')} ${style} | ${(text.length / 1e6).toFixed(1)} MB | ${s(summaryAt - chosenAt)} (CPU ${(cpu1 - cpu0).toFixed(1)} s) | ${phases.map(s).join(' · ')} | ${s(described)} (CPU ${(cpu2 - cpu1).toFixed(1)} s) | ` +
            `${Math.max(...gaps).toFixed(0)} ms | ${longest ? `${longest.duration.toFixed(0)} ms at ${s(longest.start - chosenAt)}: ${longest.scripts.join('; ') || 'no script (layout, GC or the browser)'}` : 'none'} | ${summary} | ${load.toFixed(1)} |`,
        );
      } finally {
        await context.close();
      }
    }
  }
  rmSync(folder, { recursive: true });
}
