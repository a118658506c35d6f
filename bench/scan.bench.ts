/**
 * Main-thread cost of recognition in real Chromium with the built extension, on two pages:
 *
 * - **listing**: the 2,000-entry arXiv listing of match.bench.ts (100 catalog titles planted);
 * - **streaming**: an X timeline whose page script appends 10,000 posts, 100 every 20 ms (100 of
 *   them quote a catalog title), as infinite scroll or a live thread does.
 *
 * Each page is loaded with PaperLens, without any extension, and (`BENCH_BASE_EXT_DIR=<built
 * chrome-mv3 dir>`, for a before/after) with another build, the variants interleaved run by run
 * in the same session. Reported per page and variant (median of BENCH_RUNS, 3 by default): the
 * longest task (Long Tasks API) from navigation start until every planted title is marked and a
 * second more, how many tasks took over 50 ms and their total, PaperLens's own longest stretch of
 * work and its total (lib/sites/own-tasks.ts), on the listing the longest task while the reader
 * jumps down the page a quarter at a time (badges and save controls placed there), the wall time
 * to the last mark, and marks found / planted; then every long task of a typical run, with and
 * without PaperLens.
 *
 * `BENCH_EXT_DIR=<built chrome-mv3 dir>` measures another build instead of building this one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import type { BrowserContext } from '@playwright/test';
import { launchWithExtension } from '../e2e/browser';
import type { Catalog } from '../lib/catalog/types';
import { listingPage } from './match.bench';
import { observeLongTasks } from './long-tasks';

const OUT_DIR = '.output-bench-scan';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const COMMENTS = 10_000;
const BATCH = 100;
const PLANTED = 100;

/** A timeline that streams its posts in: the page script appends them in batches. */
function streamingPage(titles: string[]): string {
  const script = `
const titles = ${JSON.stringify(titles)};
const words = 'the model we a of and to in training results data is it that for on with this as was baseline'.split(' ');
let n = 0;
const timeline = document.getElementById('timeline');
function post(i) {
  const text = i % ${COMMENTS / PLANTED} === 7
    ? 'Reminds me of “' + titles[(i / ${COMMENTS / PLANTED}) | 0] + '”, which tried the same thing.'
    : Array.from({ length: 30 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ') + '.';
  return '<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article"><div data-testid="User-Name"><a href="/u' + i + '">u' + i + '</a></div>' +
    '<div lang="en" dir="auto" data-testid="tweetText"><span>' + text + '</span></div></article></div>';
}
function more() {
  const html = [];
  for (let k = 0; k < ${BATCH} && n < ${COMMENTS}; k++) html.push(post(n++));
  timeline.insertAdjacentHTML('beforeend', html.join(''));
  if (n < ${COMMENTS}) setTimeout(more, 20);
  else window.__streamed = performance.now();
}
setTimeout(more, 500);`;
  return `<!doctype html><html><head><title>Home / X</title></head><body><main role="main"><div aria-label="Timeline: Your Home Timeline" id="timeline"></div></main><script>${script}</script></body></html>`;
}

/** Which browser a run uses: this build, another build (`BENCH_BASE_EXT_DIR`, before/after), or no extension. */
type Variant = 'PaperLens' | 'base build' | 'no extension';

interface Run {
  /** Longest task (Long Tasks API) from navigation start until the page was done, and one second after. */
  longest: number;
  over50: number;
  over50Total: number;
  /** PaperLens's own work (lib/sites/own-tasks.ts): its longest stretch and its total. */
  ownLongest: number;
  ownTotal: number;
  /** The longest task while the reader jumps down the page a quarter at a time (listing only). */
  scrollLongest: number;
  wall: number;
  marks: number;
  /** Every long task, [start, duration] in ms after navigation start. */
  tasks: [number, number][];
}

async function runOnce(context: BrowserContext, url: string, planted: number, variant: Variant): Promise<Run> {
  const withExtension = variant !== 'no extension';
  const page = await context.newPage();
  await page.addInitScript(observeLongTasks);
  await page.goto(url, { timeout: 120_000 });
  const started = Date.now();
  // Every planted title marked (one badge each) and the stream done; without the extension, the stream done.
  await page.waitForFunction(
    ([n, ext]) => {
      const streamed = (window as unknown as { __streamed?: number }).__streamed !== undefined || !document.getElementById('timeline');
      return streamed && (!ext || document.querySelectorAll('paperlens-badge').length >= n);
    },
    [planted, withExtension] as const,
    { timeout: 300_000, polling: 100 },
  );
  const wall = Date.now() - started;
  // Let the last rescan (and the controls near the viewport) finish.
  await page.waitForTimeout(1000);
  const settled = await page.evaluate(() => performance.now());
  // The reader jumps down the page (an anchor, End, Ctrl+F): what is placed there costs this.
  const scrolls = url.includes('/list/');
  if (scrolls) {
    for (const at of [0.25, 0.5, 0.75, 1]) {
      await page.evaluate((f) => window.scrollTo(0, f * (document.documentElement.scrollHeight - innerHeight)), at);
      await page.waitForTimeout(400);
    }
  }
  const run = await page.evaluate(
    ([settledAt]) => {
      const tasks = (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks;
      const before = tasks.filter((t) => t.start < settledAt);
      const long = before.filter((t) => t.duration > 50);
      const busy = performance.getEntriesByName('paperlens:busy')[0] as PerformanceMark | undefined;
      const own = (busy?.detail ?? { total: 0, longest: [] }) as { total: number; longest: [number, number][] };
      return {
        longest: Math.max(0, ...before.map((t) => t.duration)),
        over50: long.length,
        over50Total: long.reduce((s, t) => s + t.duration, 0),
        ownLongest: own.longest[0]?.[1] ?? 0,
        ownTotal: own.total,
        scrollLongest: Math.max(0, ...tasks.filter((t) => t.start >= settledAt).map((t) => t.duration)),
        marks: document.querySelectorAll('paperlens-badge').length,
        tasks: before.map((t): [number, number] => [Math.round(t.start), Math.round(t.duration)]),
      };
    },
    [settled] as const,
  );
  await page.close();
  return { ...run, wall };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function scanBench(): Promise<void> {
  let extDir = process.env.BENCH_EXT_DIR;
  if (!extDir) {
    console.log(`Building the extension into ${OUT_DIR} …`);
    execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, PAPERLENS_OUT_DIR: OUT_DIR }, stdio: 'ignore' });
    extDir = resolve(OUT_DIR, 'chrome-mv3');
  }
  const baseDir = process.env.BENCH_BASE_EXT_DIR;
  const real = JSON.parse(readFileSync(join(extDir, 'catalog.json'), 'utf8')) as Catalog;
  const titles = real.papers.slice(0, PLANTED).map((p) => p.title);
  const pages = new Map([
    ['/list/cs.LG/new', listingPage(titles)],
    ['/home', streamingPage(real.papers.slice(100, 100 + PLANTED).map((p) => p.title))],
  ]);
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pages.get(new URL(req.url ?? '/', 'http://x').pathname) ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const hosts = { names: ['arxiv.org', 'x.com'], port };
  console.log(
    `Extension: ${extDir}${baseDir ? `; base build: ${baseDir}` : ''}; median of ${RUNS} runs, the variants interleaved; ` +
      `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start.\n`,
  );
  const variants: [Variant, string | null][] = [
    ['PaperLens', extDir],
    ...(baseDir ? ([['base build', baseDir]] as [Variant, string][]) : []),
    ['no extension', null],
  ];
  const contexts = new Map<Variant, BrowserContext>();
  const rows: string[] = [];
  const lists: string[] = [];
  try {
    for (const [variant, dir] of variants) {
      const context = await launchWithExtension({ extensionDir: dir, hosts });
      contexts.set(variant, context);
      if (dir === null) continue;
      // Loads the catalog into IndexedDB, as an install does.
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
      await popup.close();
    }
    // The listing holds FlatFormer, a real catalog paper, besides the planted ones.
    for (const [name, url] of [
      ['listing, 2,000 entries', 'http://arxiv.org/list/cs.LG/new'],
      ['streaming, 10,000 posts', 'http://x.com/home'],
    ] as const) {
      const runs = new Map<Variant, Run[]>(variants.map(([v]) => [v, []]));
      for (let i = 0; i < RUNS; i++) {
        for (const [variant] of variants) runs.get(variant)!.push(await runOnce(contexts.get(variant)!, url, PLANTED, variant));
      }
      for (const [variant] of variants) {
        const list = runs.get(variant)!;
        const m = (k: Exclude<keyof Run, 'tasks'>) => median(list.map((r) => r[k]));
        const own = variant === 'no extension' ? '–' : `${ms(m('ownLongest'))} / ${ms(m('ownTotal'))}`;
        rows.push(
          `| ${name} | ${variant} | ${ms(m('longest'))} | ${m('over50')} (${ms(m('over50Total'))}) | ${own} | ` +
            `${url.includes('/list/') ? ms(m('scrollLongest')) : '–'} | ${ms(m('wall'))} | ${variant === 'no extension' ? '–' : `${m('marks')}/${PLANTED}+`} |`,
        );
        console.log(rows.at(-1));
        // The long tasks of the run with the median longest task.
        const typical = [...list].sort((a, b) => a.longest - b.longest)[Math.floor(list.length / 2)]!;
        lists.push(`- ${name}, ${variant}: ${typical.tasks.length ? typical.tasks.map(([at, d]) => `${d} ms at ${at}`).join(', ') : 'none'}`);
      }
    }
  } finally {
    for (const context of contexts.values()) await context.close();
    server.close();
  }
  console.log(
    '\n| page | browser | longest task | tasks > 50 ms (total) | PaperLens own: longest / total | longest task while jumping down the page | wall to last mark | marks |',
  );
  console.log(`|${' --- |'.repeat(8)}`);
  for (const row of rows) console.log(row);
  console.log(`\nLong tasks (duration at ms after navigation start), the run with the median longest task; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end:`);
  for (const list of lists) console.log(list);
}
