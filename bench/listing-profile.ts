/**
 * CPU profiles of the page's main thread while the content script reads the 2,000-entry listing
 * of `npm run bench -- match`: the self time of each function while a content-script frame is on
 * the stack, and the content script's functions by total time, so what its own time is spent on
 * can be named. Several builds, comma-separated, are loaded page by page in turn (one browser
 * each), so they meet the same load:
 *
 *   PAPERLENS_MINIFY=0 PAPERLENS_OUT_DIR=/tmp/a npx wxt build   # readable names
 *   PROFILE_RUNS=4 npx tsx bench/listing-profile.ts /tmp/base/chrome-mv3,/tmp/a/chrome-mv3 333
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../e2e/browser';
import type { Catalog } from '../lib/catalog/types';
import { listingPage, paddedCatalog } from './match.bench';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const sources = (process.argv[2] ?? '.output/chrome-mv3').split(',').map((d) => resolve(d));
const size = Number(process.argv[3] ?? 333);
const runs = Number(process.env.PROFILE_RUNS ?? 3);
/** `PROFILE_CPU=0`: own time and floor only, without the sampler's overhead. */
const profiling = process.env.PROFILE_CPU !== '0';
/** Sampling interval (µs): a sample is taken only while the thread runs, so samples × interval approximates its CPU time, which the load hardly changes. */
const INTERVAL_US = 100;
const FLOOR_TIMES = 5;
const real = JSON.parse(readFileSync(join(sources[0]!, 'catalog.json'), 'utf8')) as Catalog;
const html = listingPage(real.papers.slice(0, 100).map((p) => p.title));
const server = createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address() as AddressInfo;

interface Build {
  source: string;
  context: Awaited<ReturnType<typeof launchWithExtension>>;
  self: Map<string, number>;
  inclusive: Map<string, number>;
  own: number[];
  floor: number[];
  /** Samples × interval: with a content-script frame on the stack, and in the floor's function (per reading). */
  ownCpu: number[];
  floorCpu: number[];
  byName: Map<string, number>;
}
const builds: Build[] = [];
for (const source of sources) {
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-profile-'));
  cpSync(source, dir, { recursive: true });
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(paddedCatalog(real, size)));
  const context = await launchWithExtension({ extensionDir: dir, hosts: { names: ['arxiv.org'], port } });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  await popup.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
      id: 1,
      type: 'catalogStatus',
      timestamp: Date.now(),
    }),
  );
  await popup.close();
  builds.push({ source, context, self: new Map(), inclusive: new Map(), own: [], floor: [], ownCpu: [], floorCpu: [], byName: new Map() });
}

// Builds alternate page by page, so both meet the same load; the first round warms each worker's index.
for (let run = 0; run <= runs; run++) {
  for (const build of builds) {
    const { context, self, inclusive } = build;
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // tsx names the functions it compiles with a helper the page lacks.
    await page.addInitScript('globalThis.__name = (f) => f;');
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
      await cdp.send('Profiler.start');
    }
    await page.goto('http://arxiv.org/list/cs.LG/new', { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('paperlens:rendered').length > 0, undefined, { timeout: 120_000 });
    await page.waitForTimeout(500);
    const own = await page.evaluate(() => (performance.getEntriesByName('paperlens:busy')[0] as PerformanceMark).detail as { total: number; byName: Record<string, number> });
    // The floor of match.bench.ts, just reading the titles' text, a few times inside the profile
    // (a named function, so its samples can be counted as the content script's are).
    const floor = await page.evaluate((times) => {
      function paperlensFloor(): number {
        const t0 = performance.now();
        let chars = 0;
        for (const el of document.querySelectorAll('div.list-title')) chars += (el.textContent ?? '').length;
        return chars >= 0 ? performance.now() - t0 : NaN;
      }
      const walls: number[] = [];
      for (let i = 0; i < times; i++) walls.push(paperlensFloor());
      return walls.sort((x, y) => x - y)[times >> 1]!;
    }, FLOOR_TIMES);
    const { profile } = profiling ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }) : { profile: { nodes: [], samples: [], timeDeltas: [] } };
    await page.close();
    if (run === 0) continue;
    build.own.push(own.total);
    build.floor.push(floor);
    for (const [k, v] of Object.entries(own.byName)) build.byName.set(k, (build.byName.get(k) ?? 0) + v);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const label = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    const ours = (n: Node) => n.callFrame.url.includes('content-scripts/');
    let ownSamples = 0;
    let floorSamples = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const stack: Node[] = [];
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
      if (stack.some((n) => n.callFrame.functionName === 'paperlensFloor')) floorSamples++;
      if (!stack.some(ours)) continue;
      ownSamples++;
      const top = label(stack[0]!);
      self.set(top, (self.get(top) ?? 0) + dt);
      for (const n of new Set(stack.filter(ours).map(label))) inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
    }
    if (profiling) {
      build.ownCpu.push((ownSamples * INTERVAL_US) / 1000);
      build.floorCpu.push((floorSamples * INTERVAL_US) / 1000 / FLOOR_TIMES);
    }
  }
}
const top = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / runs).toFixed(1).padStart(7)} ms  ${k}`).join('\n');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (const b of builds) {
  console.log(
    `\n### ${b.source}: own time per run ${b.own.map((x) => x.toFixed(0)).join(' / ')} ms (median ${median(b.own).toFixed(1)}); ` +
      `floor ${b.floor.map((x) => x.toFixed(1)).join(' / ')} ms (median ${median(b.floor).toFixed(1)}); median own / median floor ${(median(b.own) / median(b.floor)).toFixed(1)}×`,
  );
  if (profiling) {
    console.log(
      `sampled CPU: own ${b.ownCpu.map((x) => x.toFixed(0)).join(' / ')} ms (median ${median(b.ownCpu).toFixed(1)}); ` +
        `floor ${b.floorCpu.map((x) => x.toFixed(1)).join(' / ')} ms (median ${median(b.floorCpu).toFixed(1)}); ratio ${(median(b.ownCpu) / median(b.floorCpu)).toFixed(1)}×`,
    );
  }
  console.log(`by kind (mean): ${[...b.byName].map(([k, v]) => `${k} ${(v / runs).toFixed(1)}`).join(', ')}`);
  console.log(`self time with a content-script frame on the stack (mean per run):\n${top(b.self, Number(process.env.PROFILE_TOP ?? 25))}`);
  console.log(`content-script functions, total time:\n${top(b.inclusive, Number(process.env.PROFILE_TOP ?? 25))}`);
  await b.context.close();
}
server.close();
