/**
 * Regenerates the README's pictures (docs/*.png) from the built extension in Chromium, each in a
 * light and a dark version: `npm run build && npx tsx scripts/screenshots.ts`. Uses the local page
 * server, so it works offline; the arXiv page is a small listing with catalog titles in
 * arxiv.org's markup (a dark version of it for the dark pictures).
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { buildCatalog } from '../lib/catalog/build';
import { readSeedDir } from '../lib/catalog/read-seeds';
import { extensionIdOf, launchWithExtension } from '../e2e/browser';
import { textPoint } from '../e2e/in-page';
import { MAPPED_HOSTS, startPageServer } from '../e2e/server';

const catalog = buildCatalog(readSeedDir('seeds'));
const pick = (start: string) => catalog.papers.find((p) => p.title.startsWith(start))!;
const listed = [pick('iTransformer'), pick('Autoformer'), pick('ByteTransformer'), pick('MetaFormer Is Actually')];
const others = ['A Study of Gradient Noise in Small Batches', 'Sparse Probing of Recurrent World Models'];
const NOTE = [
  '**Key idea:** one token per *variate*, attention across variates.',
  '',
  '- try on our sensor data',
  '  - compare with PatchTST',
  '- learning_rate_decay as in the paper',
  '',
  '> Simple and strong baseline.',
].join('\n');

const entry = (title: string, i: number) => `
<dt><a href="/abs/2401.0${1000 + i}">arXiv:2401.0${1000 + i}</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span>
${title}
</div><div class="list-authors"><a href="#">A. Author</a>, <a href="#">B. Author</a></div>
<p class="mathjax">Abstract text of the paper.</p></div></dd>`;

const listing = (dark: boolean) => `<!doctype html><html><head><meta charset="utf-8"><title>Machine Learning (new)</title>
<style>body{font-family:Verdana,sans-serif;font-size:14px;margin:24px 40px;max-width:900px}
.list-title{font-size:17px;font-weight:bold;margin:4px 0}.descriptor{display:none}dt{margin-top:16px;color:#555}
h1{color:#b31b1b;font-size:22px}.list-authors{color:#333;margin:2px 0}
${dark ? 'body{background:#16181d;color:#d8dbe2}dt,.list-authors{color:#9aa0ab}a{color:#8ab4f8}h1{color:#f28b82}' : ''}</style></head>
<body><h1>Machine Learning (cs.LG)</h1><h3>New submissions</h3><dl>
${[listed[0]!.title, others[0]!, listed[1]!.title, others[1]!, listed[2]!.title].map(entry).join('')}
</dl></body></html>`;

async function cardFrame(page: Page) {
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/card.html'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
}

async function shoot(context: BrowserContext, id: string, scheme: 'light' | 'dark'): Promise<void> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`http://arxiv.org/list/cs.LG/${scheme === 'light' ? 'new' : 'recent'}`);
  const title = `[data-paperlens-id="${listed[0]!.id}"]`;
  await page.waitForSelector(title);
  await page.waitForFunction(() => document.querySelectorAll('paperlens-badge').length >= 3);
  const point = await page.evaluate(textPoint, title);
  await page.mouse.move(point.x, point.y);
  const card = await cardFrame(page);
  await card.getByLabel('Note preview').locator('blockquote').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `docs/card-${scheme}.png` });
  await page.close();

  const popup = await context.newPage();
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByRole('combobox', { name: 'Search papers and your notes' }).fill('transfomer forcasting');
  await popup.getByRole('listbox', { name: 'Papers' }).getByRole('option').first().waitFor();
  await popup.getByTestId('popup-shortcut').waitFor();
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: `docs/popup-${scheme}.png` });
  await popup.goto(`chrome-extension://${id}/popup.html?paper=${listed[0]!.id}`);
  await popup.getByRole('button', { name: 'Preview' }).click();
  await popup.getByLabel('Note preview').locator('blockquote').waitFor();
  await popup.screenshot({ path: `docs/paper-${scheme}.png` });
  await popup.close();

  const options = await context.newPage();
  await options.emulateMedia({ colorScheme: scheme });
  await options.setViewportSize({ width: 1000, height: 760 });
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.waitForTimeout(1200);
  await options.screenshot({ path: `docs/options-${scheme}.png` });
  await options.close();
}

const server = await startPageServer();
server.page('http://arxiv.org/list/cs.LG/new', listing(false));
server.page('http://arxiv.org/list/cs.LG/recent', listing(true));
const context = await launchWithExtension({
  extensionDir: resolve('.output/chrome-mv3'),
  hosts: { names: MAPPED_HOSTS, port: server.port },
  viewport: { width: 1000, height: 640 },
});
try {
  const id = await extensionIdOf(context);

  // A note in Markdown, tags and a star on one paper, so the popup and the card show them.
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${id}/popup.html?paper=${listed[0]!.id}`);
  await setup.getByLabel('Your note').fill(NOTE);
  await setup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  for (const tag of ['forecasting', 'baseline']) {
    await setup.getByRole('combobox', { name: 'Add a tag' }).fill(tag);
    await setup.keyboard.press('Enter');
  }
  await setup.getByRole('button', { name: /star/i }).first().click();
  await setup.waitForTimeout(600);
  await setup.close();

  for (const scheme of ['light', 'dark'] as const) await shoot(context, id, scheme);
} finally {
  await context.close();
  await server.close();
}
