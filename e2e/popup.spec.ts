import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Catalog } from '../lib/catalog/types';
import { EXTENSION_DIR, expect, test } from './fixtures';

const options = (page: Page) => page.getByRole('listbox', { name: 'Papers' }).getByRole('option');

async function openPopup(openExtensionPage: (path: string) => Promise<Page>, path = 'popup.html'): Promise<Page> {
  const page = await openExtensionPage(path);
  await expect(page.getByTestId('catalog-count')).toHaveText('333 papers · 0 in your library');
  // The background builds the index after installing the catalog; a busy machine may take a while.
  await expect(page.getByRole('status').first()).not.toHaveText(/^(Loading|Preparing) the search index…$/, { timeout: 30_000 });
  return page;
}

/** Finds a paper by `query`, opens it and stars it. */
async function star(page: Page, query: string): Promise<void> {
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await page.locator('.pl-note__star').click();
  await expect(page.locator('.pl-note__star')).toHaveAttribute('aria-pressed', 'true');
}

test('a misspelled title finds the paper first, with the match highlighted', async ({ openExtensionPage }) => {
  const errors: string[] = [];
  const page = await openPopup(openExtensionPage);
  page.on('pageerror', (e) => errors.push(e.message));
  const search = page.getByRole('combobox', { name: 'Search papers and your notes' });
  await expect(search).toBeFocused();
  await expect(search).toHaveAttribute('type', 'search');

  await page.keyboard.type('itransfomer');
  await expect(options(page).first()).toContainText('iTransformer: Inverted Transformers Are Effective for Time Series Forecasting');
  await expect(options(page).first().locator('mark').first()).toHaveText('iTransformer');
  await expect(search).toHaveAttribute('aria-expanded', 'true');

  await search.fill('forcasting');
  await expect(options(page).first()).toContainText(/forecast/i);
  expect(errors).toEqual([]);
});

test('a query and Enter typed the moment the popup opens are not lost: the paper opens once the index is read', async ({
  openExtensionPage,
}) => {
  // Wait only for the background's first index (a fresh profile has none), not for this popup's.
  await openPopup(openExtensionPage);
  const page = await openExtensionPage('popup.html');
  await page.getByRole('combobox', { name: 'Search papers and your notes' }).waitFor();
  await page.keyboard.type('itransfomer');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('iTransformer: Inverted Transformers Are Effective for Time Series Forecasting');
});

test('the list shown before anything is typed is read from the database, painted before the search index is read', async ({
  openExtensionPage,
}) => {
  await star(await openPopup(openExtensionPage), 'autofromer');

  const page = await openExtensionPage('popup.html');
  await expect(options(page).first()).toContainText('Autoformer');
  const marks = () =>
    page.evaluate(() => ['paperlens:first-results', 'paperlens:index-loaded'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null));
  await expect.poll(async () => (await marks())[1]).not.toBeNull();
  const [listed, indexed] = (await marks()) as [number, number];
  expect(listed).toBeLessThan(indexed);
});

test('the count names only relevant papers, not every one sharing a word', async ({ openExtensionPage }) => {
  const page = await openPopup(openExtensionPage);
  await page.keyboard.type('transfomer forcasting');
  await expect(options(page).first()).toContainText(/forecast/i);
  // Before the relevance cut-off this said "277 papers": every paper with "transformer".
  const status = page.getByRole('status').first();
  await expect(status).toHaveText(/^\d+ papers?$/);
  const count = Number((await status.textContent())!.split(' ')[0]);
  expect(count).toBeGreaterThanOrEqual(3);
  expect(count).toBeLessThan(20);
  await expect(options(page)).toHaveCount(count);
});

test('the tag field suggests the user\'s own tags as they type', async ({ openExtensionPage }) => {
  const page = await openPopup(openExtensionPage);
  await page.keyboard.type('autofromer');
  await page.keyboard.press('Enter');
  const field = page.getByRole('combobox', { name: 'Add a tag' });
  await field.fill('time-series');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag time-series' })).toBeVisible();

  await page.getByRole('button', { name: '← Results' }).click();
  await page.getByRole('combobox', { name: 'Search papers and your notes' }).fill('itransfomer');
  await page.keyboard.press('Enter');
  // A typo and a partial word still find it.
  await field.fill('tme-ser');
  const suggestions = page.getByRole('listbox', { name: 'Your tags' }).getByRole('option');
  await expect(suggestions).toHaveText(['time-series']);
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(suggestions.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag time-series' })).toBeVisible();
  await expect(field).toHaveValue('');
  await expect(page.getByRole('listbox', { name: 'Your tags' })).toHaveCount(0);
});

test('a word written only in a note finds that paper', async ({ openExtensionPage }) => {
  const page = await openPopup(openExtensionPage);
  await page.keyboard.type('bytetransformer');
  await expect(options(page).first()).toContainText('ByteTransformer');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2 })).toContainText('ByteTransformer');
  const note = page.getByRole('textbox', { name: 'Your note' });
  await note.fill('Padding-free kernels; compare with **zanzibarite** later.');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Add a tag' }).fill('kernels');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag kernels' })).toBeVisible();

  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('.pl-md strong')).toHaveText('zanzibarite');

  await page.getByRole('button', { name: '← Results' }).click();
  const search = page.getByRole('combobox', { name: 'Search papers and your notes' });
  await expect(search).toBeFocused();
  await search.fill('zanzibarit');
  await expect(options(page)).toHaveCount(1);
  await expect(options(page).first()).toContainText('ByteTransformer');
  await expect(options(page).first()).toContainText('Note:');
  await expect(options(page).first().locator('mark').last()).toHaveText('zanzibarite');

  // The note survives a reopened popup (saved through the background into IndexedDB).
  // With nothing typed, the recently noted paper is listed.
  const again = await openPopup(openExtensionPage);
  await expect(options(again).first()).toContainText('ByteTransformer');
  // Tags are searchable; "kernels" is also in other titles, the filter keeps the noted paper.
  await again.keyboard.type('kernels');
  await expect(options(again).nth(1)).toBeVisible();
  await again.getByRole('button', { name: 'Has note' }).click();
  await expect(options(again)).toHaveCount(1);
  await expect(options(again).first()).toContainText('#kernels');
});

test('arrow keys move through results, Enter opens, Esc goes back then clears', async ({ openExtensionPage }) => {
  const page = await openPopup(openExtensionPage);
  const search = page.getByRole('combobox', { name: 'Search papers and your notes' });
  await page.keyboard.type('time series');
  await expect(options(page).nth(2)).toBeVisible();
  const second = (await options(page).nth(1).locator('.pl-result__title').textContent()) ?? '';

  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await options(page).nth(1).getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(second);

  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('time series');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
});

test('popup.html?paper=<id> opens on the paper view, with links and the full abstract on request', async ({ openExtensionPage }) => {
  const catalog = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'catalog.json'), 'utf8')) as Catalog;
  const paper = catalog.papers.find((p) => p.title.startsWith('iTransformer'))!;
  const page = await openPopup(openExtensionPage, `popup.html?paper=${encodeURIComponent(paper.id)}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(paper.title);
  await expect(page.getByRole('link', { name: /^Code: / }).first()).toHaveAttribute('href', /^https:\/\/github\.com\//);
  await page.getByRole('button', { name: 'Show full abstract' }).click();
  await expect(page.locator('#pl-abstract')).toHaveText(paper.abstract);
});

test('a change made in one window shows up live in another', async ({ openExtensionPage }) => {
  const list = await openPopup(openExtensionPage);
  await list.getByRole('button', { name: 'Starred' }).click();
  await expect(list.getByRole('status').first()).toHaveText('No paper passes these filters.');

  const editor = await openPopup(openExtensionPage);
  await editor.keyboard.type('autofromer');
  await editor.keyboard.press('Enter');
  await editor.locator('.pl-note__star').click();
  await expect(editor.locator('.pl-note__star')).toHaveAttribute('aria-pressed', 'true');
  await editor.getByRole('textbox', { name: 'Your note' }).fill('Decomposition blocks, quokkaesque trick.');

  // The first window was not touched: its list and search follow the database.
  await expect(options(list)).toHaveCount(1);
  await expect(options(list).first()).toContainText('Autoformer');
  await list.getByRole('button', { name: 'Starred' }).click();
  await list.getByRole('combobox', { name: 'Search papers and your notes' }).fill('quokkaesque');
  await expect(options(list).first()).toContainText('Autoformer');
});

test('the toolbar popup lists the papers recognized on the current tab first, then starred ones', async ({
  context,
  server,
  openExtensionPage,
}) => {
  // An extension tab to star a paper in, and later to read the real popup's DOM through.
  const tab = await openPopup(openExtensionPage);
  await star(tab, 'itransfomer');

  server.page(
    'http://arxiv.org/list/cs.LG/recent',
    `<!doctype html><html><head><title>Search | arXiv e-print repository</title></head><body><main>
<ol class="breathe-horizontal" start="1"><li class="arxiv-result"><p class="title is-5 mathjax">
Autoformer: Decomposition Transformers with Auto-Correlation for Long-Term Series Forecasting</p></li></ol>
</main></body></html>`,
  );
  const page = await context.newPage();
  await page.goto('http://arxiv.org/list/cs.LG/recent');
  await expect(page.locator('[data-paperlens-id]').first()).toBeAttached();

  // The real toolbar popup, whose active tab is the arXiv page.
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  const listed = () =>
    tab.evaluate(() => {
      type Ext = { extension: { getViews(q: { type: string }): Window[] } };
      const [popup] = (globalThis as unknown as { chrome: Ext }).chrome.extension.getViews({ type: 'popup' });
      return [...(popup?.document.querySelectorAll('[role=option] .pl-result__title') ?? [])].map((e) => e.textContent ?? '');
    });
  await expect.poll(listed).toEqual([
    'Autoformer: Decomposition Transformers with Auto-Correlation for Long-Term Series Forecasting',
    'iTransformer: Inverted Transformers Are Effective for Time Series Forecasting',
  ]);
});

test('at 420×600 the paper view shows its Tags field whole, above the footer, with the abstract open too', async ({
  context,
  extensionId,
}) => {
  // The paper whose view is longest before its abstract is opened (title, TL;DR, key result, links), and long after.
  const catalog = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'catalog.json'), 'utf8')) as Catalog;
  const size = (p: Catalog['papers'][number]) => p.title.length + p.tldr.length + (p.keyResult?.length ?? 0) + 60 * p.links.length + 20 * p.topics.length;
  const paper = catalog.papers.filter((p) => p.abstract.length > 1200).reduce((a, b) => (size(b) > size(a) ? b : a));
  const page = await context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html?paper=${encodeURIComponent(paper.id)}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(paper.title);
  const tags = page.getByRole('combobox', { name: 'Add a tag' });
  const footer = page.locator('.pl-footer');

  for (const expand of [false, true]) {
    // The paper view scrolls (the heaviest paper's is taller than the popup at the pages' type size), the footer stays.
    if (expand) await page.getByRole('button', { name: 'Show full abstract' }).click();
    await tags.scrollIntoViewIfNeeded();
    const t = (await tags.boundingBox())!;
    const f = (await footer.boundingBox())!;
    expect(t.y).toBeGreaterThanOrEqual(0);
    expect(t.y + t.height).toBeLessThanOrEqual(f.y);
    expect(f.y + f.height).toBeLessThanOrEqual(600);
    // Nothing lies over it: the field itself is what the pointer would hit at its corners.
    const hit = await tags.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [
        [r.left + 2, r.top + 2],
        [r.right - 2, r.bottom - 2],
      ].every(([x, y]) => document.elementFromPoint(x!, y!) === el);
    });
    expect(hit).toBe(true);
    // The popup itself does not scroll (a browser popup is at most 600 px tall): the paper view does.
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(600);
  }
});

test('the footer shows the keyboard shortcut that opens the popup, as the browser reports it', async ({ openExtensionPage }) => {
  const page = await openPopup(openExtensionPage);
  const reported = await page.evaluate(async () => {
    type Commands = { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } };
    const all = await (globalThis as unknown as { chrome: Commands }).chrome.commands.getAll();
    return all.find((c) => c.name === '_execute_action')?.shortcut;
  });
  // The manifest suggests Alt+Shift+L; the footer shows whatever the browser has in force.
  expect(reported).toBe('Alt+Shift+L');
  const hint = page.getByTestId('popup-shortcut');
  await expect(hint).toHaveText(`${reported} opens PaperLens · change`);
  await expect(hint.getByRole('button', { name: 'change' })).toHaveAttribute('title', /chrome:\/\/extensions\/shortcuts/);
  const opened = page.context().waitForEvent('page');
  await hint.getByRole('button', { name: 'change' }).click();
  await expect.poll(async () => (await opened).url()).toBe('chrome://extensions/shortcuts');
});

test('a note in Hebrew or Arabic reads right to left, in the editor and the preview', async ({ openExtensionPage }) => {
  const catalog = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'catalog.json'), 'utf8')) as Catalog;
  const paper = catalog.papers.find((p) => p.title.startsWith('iTransformer'))!;
  const page = await openPopup(openExtensionPage, `popup.html?paper=${encodeURIComponent(paper.id)}`);
  const note = page.getByRole('textbox', { name: 'Your note' });
  const direction = (l: ReturnType<Page['locator']>) => l.evaluate((el) => getComputedStyle(el).direction);

  await note.fill('Inverted tokens, one per variate.');
  await expect(note).toHaveAttribute('dir', 'auto');
  expect(await direction(note)).toBe('ltr');
  await note.fill('הרעיון: טוקן לכל משתנה.\n\n- نقطة أولى\n\nAnd an English line.');
  await expect.poll(() => direction(note)).toBe('rtl');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByLabel('Note preview');
  // The Markdown renderer is a lazily loaded chunk: its plain-text stand-in is replaced when it lands.
  await expect(preview.locator('li')).toHaveCount(1);
  await expect(preview.locator('.pl-md--loading')).toHaveCount(0);
  expect(await direction(preview.locator('p').first())).toBe('rtl');
  expect(await direction(preview.locator('li').first())).toBe('rtl');
  expect(await direction(preview.locator('p').last())).toBe('ltr');
});
