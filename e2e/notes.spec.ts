import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, send, test } from './fixtures';
import { arxivListing, NON_CATALOG, nonCatalogAbsPage } from './pages';

const { title: TITLE, url: ABS_URL } = NON_CATALOG;
/** An arXiv listing that lists the saved paper after an unknown one. */
const LISTING = arxivListing(['A Paper Nobody Has Heard Of About Pancakes', TITLE]);

async function saveFromAbsPage(page: Page): Promise<void> {
  await page.goto(ABS_URL);
  const button = page.locator('paperlens-save');
  await expect(button).toHaveAttribute('data-state', 'ready');
  await button.click();
  await expect(button).toHaveAttribute('data-state', 'saved');
}

test('save a non-catalog arXiv paper, annotate it, see it recognized on a listing', async ({ context, server, openExtensionPage }) => {
  server.page(ABS_URL, nonCatalogAbsPage());
  server.page('http://arxiv.org/list/cs.LG/new', LISTING);

  const page = await context.newPage();
  await saveFromAbsPage(page);

  const options = await openExtensionPage('options.html');
  const entry = options.getByTestId('library-entry').filter({ hasText: TITLE });
  await expect(entry).toContainText('saved by you');
  await entry.getByRole('button', { name: TITLE }).click();
  const editor = entry.getByLabel('Your note');
  await editor.fill('World models as **knowledge graphs**.');
  await editor.blur();
  await expect(entry.getByRole('status')).toHaveText('Saved');
  await expect(options.getByTestId('data-counts')).toContainText('1 note · 1 saved paper ·');

  // Reloading the abstract page: the paper is known now, so no button.
  await page.reload();
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(page.locator('paperlens-save')).toHaveCount(0);

  await page.goto('http://arxiv.org/list/cs.LG/new');
  const id = await entry.getAttribute('data-paper-id');
  await expect(page.locator(`[data-paperlens-id="${id}"]`)).toHaveCount(1);
  await expect(page.locator('[data-paperlens-id]')).toHaveCount(1);
});

test('no save button for a catalog paper; page scripts cannot reach into the button', async ({ context, server }) => {
  server.page(ABS_URL, nonCatalogAbsPage());
  const page = await context.newPage();
  await page.goto(ABS_URL);
  const host = page.locator('paperlens-save');
  await expect(host).toHaveAttribute('data-state', 'ready');
  expect(await host.evaluate((el) => el.shadowRoot)).toBeNull();

  const catalogTitle = 'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs';
  server.page('http://arxiv.org/abs/2210.03052', `<html><head><meta name="citation_title" content="${catalogTitle}"></head><body><h1 class="title">${catalogTitle}</h1></body></html>`);
  await page.goto('http://arxiv.org/abs/2210.03052');
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(page.locator('paperlens-save')).toHaveCount(0);
});


test('export everything, delete all, import the file: everything is back', async ({ context, server, openExtensionPage }) => {
  server.page(ABS_URL, nonCatalogAbsPage());
  const page = await context.newPage();
  await saveFromAbsPage(page);

  const options = await openExtensionPage('options.html');
  const [byteId] = await send<string[]>(options, 'lookupTitles', [
    'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs',
  ]);
  const odd = 'Emoji 🧠, RTL مرحبا, tab\tand\nnewline — kept exactly.';
  await send(options, 'saveNote', { paperId: byteId, text: odd, tags: ['gpu', 'fast kernels'], status: 'read', starred: true });
  const saved = options.getByTestId('library-entry').filter({ hasText: TITLE });
  await saved.getByRole('button', { name: TITLE }).click();
  await saved.getByLabel('Your note').fill('My note on world models');
  await saved.getByLabel('Your note').blur();
  await expect(saved.getByRole('status')).toHaveText('Saved');
  await expect(options.getByTestId('data-counts')).toHaveText(/^2 notes · 1 saved paper · /);
  const titles = () => options.getByTestId('library-entry').getByRole('button', { expanded: false }).allTextContents();
  await saved.getByRole('button', { name: TITLE }).click();
  const before = await titles();
  expect(before).toHaveLength(2);

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export everything (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^paperlens-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; notes: { text: string }[]; userPapers: unknown[] };
  expect(exported.format).toBe('paperlens-export');
  expect(exported.notes.map((n) => n.text).sort()).toEqual(['My note on world models', odd].sort());
  expect(exported.userPapers).toHaveLength(1);

  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  const confirm = options.getByRole('button', { name: 'Delete all my data', exact: true });
  await expect(confirm).toBeDisabled();
  await options.getByLabel('Type DELETE to confirm').fill('DELETE');
  await confirm.click();
  await expect(options.getByTestId('data-status')).toContainText('were deleted');
  await expect(options.getByTestId('data-counts')).toHaveText(/^0 notes · 0 saved papers/);
  await expect(options.getByTestId('library-entry')).toHaveCount(0);

  await options.getByTestId('import-file').setInputFiles(file);
  const preview = options.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-add')).toContainText('Will be added: 3');
  await expect(preview.getByTestId('preview-add')).toContainText(`Saved paper: ${TITLE}`);
  await expect(preview.getByTestId('preview-update')).toContainText('Will be updated: 0');
  await preview.getByRole('button', { name: 'Apply import' }).click();
  await expect(options.getByTestId('data-status')).toHaveText('Imported: 3 added, 0 updated, 0 skipped.');
  await expect(options.getByTestId('data-counts')).toHaveText(/^2 notes · 1 saved paper · /);
  expect(await titles()).toEqual(before);
  // Exporting again gives the same notes and papers: the round trip lost nothing.
  const [again] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export everything (JSON)' }).click(),
  ]);
  const reexported = JSON.parse(readFileSync(await again.path(), 'utf8')) as typeof exported;
  expect(reexported.notes).toEqual(exported.notes);
  expect(reexported.userPapers).toEqual(exported.userPapers);
  const note = await send<{ note: { text: string; tags: string[]; starred: boolean } }>(options, 'getPaper', byteId);
  expect(note.note).toMatchObject({ text: odd, tags: ['gpu', 'fast kernels'], starred: true });

  // Importing the same file again changes nothing: every item is skipped.
  await options.getByTestId('import-file').setInputFiles(file);
  await expect(options.getByTestId('preview-skip')).toContainText('Will be skipped: 3');
});

test('a note typed while the service worker is stopped, then the page closed at once, is not lost', async ({ context, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const [byteId] = await send<string[]>(options, 'lookupTitles', [
    'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs',
  ]);
  await send(options, 'saveNote', { paperId: byteId, text: 'first draft' });
  const entry = options.getByTestId('library-entry').filter({ hasText: 'ByteTransformer' });
  await entry.getByRole('button', { name: /ByteTransformer/ }).click();
  await expect(entry.getByLabel('Your note')).toHaveValue('first draft');

  // MV3 stops idle workers; the save must wake it rather than vanish.
  const cdp = await context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await entry.getByLabel('Your note').fill('typed just before closing');
  await options.close({ runBeforeUnload: true });

  const again = await openExtensionPage('options.html');
  await expect
    .poll(async () => (await send<{ note: { text: string } }>(again, 'getPaper', byteId)).note.text)
    .toBe('typed just before closing');
});

test('save a paper from its Hugging Face page', async ({ context, server, openExtensionPage }) => {
  const title = 'xLSTM: Extended Long Short-Term Memory';
  server.page(
    'http://huggingface.co/papers/2405.04517',
    `<!doctype html><html><head><meta property="og:title" content="Paper page - ${title}">
<meta property="og:description" content="Join the discussion on this paper page"></head>
<body><main><h1>${title}</h1><h2>Abstract</h2><p>In the 1990s, the constant error carousel and gating were
introduced as the central ideas of the Long Short-Term Memory (LSTM). We scale LSTMs to billions of parameters.</p></main></body></html>`,
  );
  const page = await context.newPage();
  await page.goto('http://huggingface.co/papers/2405.04517');
  const button = page.locator('paperlens-save');
  await expect(button).toHaveAttribute('data-state', 'ready');
  await button.click();
  await expect(button).toHaveAttribute('data-state', 'saved');

  const options = await openExtensionPage('options.html');
  const entry = options.getByTestId('library-entry').filter({ hasText: title });
  await expect(entry).toContainText('saved by you');
  await expect(entry).toContainText('LSTM');
  await expect(entry.getByRole('link', { name: 'open' })).toHaveAttribute('href', 'https://arxiv.org/abs/2405.04517');
});

/**
 * ByteTransformer's note edited in two options windows: the second window's autosave timer is
 * frozen, so its edit (`second`) is still unsaved when the first window saves `first`; then the
 * second editor loses focus and meets the conflict.
 */
async function editInTwoWindows(context: BrowserContext, first: Page, texts: { first: string; second: string }) {
  const [byteId] = await send<string[]>(first, 'lookupTitles', [
    'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs',
  ]);
  await send(first, 'saveNote', { paperId: byteId, text: 'common start' });

  const second = await context.newPage();
  await second.clock.install();
  await second.goto(first.url());
  const entry = second.getByTestId('library-entry').filter({ hasText: 'ByteTransformer' });
  await entry.getByRole('button', { name: /ByteTransformer/ }).click();
  const editor = entry.getByLabel('Your note');
  await expect(editor).toHaveValue('common start');
  await editor.fill(texts.second);

  await send(first, 'saveNote', { paperId: byteId!, text: texts.first });
  await editor.blur();
  return { byteId: byteId!, second, editor, conflict: entry.getByRole('alert') };
}

test('the same note edited in two windows at once: the later save does not silently overwrite', async ({ context, openExtensionPage }) => {
  const first = await openExtensionPage('options.html');
  const { byteId, conflict } = await editInTwoWindows(context, first, { first: 'edit in the first window', second: 'edit in the second window' });

  await expect(conflict).toContainText('edit in the first window');
  expect((await send<{ note: { text: string } }>(first, 'getPaper', byteId)).note.text).toBe('edit in the first window');
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect
    .poll(async () => (await send<{ note: { text: string } }>(first, 'getPaper', byteId)).note.text)
    .toBe('edit in the second window');
});

test('choosing "Use the other text" in a conflict forgets the discarded text: the next popup does not report it as unsaved', async ({
  context,
  openExtensionPage,
}) => {
  const first = await openExtensionPage('options.html');
  const { byteId, second, editor, conflict } = await editInTwoWindows(context, first, { first: 'the text I keep', second: 'text I will throw away' });

  await expect(conflict).toContainText('the text I keep');
  await conflict.getByRole('button', { name: 'Use the other text' }).click();
  await expect(editor).toHaveValue('the text I keep');
  const journal = await second.evaluate(() => localStorage.getItem('paperlens:pending-note-saves'));
  expect(Object.keys(JSON.parse(journal ?? '{}') as object)).not.toContain(byteId);

  // The next extension page replays the journal: nothing is left to report, and the kept note stays.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('main')).toHaveAttribute('aria-busy', 'false');
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect((await send<{ note: { text: string } }>(popup, 'getPaper', byteId)).note.text).toBe('the text I keep');
});
