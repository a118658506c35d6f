import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIR, expect, test } from './fixtures';

const note = (paperId: string, titleSnapshot: string, text: string) => ({
  paperId,
  text,
  tags: ['kept'],
  status: 'reading',
  starred: false,
  titleSnapshot,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
});
const exportFile = (notes: unknown[]) =>
  JSON.stringify({ format: 'paperlens-export', version: 1, exportedAt: 1_700_000_000_000, catalogVersion: null, notes, userPapers: [], settings: [] });
const upload = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('a broken, binary or foreign file is refused next to the import control, in words, naming the file, and changes nothing', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByTestId('catalog-status')).toContainText('333');
  await expect(options.getByTestId('data-counts')).toHaveText(/^0 notes/);
  const input = options.getByTestId('import-file');
  const importGroup = options.getByRole('group', { name: 'Import' });
  const status = importGroup.getByTestId('data-status');

  const good = exportFile([note('some-paper-00000000', 'Some paper', 'a note long enough to be cut in the middle of a string')]);
  await input.setInputFiles(upload('truncated.json', good.slice(0, 232)));
  await expect(status).toHaveText(
    'Nothing was imported. “truncated.json” ends in the middle (line 1): it looks cut short, for example by an interrupted download or copy. Export it again.',
  );
  // The message is the import control's own: inside its group, and its accessible description.
  await expect(input).toHaveAccessibleDescription(/“truncated.json” ends in the middle/);
  await expect(options.getByRole('group', { name: 'Delete' }).getByTestId('data-status')).toHaveCount(0);

  // A binary file (the extension's own icon): said in words, no bytes echoed.
  await input.setInputFiles({ name: 'icon.png', mimeType: 'application/json', buffer: readFileSync(resolve(EXTENSION_DIR, 'icon/32.png')) });
  await expect(status).toContainText('Nothing was imported. “icon.png” is not a text file');
  expect(await status.textContent()).toMatch(/^[\x20-\x7e“”]+$/);

  await input.setInputFiles(upload('foreign.json', '{"hello": "world"}'));
  await expect(status).toContainText('“foreign.json” cannot be imported: This is not a PaperLens export');
  await input.setInputFiles(upload('future.json', good.replace('"version":1', '"version":7')));
  await expect(status).toContainText('This export has version 7; this PaperLens reads version 1');
  await input.setInputFiles(upload('wrong.json', good.replace('"updatedAt":1700000000000', '"updatedAt":"yesterday"')));
  await expect(status).toHaveText('Nothing was imported. “wrong.json” cannot be imported: notes[0].updatedAt must be a number');
  await expect(options.getByTestId('import-preview')).toHaveCount(0);
  await expect(options.getByTestId('data-counts')).toHaveText(/^0 notes/);
});

test('a note whose paper left the catalog is listed as an orphan under its snapshot title, and stays editable', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByTestId('import-file').setInputFiles(upload('orphan.json', exportFile([note('gone-paper-1234abcd', 'A Paper The Catalog Dropped', 'my old thoughts')])));
  await expect(options.getByTestId('preview-add')).toContainText('Note: A Paper The Catalog Dropped');
  await options.getByRole('button', { name: 'Apply import' }).click();

  const entry = options.getByTestId('library-entry').filter({ hasText: 'A Paper The Catalog Dropped' });
  await expect(entry).toHaveAttribute('data-orphan', 'true');
  await expect(entry).toContainText('no longer in the catalog');
  await expect(options.getByTestId('data-counts')).toContainText('1 note on a paper no longer in the catalog');
  await entry.getByRole('button', { name: 'A Paper The Catalog Dropped' }).click();
  const editor = entry.getByLabel('Your note');
  await expect(editor).toHaveValue('my old thoughts');
  await editor.fill('my new thoughts');
  await editor.blur();
  await expect(entry.getByRole('status')).toHaveText('Saved');
});

test('switching arXiv off hides the save button there; storage usage is shown', async ({ context, server, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByTestId('storage-usage')).toContainText(/Using \d/);
  // What Chrome does for an extension with unlimitedStorage, said plainly, whatever persisted() says.
  await expect(options.getByTestId('storage-kept')).toContainText('Chrome does not delete it to free disk space');
  await expect(options.getByTestId('storage-kept')).toContainText('Uninstalling PaperLens deletes them');
  await expect(options.getByRole('region', { name: 'Storage' })).not.toContainText(/may delete|Export regularly/);
  await expect(options.getByRole('region', { name: 'Storage' }).getByRole('button')).toHaveCount(0);

  const title = 'Pancake Stacking with Diffusion Policies';
  server.page('http://arxiv.org/abs/2401.00002', `<html><head><meta name="citation_title" content="${title}"></head><body><h1 class="title">${title}</h1></body></html>`);
  const page = await context.newPage();
  await page.goto('http://arxiv.org/abs/2401.00002');
  await expect(page.locator('paperlens-save')).toHaveAttribute('data-state', 'ready');

  const arxiv = options.getByRole('checkbox', { name: 'arXiv' });
  await expect(arxiv).toBeChecked();
  // A click, not uncheck(): the box follows the stored setting, which changes once the background answers.
  await arxiv.click();
  await expect(arxiv).not.toBeChecked();
  await page.reload();
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(page.locator('paperlens-save')).toHaveCount(0);
});

test('unsaved text that meets a newer note is shown, and the user chooses', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByTestId('import-file').setInputFiles(upload('one.json', exportFile([note('kept-paper-1234abcd', 'A Kept Paper', 'newer text from the popup')])));
  await options.getByRole('button', { name: 'Apply import' }).click();
  await expect(options.getByTestId('data-counts')).toHaveText(/^1 note · /);
  // What a page that closed before its save arrived leaves behind, started from an older version.
  await options.evaluate(() =>
    localStorage.setItem(
      'paperlens:pending-note-saves',
      JSON.stringify({ 'kept-paper-1234abcd': { paperId: 'kept-paper-1234abcd', text: 'typed in a closed window', baseUpdatedAt: 1 } }),
    ),
  );
  await options.reload();
  const recovered = options.getByTestId('recovered-drafts');
  await expect(recovered).toContainText('typed in a closed window');
  await expect(recovered).toContainText('newer text from the popup');
  await recovered.getByRole('button', { name: 'Keep the recovered text' }).click();
  await expect(recovered).toHaveCount(0);
  const entry = options.getByTestId('library-entry').filter({ hasText: 'A Kept Paper' });
  await entry.getByRole('button', { name: 'A Kept Paper' }).click();
  await expect(entry.getByLabel('Your note')).toHaveValue('typed in a closed window');
  await options.reload();
  await expect(options.getByTestId('library-entry')).toHaveCount(1);
  await expect(options.getByTestId('recovered-drafts')).toHaveCount(0);
});

test('the options page has the popup’s typography and colours, light and dark, from the shared theme', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Your data' })).toBeVisible();
  const look = (page: typeof popup) =>
    page.locator('body').evaluate((body) => {
      const s = getComputedStyle(body);
      return { fontFamily: s.fontFamily, fontSize: s.fontSize, color: s.color, background: s.backgroundColor };
    });
  /** The theme's colour for buttons, as the page resolves it. */
  const chip = (page: typeof popup) =>
    page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('i'));
      probe.style.color = 'var(--chip)';
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };

  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await options.emulateMedia({ colorScheme });
    const [inOptions, inPopup] = [await look(options), await look(popup)];
    expect(inOptions).toEqual(inPopup);
    // The root's 14 px, not the 75 % Chromium gives an extension page's body.
    expect(inOptions.fontSize).toBe('14px');
    expect(inOptions.fontFamily).toMatch(/^system-ui/);
    if (colorScheme === 'dark') expect(luminance(inOptions.background)).toBeLessThan(0.2);
    else expect(luminance(inOptions.background)).toBeGreaterThan(0.9);
    expect(Math.abs(luminance(inOptions.color) - luminance(inOptions.background))).toBeGreaterThan(0.6);
    // Plain controls come from the theme too.
    const button = options.getByRole('button', { name: 'Export everything (JSON)' });
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(await chip(popup));
  }
});

test('an imported opted-in site is listed as needing permission, with a button to allow it, not as running', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const file = JSON.stringify({
    format: 'paperlens-export',
    version: 1,
    exportedAt: 1_700_000_000_000,
    catalogVersion: null,
    notes: [],
    userPapers: [],
    settings: [{ key: 'sites', value: { disabled: [], custom: ['http://example.com'] } }],
  });
  await options.getByTestId('import-file').setInputFiles(upload('sites.json', file));
  await expect(options.getByTestId('preview-add')).toContainText('Setting: sites');
  await options.getByRole('button', { name: 'Apply import' }).click();
  await expect(options.getByRole('group', { name: 'Import' }).getByTestId('data-status')).toContainText('Imported: 1 added');

  // The file carries the setting, not the browser's permission: the site is not running, and says so.
  const site = options.getByTestId('custom-site').filter({ hasText: 'http://example.com' });
  await expect(site).toHaveAttribute('data-allowed', 'false');
  await expect(site).toContainText('needs permission');
  await expect(site.getByRole('button', { name: 'Allow' })).toBeVisible();
  const allowed = await options.evaluate(() =>
    (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({
      origins: ['http://example.com/*'],
    }),
  );
  expect(allowed).toBe(false);
});
