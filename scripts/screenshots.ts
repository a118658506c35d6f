/**
 * Regenerates the README's pictures (docs/*.png) from the built extension in Chromium:
 * `npm run build && npx tsx scripts/screenshots.ts`. Uses the local page server, so it works
 * offline; the arXiv page is a small listing with catalog titles in arxiv.org's markup.
 */
import { resolve } from 'node:path';
import { buildCatalog } from '../lib/catalog/build';
import { readSeedDir } from '../lib/catalog/read-seeds';
import { extensionIdOf, launchWithExtension } from '../e2e/browser';
import { MAPPED_HOSTS, startPageServer } from '../e2e/server';

const catalog = buildCatalog(readSeedDir('seeds'));
const pick = (start: string) => catalog.papers.find((p) => p.title.startsWith(start))!;
const listed = [pick('iTransformer'), pick('Autoformer'), pick('ByteTransformer'), pick('MetaFormer Is Actually')];
const others = ['A Study of Gradient Noise in Small Batches', 'Sparse Probing of Recurrent World Models'];

const entry = (title: string, i: number) => `
<dt><a href="/abs/2401.0${1000 + i}">arXiv:2401.0${1000 + i}</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span>
${title}
</div><div class="list-authors"><a href="#">A. Author</a>, <a href="#">B. Author</a></div>
<p class="mathjax">Abstract text of the paper.</p></div></dd>`;

const listing = `<!doctype html><html><head><meta charset="utf-8"><title>Machine Learning (new)</title>
<style>body{font-family:Verdana,sans-serif;font-size:14px;margin:24px 40px;max-width:900px}
.list-title{font-size:17px;font-weight:bold;margin:4px 0}.descriptor{display:none}dt{margin-top:16px;color:#555}
h1{color:#b31b1b;font-size:22px}.list-authors{color:#333;margin:2px 0}</style></head>
<body><h1>Machine Learning (cs.LG)</h1><h3>New submissions</h3><dl>
${[listed[0]!.title, others[0]!, listed[1]!.title, others[1]!, listed[2]!.title].map(entry).join('')}
</dl></body></html>`;

const server = await startPageServer();
server.page('http://arxiv.org/list/cs.LG/new', listing);
const context = await launchWithExtension({
  extensionDir: resolve('.output/chrome-mv3'),
  hosts: { names: MAPPED_HOSTS, port: server.port },
  viewport: { width: 1000, height: 640 },
});
try {
  const id = await extensionIdOf(context);

  // A note and a star, so the popup and the card show them.
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${id}/popup.html?paper=${listed[0]!.id}`);
  await setup.getByLabel('Your note').fill('Inverts the axes: **variates as tokens**. Try on our sensor data.');
  await setup.getByLabel('Your note').blur();
  await setup.getByRole('button', { name: /star/i }).first().click();
  await setup.waitForTimeout(600);
  await setup.close();

  const page = await context.newPage();
  await page.goto('http://arxiv.org/list/cs.LG/new');
  const mark = page.locator(`[data-paperlens-id="${listed[0]!.id}"]`).first();
  await mark.hover();
  await page.waitForFunction(() => !!document.querySelector('paperlens-card'));
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'docs/card.png' });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 560 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByRole('combobox', { name: 'Search papers and your notes' }).fill('transfomer forcasting');
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: 'docs/popup.png' });
} finally {
  await context.close();
  await server.close();
}
