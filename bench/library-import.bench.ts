/**
 * Library import through the real options-page path, in real Chromium with the built extension:
 * a synthetic Zotero-style BibTeX file (bench/import-parse: abstracts, arXiv ids, DOIs, keywords,
 * ~2 KB an entry) is chosen in the options page's file input, and the time runs until the summary
 * is on the page. That covers reading in the import worker, a TL;DR for every abstract
 * (lib/summary), the one transactional write and the set listed. Each size runs on a fresh
 * profile. While the import runs, the page's main thread is sampled (a 50 ms timer): the longest
 * gap says whether the page stayed responsive. `BENCH_IMPORT=2000,20000` chooses the sizes.
 * Needs a build: `npx wxt build`.
 */
import { loadavg } from 'node:os';
import { launchWithExtension } from '../e2e/browser';
import { builtExtensionDir } from '../e2e/extension-dir';
import { syntheticLibrary } from './import-parse.bench';

const SIZES = (process.env.BENCH_IMPORT ?? '2000,20000').split(',').map(Number);

export default async function libraryImportBench(): Promise<void> {
  const dir = builtExtensionDir('chrome-mv3');
  console.log('| file | entries | size | wall time to summary | longest main-thread gap | summary | load average |');
  console.log(`|${' --- |'.repeat(7)}`);
  for (const count of SIZES) {
    const text = syntheticLibrary('zotero', count);
    const context = await launchWithExtension({ extensionDir: dir });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
      await page.getByText('No library file imported yet.').waitFor({ timeout: 60_000 });
      await page.evaluate(() => {
        const w = window as unknown as { gaps: number[] };
        w.gaps = [];
        let last = performance.now();
        setInterval(() => {
          const now = performance.now();
          w.gaps.push(now - last);
          last = now;
        }, 50);
      });
      const load = loadavg()[0]!;
      const start = performance.now();
      await page.getByTestId('library-file').setInputFiles({ name: `library-${count}.bib`, mimeType: 'application/x-bibtex', buffer: Buffer.from(text) });
      const summary = await page.getByTestId('import-summary').textContent({ timeout: 900_000 });
      const ms = performance.now() - start;
      const gap = await page.evaluate(() => Math.max(...(window as unknown as { gaps: number[] }).gaps));
      console.log(
        `| library-${count}.bib | ${count.toLocaleString('en')} | ${(text.length / 1e6).toFixed(1)} MB | ${(ms / 1000).toFixed(1)} s | ` +
          `${gap.toFixed(0)} ms | ${summary} | ${load.toFixed(1)} |`,
      );
    } finally {
      await context.close();
    }
  }
}
