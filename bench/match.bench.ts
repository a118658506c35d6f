/**
 * Page recognition speed in real Chromium with the built extension: an arXiv listing of 2,000
 * entries (the saved 2023 listing repeated, or generated in its markup when the shared pages are
 * absent) against catalogs of 333 (real), 10,000 and 100,000 titles (real + deterministic
 * synthetic). The same bundle is used for every size; only catalog.json differs.
 *
 * Reported per size: the floor (reading the 2,000 titles' text in the page); the content
 * script's main-thread time: its own work as it counts it (lib/sites/own-tasks.ts: every scan
 * slice, the marking of each answer, badges and save controls placed near the viewport, with
 * any layout they forced), plus the style and layout its nodes (badges, save controls) cost
 * (measured forced, because the frame after marking also carries the page's own first layout of
 * its 3.8 MB, present without the extension too); the wall time to the next painted frame; the longest task (Long Tasks API) and frame (LoAF) in that window; the
 * background's match time for the one batched request; and the index build, once per catalog
 * version (and again after the service worker was stopped).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../e2e/browser';
import { paperId } from '../lib/catalog/id';
import type { Catalog, Paper } from '../lib/catalog/types';
import { rng } from './rng';
import { observeLongTasks } from './long-tasks';

const OUT_DIR = '.output-bench-match';
/** `BENCH_SIZES=333,10000` runs a subset. */
const SIZES = (process.env.BENCH_SIZES ?? '333,10000,100000').split(',').map(Number);
const ENTRIES = 2_000;
/** Catalog titles planted into the listing (the same real ones at every size). */
const PLANTED = 100;
const RUNS = 3;
const SHARED_LIST = resolve('..', 'shared', 'fixtures', 'pages', 'arxiv-list-2023.html');

const WORDS = (
  'adaptive sparse attention transformer diffusion graph neural network contrastive learning efficient ' +
  'scalable robust multimodal vision language model reinforcement policy optimization federated privacy ' +
  'quantization pruning distillation retrieval augmented generation benchmark dataset segmentation ' +
  'detection forecasting time series mixture experts state space long context reasoning alignment ' +
  'self supervised pretraining tokenization speech audio video point cloud 3d reconstruction medical ' +
  'imaging protein molecular causal inference uncertainty calibration continual few shot zero domain'
).split(' ');
const NAMES = 'Flux Nova Orbit Prism Quanta Helix Vertex Cobalt Lumen Atlas Ember Zephyr Cipher Astra Kairos'.split(' ');

/** Real papers plus synthetic ones with title-like titles, `size` in all. */
export function paddedCatalog(real: Catalog, size: number): Catalog {
  const next = rng(size);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const papers: Paper[] = [...real.papers];
  const seen = new Set(papers.map((p) => p.id));
  while (papers.length < size) {
    const words = Array.from({ length: 4 + Math.floor(next() * 7) }, () => pick(WORDS));
    const title = `${pick(NAMES)}${Math.floor(next() * 1000)}: ${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')}`;
    const id = paperId(title);
    if (seen.has(id)) continue;
    seen.add(id);
    papers.push({ id, title, abstract: '', tldr: '', keyResult: null, links: [], topics: [], sources: ['synthetic'] });
  }
  return { version: `${real.version}-pad${size}`, papers };
}

/** The listing entries: the saved page's 200 repeated, or generated in the same markup. */
export function listingPage(planted: string[]): string {
  let entries: string[];
  if (existsSync(SHARED_LIST)) {
    entries = readFileSync(SHARED_LIST, 'utf8').split('<div class="meta">').slice(1).map((e) => `<div class="meta">${e}`);
  } else {
    const next = rng(7);
    entries = Array.from(
      { length: 200 },
      (_, i) => `<div class="meta"><div class="list-title mathjax">
<span class="descriptor"><h3><a name="item1">[${i + 1}] </a></span> ${Array.from({ length: 8 }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ')} [<a href="http://arxiv.org/abs/2301.0${i}" title="Abstract">arXiv:2301.0${i}</a>]</h3>
</div><div class="list-authors"><span class="descriptor"><strong>Authors:</strong></span> A. Author, B. Author</div>
<div class="list-abs"><span class="descriptor"><strong>Abstract:</strong></span> ${'We study things. '.repeat(60)}</div></div></dt><br />`,
    );
  }
  const out: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    let entry = entries[i % entries.length]!;
    const spacing = Math.floor(ENTRIES / PLANTED);
    if (i % spacing === 0 && i / spacing < planted.length) {
      entry = entry.replace(/(<\/span>\s*)([^[<]+?)(\s*\[<a)/, (_, a: string, _t: string, b: string) => `${a}${planted[i / spacing]}${b}`);
    }
    out.push(entry);
  }
  return `<!DOCTYPE html><html><head><title>Computer Science authors/titles "new"</title></head><body>
<h2>Machine Learning</h2><dl>${out.join('\n')}</dl></body></html>`;
}

/**
 * Runs in the page before its scripts (after `observeLongTasks`): records every long animation
 * frame with the scripts it ran, for the same list with and without PaperLens.
 */
function observeLongFrames(): void {
  (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
  // Frames over 50 ms, with how much of them was style and layout (rendering the marks).
  const frames: { start: number; duration: number; render: number; scripts: string[] }[] = [];
  (window as unknown as { __frames: typeof frames }).__frames = frames;
  type Script = { invoker: string; sourceURL: string; duration: number; forcedStyleAndLayoutDuration: number };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { styleAndLayoutStart: number; scripts: Script[] })[]) {
      frames.push({
        start: e.startTime,
        duration: e.duration,
        render: e.startTime + e.duration - e.styleAndLayoutStart,
        scripts: e.scripts.map(
          (x) =>
            `${x.invoker} (${x.sourceURL.replace(/^.*\//, '') || 'page'}) ${x.duration.toFixed(0)} ms` +
            (x.forcedStyleAndLayoutDuration ? `, forced style+layout ${x.forcedStyleAndLayoutDuration.toFixed(0)} ms` : ''),
        ),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

interface Run {
  floor: number;
  /** The content script's own main-thread work (paperlens:busy): total, longest stretch, stretches. */
  own: number;
  ownLongest: number;
  ownCount: number;
  /** The own work per kind (the names the content script gives each stretch), in ms. */
  ownByName: Record<string, number>;
  collect: number;
  paint: number;
  idleFrame: number;
  mainThread: number;
  wall: number;
  longest: number;
  /** When the longest task started, relative to the scan's start (ours when about 0). */
  longestAt: number;
  /** Longest animation frame over 50 ms in the window (0: none), and its style + layout part. */
  longestFrame: number;
  frameRender: number;
  badgeRender: number;
  match: number;
  marks: number;
  candidates: number;
  /** Content script start → matches back: what a reader waits for (wakes the service worker when stopped). */
  answered: number;
  /** When the content script started, as a wall-clock time (compared with the service worker's clock). */
  startEpoch: number;
  /** Content script start → site settings received, → first slice posted (NaN: a build without these marks). */
  settingsAt: number;
  firstSentAt: number;
  /** When the scan started and when its marks were painted, ms after navigation start. */
  scanAt: number;
  renderedAt: number;
  /** Every long task from navigation start to a second after the marks were painted, [start, duration] in ms. */
  tasks: [number, number][];
  /** The scripts the longest frame ran (Long Animation Frames attribution), to name what a long task was. */
  frameScripts: string[];
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/**
 * The extension service worker's memory after a full collection, in MB, read over the DevTools
 * port: the JavaScript heap in use plus the array buffers' backing stores (where the match
 * index's packed tables live, outside the heap).
 */
async function workerHeapMb(devtoolsPort: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${devtoolsPort}/json/list`)).json()) as {
    type: string;
    url: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!target) return NaN;
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let next = 0;
  const pending = new Map<number, (result: Record<string, number>) => void>();
  ws.onmessage = (e) => {
    const message = JSON.parse(String(e.data)) as { id?: number; result?: Record<string, number> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  };
  const send = (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      pending.set(++next, resolve);
      ws.send(JSON.stringify({ id: next, method }));
    });
  await send('HeapProfiler.collectGarbage');
  const { usedSize, backingStorageSize } = await send('Runtime.getHeapUsage');
  ws.close();
  return (usedSize! + (backingStorageSize ?? 0)) / 1e6;
}

/** The same listing in the same browser without the extension: the page's own long tasks. */
async function plainTasks(html: string): Promise<[number, number][]> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const context = await launchWithExtension({ extensionDir: null, hosts: { names: ['arxiv.org'], port } });
  try {
    const page = await context.newPage();
    await page.addInitScript(observeLongTasks);
    await page.addInitScript(observeLongFrames);
    await page.goto('http://arxiv.org/list/cs.LG/new', { timeout: 120_000 });
    await sleep(2000);
    return await page.evaluate(() =>
      (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks.map((t): [number, number] => [
        Math.round(t.start),
        Math.round(t.duration),
      ]),
    );
  } finally {
    await context.close();
    server.close();
  }
}

interface Measured {
  /** The first listing after the catalog was loaded (the index is built then, or was at install). */
  cold: Run;
  warm: Run[];
  /** The first listing after the service worker was stopped, as Chrome stops it when idle. */
  stopped: Run;
  indexBuild: number;
  /** Reading the stored index back when the stopped worker woke (NaN: it was rebuilt). */
  indexLoad: number;
  /** A rebuild after the wake-up, if any (NaN: none, the stored index was used). */
  rebuildOnWake: number;
  /** The woken worker making sure the bundled catalog is in the database (reads catalog.json). */
  catalogOnWake: number;
  /** The median of `WAKES` wake-ups, each step in ms after the content script started (see {@link Wake}). */
  wake: Wake;
  /** Content script start → the woken worker started running (the browser starting it). */
  workerStarted: number;
  /** Content script start → the woken worker answered its first matchPage (the first marks). */
  firstAnswered: number;
  /** That first matchPage, from its arrival in the worker to its answer. */
  firstServed: number;
  heapWarm: number;
  heapWoken: number;
  load: number;
}

/**
 * One wake-up of a stopped worker by a listing, each step in ms after the content script
 * started (NaN where a build leaves no mark for it).
 */
interface Wake {
  /** The browser started the worker (its time origin). */
  started: number;
  /** background.js evaluated: the worker's main function runs. */
  scriptRun: number;
  /** IndexedDB open (Dexie). */
  dbOpen: number;
  /** The content script's getSiteSettings answered in the worker, and received by the content script. */
  settingsServed: number;
  settingsReceived: number;
  /** The content script posted its first slice. */
  firstSent: number;
  /** The first matchPage arrived in the worker; its index was ready; it was matched; answered. */
  matchArrived: number;
  indexReady: number;
  matched: number;
  answered: number;
  /** The content script had all the page's matches. */
  allMatches: number;
  /** Stored index read back (from the first matchPage's arrival), and the index file read (from the worker's start; n/a: no file). */
  indexRead: number;
  fileRead: number;
}

/** How many times the worker is stopped and woken by the listing (the median is reported). */
const WAKES = Number(process.env.BENCH_WAKES ?? 3);

async function measure(extDir: string, html: string): Promise<Measured> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const devtools = await freePort();
  const context = await launchWithExtension({
    extensionDir: extDir,
    hosts: { names: ['arxiv.org'], port },
    args: [`--remote-debugging-port=${devtools}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const loadStart = Date.now();
    // Loads the catalog into IndexedDB through the real handler, as an install does.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    await popup.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(
        { id: 1, type: 'catalogStatus', timestamp: Date.now() },
      ),
    );
    await popup.close();
    const load = Date.now() - loadStart;
    const runOnce = async (): Promise<Run> => {
      const page = await context.newPage();
      await page.addInitScript(observeLongTasks);
      await page.addInitScript(observeLongFrames);
      await page.goto('http://arxiv.org/list/cs.LG/new', { timeout: 120_000 });
      await page.waitForFunction(() => performance.getEntriesByName('paperlens:rendered').length > 0, undefined, {
        timeout: 120_000,
      });
      const run = await page.evaluate(async () => {
        // Tasks that follow the marks (the issue's "~200 ms task after the scan") land in the list too.
        await new Promise((r) => setTimeout(r, 1000));
        const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
        const marked = performance.getEntriesByName('paperlens:marked')[0] as PerformanceMark;
        const detail = marked.detail as { candidates: number; matches: number };
        // Wall time of reading the page in slices and posting them (serialization included).
        const collect = at('paperlens:sent') - at('paperlens:scan');
        const busy = performance.getEntriesByName('paperlens:busy')[0] as PerformanceMark;
        const own = busy.detail as { total: number; count: number; longest: [number, number][]; byName?: Record<string, number> };
        const paint = at('paperlens:rendered') - at('paperlens:marked');
        const start = at('paperlens:start');
        const end = at('paperlens:rendered');
        const tasks = (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks;
        const inWindow = tasks.filter((t) => t.start + t.duration >= start && t.start <= end);
        const frames = (window as unknown as { __frames: { start: number; duration: number; render: number; scripts: string[] }[] }).__frames;
        const longFrames = frames.filter((f) => f.start + f.duration >= start && f.start <= end);
        const t0 = performance.now();
        let chars = 0;
        for (const el of document.querySelectorAll('div.list-title')) chars += (el.textContent ?? '').length;
        const floor = performance.now() - t0;
        // The same wait for a frame with nothing changed: what "painted" costs without our marks.
        const f0 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        const idleFrame = performance.now() - f0;
        // What our nodes cost to render, separated from the page's own first rendering (which
        // can fall in the same frame): take the badges and save controls out, then put them back
        // and force style and layout synchronously.
        const nodes = [...document.querySelectorAll('paperlens-badge, paperlens-save')].map((b) => [b, b.parentNode!, b.nextSibling] as const);
        for (const [b] of nodes) b.remove();
        void document.body.offsetHeight;
        const r0 = performance.now();
        // Last first: a node's next sibling may be one of ours (a badge beside a save control), back by then.
        for (const [b, parent, next] of nodes.toReversed()) parent.insertBefore(b, next);
        void document.body.offsetHeight;
        const badgeRender = performance.now() - r0;
        return {
          floor,
          badgeRender,
          chars,
          own: own.total,
          ownLongest: own.longest[0]?.[1] ?? 0,
          ownCount: own.count,
          ownByName: own.byName ?? {},
          collect,
          paint,
          idleFrame,
          mainThread: own.total + badgeRender,
          wall: end - start,
          longest: Math.max(0, ...inWindow.map((t) => t.duration)),
          longestAt: inWindow.length
            ? inWindow.reduce((a, b) => (b.duration > a.duration ? b : a)).start - at('paperlens:scan')
            : NaN,
          longestFrame: Math.max(0, ...longFrames.map((f) => f.duration)),
          frameRender: Math.max(0, ...longFrames.map((f) => f.render)),
          marks: detail.matches,
          candidates: detail.candidates,
          answered: at('paperlens:matched') - start,
          startEpoch: performance.timeOrigin + start,
          settingsAt: (performance.getEntriesByName('paperlens:settings')[0]?.startTime ?? NaN) - start,
          firstSentAt: (performance.getEntriesByName('paperlens:first-sent')[0]?.startTime ?? NaN) - start,
          scanAt: at('paperlens:scan'),
          renderedAt: end,
          tasks: tasks.filter((t) => t.start <= end + 1000).map((t): [number, number] => [Math.round(t.start), Math.round(t.duration)]),
          frameScripts: longFrames.length ? longFrames.reduce((a, b) => (b.duration > a.duration ? b : a)).scripts : [],
        };
      });
      const current = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const match = await current.evaluate(() => performance.getEntriesByName('paperlens:match').at(-1)?.duration ?? NaN);
      await page.close();
      return { ...run, match };
    };
    const cold = await runOnce();
    const indexBuild = await worker.evaluate(
      () => performance.getEntriesByName('paperlens:index-build').at(-1)?.duration ?? NaN,
    );
    const warm: Run[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await runOnce());
    const heapWarm = await workerHeapMb(devtools);
    // Stopped as Chrome stops an idle worker; the next listing's content script wakes it.
    const wakeOnce = async (): Promise<{ run: Run; wake: Wake; indexLoad: number; rebuildOnWake: number; catalogOnWake: number }> => {
      const blank = await context.newPage();
      const cdp = await context.newCDPSession(blank);
      await cdp.send('ServiceWorker.enable');
      const current = context.serviceWorkers()[0];
      const closed = current ? new Promise((r) => current.once('close', r)) : Promise.resolve();
      await cdp.send('ServiceWorker.stopAllWorkers');
      await Promise.race([closed, sleep(10_000)]);
      await blank.close();
      const run = await runOnce();
      const woken = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      // Entries as [start, end, duration] (no helper functions: the bundler would name them, and the worker has no `__name`).
      const entries = await woken.evaluate(() => ({
        origin: performance.timeOrigin,
        at: Object.fromEntries(
          [
            'paperlens:worker-main',
            'paperlens:db-open',
            'paperlens:first-settings',
            'paperlens:first-match',
            'paperlens:first-match-index',
            'paperlens:first-match-matched',
            'paperlens:index-load',
            'paperlens:index-file-read',
            'paperlens:index-build',
            'paperlens:catalog-ready',
          ].map((name) => [name, performance.getEntriesByName(name).at(-1)]).map(([name, e]) => [name, e ? [(e as PerformanceEntry).startTime, (e as PerformanceEntry).startTime + (e as PerformanceEntry).duration, (e as PerformanceEntry).duration] : [NaN, NaN, NaN]]),
        ) as Record<string, [number, number, number]>,
      }));
      const at = (name: string) => entries.at[`paperlens:${name}`]!;
      const inWorker = {
        origin: entries.origin,
        scriptRun: at('worker-main')[0],
        dbOpen: at('db-open')[1],
        settingsServed: at('first-settings')[1],
        matchArrived: at('first-match')[0],
        indexReady: at('first-match-index')[1],
        matched: at('first-match-matched')[1],
        answered: at('first-match')[1],
        indexLoad: at('index-load')[2],
        fileRead: at('index-file-read')[2],
        rebuildOnWake: at('index-build')[2],
        catalogOnWake: at('catalog-ready')[2],
      };
      const toPage = (t: number) => inWorker.origin + t - run.startEpoch;
      const wake: Wake = {
        started: inWorker.origin - run.startEpoch,
        scriptRun: toPage(inWorker.scriptRun),
        dbOpen: toPage(inWorker.dbOpen),
        settingsServed: toPage(inWorker.settingsServed),
        settingsReceived: run.settingsAt,
        firstSent: run.firstSentAt,
        matchArrived: toPage(inWorker.matchArrived),
        indexReady: toPage(inWorker.indexReady),
        matched: toPage(inWorker.matched),
        answered: toPage(inWorker.answered),
        allMatches: run.answered,
        indexRead: inWorker.indexLoad,
        fileRead: inWorker.fileRead,
      };
      return { run, wake, indexLoad: inWorker.indexLoad, rebuildOnWake: inWorker.rebuildOnWake, catalogOnWake: inWorker.catalogOnWake };
    };
    const wakes: Awaited<ReturnType<typeof wakeOnce>>[] = [];
    for (let i = 0; i < WAKES; i++) wakes.push(await wakeOnce());
    // The wake-up with the median time to the first answer (the first is the catalog's check's too).
    const typicalWake = [...wakes].sort((a, b) => a.wake.answered - b.wake.answered)[Math.floor(wakes.length / 2)]!;
    const wake = Object.fromEntries(
      (Object.keys(typicalWake.wake) as (keyof Wake)[]).map((k) => [k, median(wakes.map((w) => w.wake[k]))]),
    ) as unknown as Wake;
    const stopped = typicalWake.run;
    const { indexLoad, rebuildOnWake } = typicalWake;
    const catalogOnWake = wakes[0]!.catalogOnWake;
    const first = { origin: 0, end: wake.answered, duration: wake.answered - wake.matchArrived };
    const heapWoken = await workerHeapMb(devtools);
    return {
      cold,
      warm,
      stopped,
      indexBuild,
      indexLoad,
      rebuildOnWake,
      catalogOnWake,
      wake,
      workerStarted: wake.started,
      firstAnswered: first.end,
      firstServed: first.duration,
      heapWarm,
      heapWoken,
      load,
    };
  } finally {
    await context.close();
    server.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

type NumericKey = { [K in keyof Run]: Run[K] extends number ? K : never }[keyof Run];
const tasksText = (tasks: [number, number][]) => (tasks.length ? tasks.map(([at, d]) => `${d} ms at ${at}`).join(', ') : 'none');

export default async function matchBench(): Promise<void> {
  console.log(`Building the extension into ${OUT_DIR} …`);
  execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, PAPERLENS_OUT_DIR: OUT_DIR }, stdio: 'ignore' });
  const built = resolve(OUT_DIR, 'chrome-mv3');
  // `BENCH_BASE_EXT_DIR=<chrome-mv3 dir>`: another build (main before a change) measured in the same run, before this one at each size.
  const baseDir = process.env.BENCH_BASE_EXT_DIR;
  const builds: [string, string][] = [...(baseDir ? ([['base', resolve(baseDir)]] as [string, string][]) : []), ['this', built]];
  const real = JSON.parse(readFileSync(join(built, 'catalog.json'), 'utf8')) as Catalog;
  const planted = real.papers.slice(0, PLANTED).map((p) => p.title);
  const html = listingPage(planted);
  console.log(
    `Listing: ${ENTRIES} entries (${existsSync(SHARED_LIST) ? 'saved arXiv listing repeated' : 'generated'}), ` +
      `${planted.length} catalog titles planted, ${(html.length / 1e6).toFixed(1)} MB; median of ${RUNS} warm runs and ${WAKES} wake-ups; ` +
      `${baseDir ? `base build ${baseDir} measured before this one at each size; ` : ''}load average ${loadAverage()} at the start.\n`,
  );
  const rows: string[] = [];
  const wakeRows: string[] = [];
  const stepRows: string[] = [];
  const taskLists: string[] = [];
  for (const size of SIZES) {
    for (const [label, source] of builds) {
      const dir = mkdtempSync(join(tmpdir(), `paperlens-bench-${size}-`));
      try {
        cpSync(source, dir, { recursive: true });
        writeFileSync(join(dir, 'catalog.json'), JSON.stringify(paddedCatalog(real, size)));
        const result = await measure(dir, html);
        const { cold, warm, stopped, indexBuild, load, wake } = result;
        const m = (k: NumericKey) => median(warm.map((r) => r[k]));
        const name = `${size.toLocaleString('en')}${baseDir ? ` (${label})` : ''}`;
        rows.push(
          `| ${name} | ${ms(m('floor'))} | ${ms(m('own'))} in ${m('ownCount')} | ${ms(m('collect'))} | ` +
            `${ms(m('paint'))} (idle frame ${ms(m('idleFrame'))}) | ${ms(m('badgeRender'))} | ${ms(m('mainThread'))} (${(m('mainThread') / m('floor')).toFixed(1)}× floor) | ${ms(m('ownLongest'))} | ` +
            `${m('longest') > 0 ? `${ms(m('longest'))} at scan ${m('longestAt') >= 0 ? '+' : ''}${ms(m('longestAt'))}` : 'none > 50 ms'} | ` +
            `${m('longestFrame') > 0 ? `${ms(m('longestFrame'))} (style+layout ${ms(m('frameRender'))})` : 'none > 50 ms'} | ${ms(m('match'))} | ${ms(m('wall'))} | ` +
            `${ms(indexBuild)} | ${ms(cold.wall)} | ${m('marks')}/${m('candidates')} | ${(load / 1000).toFixed(1)} s |`,
        );
        wakeRows.push(
          `| ${name} | ${ms(m('answered'))} | ${ms(stopped.answered)} | ${ms(result.firstAnswered)} | ${ms(result.workerStarted)} | ${ms(result.firstServed)} | ${ms(result.catalogOnWake)} | ${ms(result.indexLoad)} | ` +
            `${Number.isFinite(result.rebuildOnWake) ? ms(result.rebuildOnWake) : 'none'} | ${ms(indexBuild)} | ${result.heapWarm.toFixed(1)} MB | ${result.heapWoken.toFixed(1)} MB |`,
        );
        stepRows.push(
          `| ${name} | ${[wake.started, wake.scriptRun, wake.dbOpen, wake.settingsServed, wake.settingsReceived, wake.firstSent, wake.matchArrived, wake.indexReady, wake.matched, wake.answered, wake.allMatches]
            .map(ms)
            .join(' | ')} | ${ms(wake.indexRead)} | ${ms(wake.fileRead)} | ${loadAverage()} |`,
        );
        const typical = [...warm].sort((a, b) => a.mainThread - b.mainThread)[Math.floor(warm.length / 2)]!;
        const plain = await plainTasks(html);
        taskLists.push(
          `- ${name} papers, with PaperLens (scan at ${Math.round(typical.scanAt)}, marks painted at ${Math.round(typical.renderedAt)} ms): ${tasksText(typical.tasks)}` +
            `${typical.frameScripts.length ? `; the longest frame ran: ${typical.frameScripts.join('; ')}` : ''}\n` +
            `  own work by kind: ${Object.entries(typical.ownByName).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ') || 'n/a'}; badges + save controls style+layout ${ms(typical.badgeRender)}\n` +
            `  without PaperLens, same page and browser: ${tasksText(plain)}`,
        );
        console.log(rows.at(-1));
        console.log(wakeRows.at(-1));
        console.log(stepRows.at(-1));
        console.log(taskLists.at(-1));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  console.log(
    '\n| catalog | floor: read 2,000 titles | PaperLens own work (stretches) | wall: read + post in slices | wall: marks → next frame | badges + save controls: style+layout (forced) | main thread: own work + render | longest own stretch | longest task (Long Tasks API) | longest frame (LoAF) | background match | wall: start → painted | index build (once per version) | cold wall (incl. build) | marks/candidates | catalog load into IndexedDB |',
  );
  console.log(`|${' --- |'.repeat(16)}`);
  for (const row of rows) console.log(row);
  console.log(
    '\n| catalog | warm worker: content script start → all matches | stopped worker: content script start → all matches | stopped worker: content script start → first matches | of which: worker started | of which: first matchPage in the worker | catalog check on wake (after the first answer) | stored index read back on wake | rebuild on wake | index build (once per revision) | service-worker memory (heap + buffers), warm | same, after the wake |',
  );
  console.log(`|${' --- |'.repeat(12)}`);
  for (const row of wakeRows) console.log(row);
  console.log(
    `\nA stopped worker woken by the listing, step by step (ms after the content script started; median of ${WAKES} wake-ups; n/a: a build without that mark):\n` +
      '| catalog | worker started | background.js evaluated | IndexedDB open | settings answered (worker) | settings received (page) | first slice posted | first matchPage arrived | its index ready | matched | answered | all matches (page) | index ready after the first matchPage arrived | index file read (from the worker start) | load average |',
  );
  console.log(`|${' --- |'.repeat(15)}`);
  for (const row of stepRows) console.log(row);
  console.log('\nLong tasks (duration at ms after navigation start), the median warm run:');
  for (const list of taskLists) console.log(list);
}

const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' ');
