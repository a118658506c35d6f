/**
 * `npm run bench -- search-popup`: the toolbar popup in real Chromium on popup.html, with the
 * real catalog and with 10,000 / 20,000 / 100,000 papers (notes on 10%) in the extension's
 * IndexedDB. Needs a build (`npm run build`, or PAPERLENS_OUT_DIR=… npx wxt build).
 *
 * SEARCH_POPUP_SIZES=333,20000 picks sizes, SEARCH_POPUP_OPENS=10 the openings per build (5; 0 for
 * keystrokes only), SEARCH_POPUP_ROUNDS=5 the rounds of typing per build (3). SEARCH_POPUP_BUILDS=before=/tmp/base,after=.output
 * compares builds in the same run: each gets its own browser with the same papers, and their
 * popup openings alternate, so a change in the machine's load hits both alike.
 *
 * Per build and size: popup open → first list painted (with the UI thread's CPU until then, from
 * a trace, and when the HTML came, the scripts were evaluated and the first render committed)
 * and → index loaded (the worker holds it),
 * a query typed the moment the field exists → its results painted, and keystroke → results
 * painted over the keys that change the field (not Control or arrows): in the page, keydown to
 * the paint mark of that value, split into the engine's own time (the popup's `paperlens:search`
 * measure) and the rest; from Chromium's trace, keydown to the end of that frame's paint, the UI
 * thread's time per key (script, style and layout, paint) and the keys it spent longest on; and
 * the popup's JS heap.
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
/** Rounds of typing the queries per build (SEARCH_POPUP_ROUNDS), alternating between builds. */
const ROUNDS = Number(process.env.SEARCH_POPUP_ROUNDS ?? 3);
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
  args?: { name?: string; data?: { type?: string; detail?: string } };
}

/** Trace event names summed per kind of UI-thread work (nested events counted in their own row). */
const KINDS: [string, string[]][] = [
  ['script', ['EventDispatch', 'TimerFire', 'FunctionCall', 'RunMicrotasks', 'FireAnimationFrame']],
  ['style and layout', ['UpdateLayoutTree', 'Layout']],
  ['paint', ['PrePaint', 'Paint', 'Layerize', 'Commit']],
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

/**
 * Thread time (trace `tdur`: a wait for a core on a loaded machine does not count) of the
 * events named `names` in [from, to], each counted once: an event inside another of them (a
 * function call inside its event dispatch) is part of the outer one.
 */
function threadTime(events: readonly TraceEvent[], names: readonly string[], from: number, to: number): number {
  let total = 0;
  let outerEnd = -Infinity;
  for (const e of events) {
    if (e.ph !== 'X' || !names.includes(e.name) || e.ts < from || e.ts > to) continue;
    if (e.ts < outerEnd) continue;
    outerEnd = e.ts + (e.dur ?? 0);
    total += (e.tdur ?? e.dur ?? 0) / 1000;
  }
  return total;
}

/** One key that changed the field, as the popup's UI thread saw it in the trace. */
interface TracedKey {
  /** Keydown → the end of the paint of the frame that shows its results (the results mark's frame). */
  painted: number;
  /** UI-thread time per kind (KINDS) from keydown to that paint. */
  kinds: number[];
  /** The UI thread's time in all from keydown to that paint (its tasks' thread time: waiting for a core not counted). */
  busy: number;
  /** The query the painted results answer. */
  query: string;
}

/**
 * Every key that changed the search field (a keydown followed by an input event before the next
 * keydown: not arrows, Shift or Control), from the popup's UI-thread trace: keydown → the end of
 * the paint after its results mark, and the UI thread's time per kind meanwhile.
 */
function tracedKeys(events: TraceEvent[]): TracedKey[] {
  const dispatch = (type: string) => events.filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === type);
  const downs = dispatch('keydown').sort((a, b) => a.ts - b.ts);
  const first = downs[0];
  if (!first) return [];
  const onMain = (e: TraceEvent) => e.pid === first.pid && e.tid === first.tid;
  const main = events.filter(onMain).sort((a, b) => a.ts - b.ts);
  const inputs = dispatch('input').filter(onMain);
  const marks = main.filter((e) => e.name === 'paperlens:results');
  const tasks = main.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  const keys: TracedKey[] = [];
  downs.forEach((down, i) => {
    const next = downs[i + 1]?.ts ?? Infinity;
    if (!inputs.some((e) => e.ts >= down.ts && e.ts < next)) return;
    const mark = marks.find((m) => m.ts >= down.ts);
    const paint = mark && main.find((e) => e.ph === 'X' && e.name === 'Paint' && e.ts >= mark.ts);
    if (!paint || paint.ts > next) return;
    const end = paint.ts + (paint.dur ?? 0);
    keys.push({
      painted: (end - down.ts) / 1000,
      kinds: KINDS.map(([, names]) => threadTime(main, names, down.ts, end)),
      // From the start of the task that dispatched the keydown.
      busy: threadTime(main, ['ThreadControllerImpl::RunTask'], tasks.findLast((t) => t.ts <= down.ts)?.ts ?? down.ts, end),
      query: String(JSON.parse(mark.args?.data?.detail ?? '""')),
    });
  });
  return keys;
}

/** A page open on the popup with its index loaded, recording keys and the paint marks. */
async function typingPage(b: Build): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(b.url);
  await page.waitForFunction(() => performance.getEntriesByName('paperlens:index-loaded').length > 0, null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    // Each keydown, and the field's value after it when the key changed it (the input event).
    const w = window as unknown as { keys: { at: number; value: string | null }[] };
    w.keys = [];
    addEventListener('keydown', (e) => w.keys.push({ at: e.timeStamp, value: null }), true);
    addEventListener('input', (e) => {
      const key = w.keys.at(-1);
      if (key) key.value = (e.target as HTMLInputElement).value;
    }, true);
    performance.clearMarks('paperlens:results');
    performance.clearMeasures('paperlens:search');
  });
  return page;
}

/** Keystroke → results painted per changing key (keydown to the paint mark of its value), and the engine's time for it. */
async function keyTimes(page: Page): Promise<{ total: number; engine: number }[]> {
  return page.evaluate(() => {
    const keys = (window as unknown as { keys: { at: number; value: string | null }[] }).keys;
    const marks = performance.getEntriesByName('paperlens:results') as PerformanceMark[];
    const searches = performance.getEntriesByName('paperlens:search') as PerformanceMeasure[];
    return keys.flatMap(({ at, value }) => {
      if (value === null) return [];
      const mark = marks.find((m) => m.startTime >= at && m.detail === value);
      if (!mark) return [];
      const search = searches.find((m) => m.startTime >= at && m.startTime <= mark.startTime && m.detail === value);
      // A build without the measure (older code), or a key whose query was not searched (the field emptied).
      return [{ total: mark.startTime - at, engine: search?.duration ?? NaN }];
    });
  });
}

/** Types the bench's queries once, at 80 ms a key, clearing the field after each. */
async function typeRound(page: Page): Promise<void> {
  for (const typed of TYPED) {
    await page.keyboard.type(typed, { delay: 80 });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(300);
}

/**
 * Keystroke → results painted for each build, typing rounds alternating between builds (so the
 * machine's load hits them alike). Only keys that change the field count. Per build: from
 * keydown to the results' paint mark (set in the frame that paints them), the search engine's
 * own part of it (the popup's `paperlens:search` measure) and the rest (rendering, layout, the
 * frame); from the trace, keydown → the end of that frame's paint, and the UI thread's thread
 * time per kind per key.
 */
async function keystrokes(builds: Build[]): Promise<void> {
  const pages = await Promise.all(builds.map(typingPage));
  const traces = new Map<Build, TracedKey[]>(builds.map((b) => [b, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, b] of builds.entries()) {
        const page = pages[i]!;
        await page.bringToFront();
        const cdp = await b.context.newCDPSession(page);
        const { events } = await traced(cdp, 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', () => typeRound(page));
        traces.get(b)!.push(...tracedKeys(events));
        await cdp.detach();
      }
    }
    for (const [i, b] of builds.entries()) {
      const page = pages[i]!;
      const times = await keyTimes(page);
      const totals = times.map((t) => t.total);
      const engine = times.map((t) => t.engine).filter((t) => !Number.isNaN(t));
      const rest = times.filter((t) => !Number.isNaN(t.engine)).map((t) => t.total - t.engine);
      const keys = traces.get(b)!;
      const painted = keys.map((k) => k.painted);
      const kinds = KINDS.map(([kind], j) => `${kind} ${ms(median(keys.map((k) => k.kinds[j]!)))}`).join(', ');
      const busy = keys.map((k) => k.busy);
      const slowest = [...keys].sort((x, y) => y.busy - x.busy).slice(0, 8);
      const cdp = await b.context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      console.log(`[${b.label}] keystroke → results painted (${totals.length} keys that changed the field): median ${ms(median(totals))}, p95 ${ms(stats(totals).p95)}, max ${ms(stats(totals).max)}` +
        (engine.length ? `; of which the search engine (paperlens:search): median ${ms(median(engine))}, p95 ${ms(stats(engine).p95)}; the rest (rows, render, frame): median ${ms(median(rest))}, p95 ${ms(stats(rest).p95)}` : '; (no paperlens:search measure in this build)') +
        `; traced keydown → frame painted (${painted.length} keys): median ${ms(median(painted))}, p95 ${ms(stats(painted).p95)};` +
        ` UI thread's time per key from keydown to that paint: median ${ms(median(busy))}, p95 ${ms(stats(busy).p95)} (median ${kinds}); popup JS heap ${(heap.usedSize / 1e6).toFixed(1)} MB;` +
        ` the keys the UI thread spent longest on: ${slowest.map((k) => `"${k.query}" ${k.busy.toFixed(1)} ms`).join(', ')}`);
    }
  } finally {
    for (const page of pages) await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

async function benchSize(real: Paper[], size: number, builds: [string, string][]): Promise<void> {
  console.log(`\n### Popup in Chromium, ${size.toLocaleString('en')} papers (load average ${load()})\n`);
  const prepared: Build[] = [];
  try {
    for (const [label, dir] of builds) prepared.push(await prepare(label, dir, real, size));
    // SEARCH_POPUP_OPENS=0: keystrokes only.
    if (OPENS > 0) {
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
    }
    await keystrokes(prepared);
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
