/**
 * Main-thread cost of recognition in real Chromium with the built extension, on two pages:
 *
 * - **listing**: the 2,000-entry arXiv listing of match.bench.ts (100 catalog titles planted);
 * - **streaming**: an X timeline whose page script appends 10,000 posts, 100 every 20 ms (100 of
 *   them quote a catalog title), as infinite scroll or a live thread does.
 *
 * Reported per page (median of RUNS): the longest task (Long Tasks API) from the content
 * script's start until every planted title is marked, how many tasks took over 50 ms and their
 * total, the wall time to the last mark, and marks found / planted. The streaming page is also
 * run without the extension, for the page's own longest task.
 *
 * `BENCH_EXT_DIR=<built chrome-mv3 dir>` measures another build (for example main's, for a
 * before/after in the same run: `npm run bench -- scan` twice, or see README).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM, launchWithExtension } from '../e2e/browser';
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

interface Run {
  longest: number;
  over50: number;
  over50Total: number;
  wall: number;
  marks: number;
}

async function runOnce(context: BrowserContext, url: string, planted: number, withExtension: boolean): Promise<Run> {
  const page = await context.newPage();
  await page.addInitScript(observeLongTasks);
  await page.goto(url, { timeout: 120_000 });
  const started = Date.now();
  // Every planted title marked (one badge each), or, without the extension, the stream done.
  await page.waitForFunction(
    ([n, ext]) =>
      ext
        ? document.querySelectorAll('paperlens-badge').length >= n &&
          ((window as unknown as { __streamed?: number }).__streamed !== undefined || !document.getElementById('timeline'))
        : (window as unknown as { __streamed?: number }).__streamed !== undefined,
    [planted, withExtension] as const,
    { timeout: 300_000, polling: 100 },
  );
  // Let the last rescan finish.
  await page.waitForTimeout(1000);
  const run = await page.evaluate((ext) => {
    const start = ext ? (performance.getEntriesByName('paperlens:start')[0]?.startTime ?? 0) : 0;
    const tasks = (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks.filter((t) => t.start + t.duration >= start);
    const long = tasks.filter((t) => t.duration > 50);
    return {
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      over50: long.length,
      over50Total: long.reduce((s, t) => s + t.duration, 0),
      marks: document.querySelectorAll('paperlens-badge').length,
    };
  }, withExtension);
  await page.close();
  return { ...run, wall: Date.now() - started };
}

async function measure(context: BrowserContext, url: string, planted: number, withExtension: boolean): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runOnce(context, url, planted, withExtension));
  const median = (k: keyof Run) => [...runs.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return { longest: median('longest'), over50: median('over50'), over50Total: median('over50Total'), wall: median('wall'), marks: median('marks') };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

export default async function scanBench(): Promise<void> {
  let extDir = process.env.BENCH_EXT_DIR;
  if (!extDir) {
    console.log(`Building the extension into ${OUT_DIR} …`);
    execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, PAPERLENS_OUT_DIR: OUT_DIR }, stdio: 'ignore' });
    extDir = resolve(OUT_DIR, 'chrome-mv3');
  }
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
  console.log(`Extension: ${extDir}; median of ${RUNS} runs.\n`);
  const rows: string[] = [];
  try {
    const context = await launchWithExtension({ extensionDir: extDir, hosts });
    try {
      // Loads the catalog into IndexedDB, as an install does.
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
      await popup.close();
      // The listing holds FlatFormer, a real catalog paper, besides the planted ones.
      for (const [name, url, planted] of [
        ['listing, 2,000 entries', 'http://arxiv.org/list/cs.LG/new', PLANTED],
        ['streaming, 10,000 posts', 'http://x.com/home', PLANTED],
      ] as const) {
        const r = await measure(context, url, planted, true);
        rows.push(`| ${name} | ${ms(r.longest)} | ${r.over50} (${ms(r.over50Total)}) | ${ms(r.wall)} | ${r.marks}/${planted}+ |`);
        console.log(rows.at(-1));
      }
    } finally {
      await context.close();
    }
    const plain = await chromium.launch({
      executablePath: CHROMIUM,
      args: [`--host-resolver-rules=${hosts.names.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`],
    });
    try {
      const context = await plain.newContext();
      const r = await measure(context, 'http://x.com/home', 0, false);
      rows.push(`| streaming, page alone (no extension) | ${ms(r.longest)} | ${r.over50} (${ms(r.over50Total)}) | ${ms(r.wall)} | – |`);
      console.log(rows.at(-1));
    } finally {
      await plain.close();
    }
  } finally {
    server.close();
  }
  console.log('\n| page | longest task | tasks > 50 ms (total) | wall to last mark | marks |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}
