/**
 * `npm run bench -- search-popup`: the toolbar popup in real Chromium on popup.html, with the
 * real catalog and with 10,000 / 20,000 / 100,000 papers (notes on 10%) in the extension's
 * IndexedDB. Needs a build (`npm run build`, or PAPERLENS_OUT_DIR=… npx wxt build).
 *
 * SEARCH_POPUP_SIZES=333,20000 picks sizes, SEARCH_POPUP_OPENS=10 the openings per build (5). SEARCH_POPUP_BUILDS=before=/tmp/base,after=.output
 * compares builds in the same run: each gets its own browser with the same papers, and their
 * popup openings alternate, so a change in the machine's load hits both alike.
 *
 * Per build and size: popup open → first list painted (with the UI thread's CPU until then, from
 * a trace, and when the HTML came, the scripts were evaluated and the first render committed)
 * and → index loaded (the worker holds it),
 * a query typed the moment the field exists → its results painted, keystroke → results
 * painted (in the page, keydown to the paint mark), where the UI thread's time went while
 * typing (Chromium's trace: script, style and layout, paint), and the popup's JS heap.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/browser';
import { buildCatalog } from '../lib/catalog/build';
import { readSeedDir } from '../lib/catalog/read-seeds';
import type { Paper } from '../lib/catalog/types';
import type { Note } from '../lib/notes/model';
import { observeLongTasks } from './long-tasks';
import { ms, stats, syntheticCatalog } from './search.bench';

/** Popup openings per build and size (SEARCH_POPUP_OPENS): more where the machine's load makes single figures noisy. */
const OPENS = Number(process.env.SEARCH_POPUP_OPENS ?? 5);
const TYPED = ['itransfomer forcasting', 'vision transformer segmentation', 'mixture of experts'];

/** Puts synthetic papers and notes into the extension's IndexedDB (raw IndexedDB, as an import would). */
async function seed(page: Page, papers: Paper[], notes: Note[]): Promise<void> {
  const put = (store: string, rows: unknown[], revision: string) =>
    page.evaluate(
      ({ store, rows, revision }) =>
        new Promise<void>((resolveDone, reject) => {
          const open = indexedDB.open('paperlens');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction([store, 'settings'], 'readwrite');
            for (const row of rows) tx.objectStore(store).put(row);
            const settings = tx.objectStore('settings');
            const get = settings.get(revision);
            get.onsuccess = () => settings.put({ key: revision, value: ((get.result as { value?: number } | undefined)?.value ?? 0) + 1 });
            tx.oncomplete = () => {
              db.close();
              resolveDone();
            };
            tx.onerror = () => reject(new Error(String(tx.error)));
          };
        }),
      { store, rows, revision },
    );
  for (let i = 0; i < papers.length; i += 5000) {
    await put('papers', papers.slice(i, i + 5000).map((p) => ({ ...p, source: 'user', savedAt: 1 })), 'revision:papers');
  }
  for (let i = 0; i < notes.length; i += 5000) await put('notes', notes.slice(i, i + 5000), 'revision:notes');
}

/** Reads one settings row of the extension's database. */
function settingsRow(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise<unknown>((resolveRow, reject) => {
        const open = indexedDB.open('paperlens');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('settings').objectStore('settings').get(key);
          get.onsuccess = () => {
            db.close();
            resolveRow((get.result as { value?: unknown } | undefined)?.value);
          };
        };
      }),
    key,
  );
}

interface Build {
  label: string;
  dir: string;
  context: BrowserContext;
  url: string;
}

/** A browser with the build loaded and `size` papers stored, its search index built by the background. */
async function prepare(label: string, dir: string, real: Paper[], size: number): Promise<Build> {
  // SEARCH_POPUP_PROFILE=/some/dir keeps the first build's browser profile there, seeded once and reused by later runs.
  const profile = process.env.SEARCH_POPUP_PROFILE ? `${process.env.SEARCH_POPUP_PROFILE}-${label}-${size}` : '';
  const reused = profile !== '' && existsSync(profile);
  const context = await launchWithExtension({ extensionDir: dir, userDataDir: profile });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const url = `chrome-extension://${new URL(worker.url()).host}/popup.html`;
  const first = await context.newPage();
  await first.goto(url);
  // The background loads the bundled catalog and builds its index on install.
  // (A reused profile holds the seeded papers already.)
  if (!reused) {
    await first.waitForFunction(() => document.querySelector('[data-testid=catalog-count]')?.textContent?.startsWith('333 '), null, { timeout: 120_000 });
  }
  const ready = async (timeout: number) => {
    const t = performance.now();
    for (;;) {
      const state = (await settingsRow(first, 'search:state')) as { papers: number; notes: number } | undefined;
      const papersRev = (await settingsRow(first, 'revision:papers')) as number | undefined;
      const notesRev = ((await settingsRow(first, 'revision:notes')) as number | undefined) ?? 0;
      if (state && state.papers === papersRev && state.notes === notesRev) return performance.now() - t;
      if (performance.now() - t > timeout) throw new Error('the background did not build the search index in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await ready(120_000);
  if (size > real.length && !reused) {
    const { papers, notes } = syntheticCatalog(real, size);
    const t = performance.now();
    await seed(first, papers.slice(real.length), notes);
    const seeded = performance.now() - t;
    // A popup opening finds the index stale and asks the background to rebuild it.
    await first.reload();
    const buildMs = await ready(900_000);
    console.log(`[${label}] seeded ${(size - real.length).toLocaleString('en')} papers and ${notes.length.toLocaleString('en')} notes in ${ms(seeded)};` +
      ` the background rebuilt the search index in ${ms(buildMs)}`);
  }
  await first.close();
  await context.addInitScript(observeLongTasks);
  return { label, dir, context, url };
}

interface Opening {
  first: number;
  loaded: number;
  /** The UI thread's longest task from opening until a second after the index loaded, and all its long tasks together. */
  longest: number;
  blocked: number;
  /** When each phase ended (ms from navigation start): the HTML received, the scripts evaluated, the first render committed. */
  html: number;
  scripts: number;
  rendered: number;
  /** The popup's UI thread's CPU time from navigation start to the first list painted (trace thread time: waiting for a core not counted). */
  cpu: number;
}

/** Thread time of the top-level tasks on the UI thread of the page that set the mark `until`, from its navigation start to that mark. */
function uiThreadCpu(events: TraceEvent[], until: string): number {
  const end = events.find((e) => e.name === until);
  const nav = events.filter((e) => e.name === 'navigationStart' && e.pid === end?.pid && e.ts <= end.ts).at(-1);
  if (!nav || !end) return NaN;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === nav.pid && e.args?.name === 'CrRendererMain').map((e) => e.tid));
  return events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.pid === nav.pid && main.has(e.tid) && e.ts >= nav.ts && e.ts <= end.ts)
    .reduce((t, e) => t + (e.tdur ?? 0) / 1000, 0);
}

/** Opens the popup: open → first list painted, → index loaded (NaN if it was not within the wait). */
async function open(b: Build): Promise<Opening> {
  const page = await b.context.newPage();
  try {
    const cdp = await b.context.newCDPSession(page);
    const { out, events } = await traced(cdp, 'toplevel,blink.user_timing,disabled-by-default-devtools.timeline', async () => {
      await page.goto(b.url);
      await page
        .waitForFunction(() => performance.getEntriesByName('paperlens:first-results').length > 0, null, { timeout: 120_000 })
        .catch(() => {
          throw new Error(`The popup at ${b.dir} set no paint mark: rebuild it (PAPERLENS_OUT_DIR=… npx wxt build).`);
        });
      await page.waitForFunction(() => performance.getEntriesByName('paperlens:index-loaded').length > 0, null, { timeout: 120_000 }).catch(() => undefined);
      // What follows the load (the typo table) counts too.
      await page.waitForTimeout(1000);
      return page.evaluate(() => {
        const tasks = (window as unknown as { __tasks: { duration: number }[] }).__tasks;
        const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          first: mark('paperlens:first-results'),
          loaded: mark('paperlens:index-loaded'),
          longest: Math.max(0, ...tasks.map((t) => t.duration)),
          blocked: tasks.reduce((n, t) => n + t.duration, 0),
          html: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
          scripts: mark('paperlens:scripts'),
          rendered: mark('paperlens:rendered'),
        };
      });
    });
    return { ...out, cpu: uiThreadCpu(events, 'paperlens:first-results') };
  } finally {
    await page.close();
  }
}

/** A query typed the moment the search field exists: open → its results painted. */
async function typeAtOnce(b: Build, query: string): Promise<number> {
  const page = await b.context.newPage();
  try {
    await page.goto(b.url, { waitUntil: 'commit' });
    await page.getByRole('combobox', { name: 'Search papers and your notes' }).waitFor();
    await page.keyboard.type(query);
    await page.waitForFunction(
      (q) => performance.getEntriesByName('paperlens:results').some((m) => (m as PerformanceMark).detail === q),
      query,
      { timeout: 120_000 },
    );
    return page.evaluate((q) => performance.getEntriesByName('paperlens:results').find((m) => (m as PerformanceMark).detail === q)!.startTime, query);
  } finally {
    await page.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  ts: number;
  args?: { name?: string };
}

/** Trace event names summed per kind of UI-thread work (nested events counted in their own row). */
const KINDS: [string, string[]][] = [
  ['script (event handlers, timers, messages)', ['EventDispatch', 'TimerFire', 'FunctionCall', 'RunMicrotasks']],
  ['style and layout', ['UpdateLayoutTree', 'Layout']],
  ['paint', ['PrePaint', 'Paint', 'Layerize']],
];

async function traced<T>(cdp: CDPSession, categories: string, run: () => Promise<T>): Promise<{ out: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  const out = await run();
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  return { out, events };
}

/** UI-thread (CrRendererMain) time per kind, and the dedicated workers' script time, in ms. */
function breakdown(events: TraceEvent[]): string {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const sum = (thread: (name: string) => boolean, names: string[]) =>
    events
      .filter((e) => e.ph === 'X' && names.includes(e.name) && thread(threads.get(`${e.pid}:${e.tid}`) ?? ''))
      // Thread time where the trace has it: on a loaded machine wall time counts waiting for a core too.
      .reduce((t, e) => t + (e.tdur ?? e.dur ?? 0) / 1000, 0);
  const main = (n: string) => n === 'CrRendererMain';
  const parts = KINDS.map(([kind, names]) => `${kind} ${sum(main, names).toFixed(0)} ms`);
  const worker = sum((n) => n.startsWith('DedicatedWorker'), ['FunctionCall', 'RunMicrotasks', 'EventDispatch']);
  return `${parts.join(', ')}; search worker ${worker.toFixed(0)} ms`;
}

/** Keystroke → results painted, measured inside the page from keydown to the next paint mark. */
async function keystrokes(b: Build): Promise<string> {
  const page = await b.context.newPage();
  try {
    await page.goto(b.url);
    await page.waitForFunction(() => performance.getEntriesByName('paperlens:index-loaded').length > 0, null, { timeout: 120_000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const w = window as unknown as { keydowns: number[] };
      w.keydowns = [];
      addEventListener('keydown', () => w.keydowns.push(performance.now()), true);
      performance.clearMarks('paperlens:results');
    });
    const cdp = await b.context.newCDPSession(page);
    const { events } = await traced(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline', async () => {
      for (const typed of TYPED) {
        await page.keyboard.type(typed, { delay: 80 });
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.waitForTimeout(100);
      }
      await page.waitForTimeout(300);
    });
    const deltas = await page.evaluate(() => {
      const downs = (window as unknown as { keydowns: number[] }).keydowns;
      const marks = performance.getEntriesByName('paperlens:results').map((m) => m.startTime);
      return downs.map((d) => (marks.find((m) => m >= d) ?? NaN) - d).filter((x) => !Number.isNaN(x));
    });
    const s = stats(deltas);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return `keystroke → results painted (${deltas.length} keys): median ${ms(median(deltas))}, p95 ${ms(s.p95)}, max ${ms(s.max)};` +
      ` while typing: ${breakdown(events)}; popup JS heap ${(heap.usedSize / 1e6).toFixed(1)} MB`;
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

async function benchSize(real: Paper[], size: number, builds: [string, string][]): Promise<void> {
  console.log(`\n### Popup in Chromium, ${size.toLocaleString('en')} papers (load average ${load()})\n`);
  const prepared: Build[] = [];
  try {
    for (const [label, dir] of builds) prepared.push(await prepare(label, dir, real, size));
    const opens = new Map<string, Opening[]>(prepared.map((b) => [b.label, []]));
    // Interleaved, so both builds meet the same load.
    for (let i = 0; i < OPENS; i++) for (const b of prepared) opens.get(b.label)!.push(await open(b));
    const atOnce = new Map<string, number[]>(prepared.map((b) => [b.label, []]));
    for (let i = 0; i < 2; i++) for (const b of prepared) atOnce.get(b.label)!.push(await typeAtOnce(b, 'mixture of experts'));
    for (const b of prepared) {
      const o = opens.get(b.label)!;
      const firsts = o.map((x) => x.first);
      const at = (f: (x: Opening) => number) => ms(median(o.map(f)));
      console.log(`[${b.label}] popup open → first list painted: median ${ms(median(firsts))} (${firsts.map((t) => t.toFixed(0)).join(', ')});` +
        ` the UI thread's CPU until then: median ${at((x) => x.cpu)} (${o.map((x) => x.cpu.toFixed(0)).join(', ')});` +
        ` phases ended at (medians): HTML received ${at((x) => x.html)}, scripts evaluated ${at((x) => x.scripts)}, first render ${at((x) => x.rendered)};` +
        ` → index loaded: ${o.map((x) => x.loaded.toFixed(0)).join(', ')} ms;` +
        ` UI thread's longest task meanwhile ${o.map((x) => x.longest.toFixed(0)).join(', ')} ms (long tasks in all ${o.map((x) => x.blocked.toFixed(0)).join(', ')} ms);` +
        ` "mixture of experts" typed at once → its results painted: ${atOnce.get(b.label)!.map((t) => t.toFixed(0)).join(', ')} ms`);
    }
    for (const b of prepared) console.log(`[${b.label}] ${await keystrokes(b)}`);
    console.log(`(load average at the end ${load()})`);
  } finally {
    for (const b of prepared) await b.context.close();
  }
}

export default async function bench(): Promise<void> {
  const real = buildCatalog(readSeedDir('seeds')).papers;
  const sizes = (process.env.SEARCH_POPUP_SIZES ?? `${real.length},10000,20000,100000`).split(',').map(Number);
  const builds = (process.env.SEARCH_POPUP_BUILDS ?? `now=${process.env.PAPERLENS_OUT_DIR ?? '.output'}`).split(',').map((spec): [string, string] => {
    const [label, dir] = spec.includes('=') ? (spec.split('=') as [string, string]) : [spec, spec];
    return [label, resolve(dir, 'chrome-mv3')];
  });
  for (const [label, dir] of builds) {
    if (!existsSync(resolve(dir, 'manifest.json'))) {
      console.log(`skipped: no built extension for ${label} at ${dir} (run \`npm run build\` first)`);
      return;
    }
  }
  for (const size of sizes) await benchSize(real, size, builds);
}
