import { catalogPaper, NON_CATALOG, nonCatalogAbsPage } from '../e2e/pages';
import { clickOn, expect, openPage, test, textOf, typeInto } from './fixtures';

test('"Save to PaperLens" on an abstract page adds the paper to the library', async ({ firefox, server }) => {
  server.page(NON_CATALOG.url, nonCatalogAbsPage());
  const page = await openPage(firefox, NON_CATALOG.url);
  await page.waitForSelector('paperlens-save[data-state=ready]');
  // A real click, on the button inside the host's closed shadow root.
  await page.click('paperlens-save');
  await page.waitForSelector('paperlens-save[data-state=saved]');

  const options = await firefox.openExtensionPage('options.html');
  const entry = '[data-testid=library-entry]';
  await expect.poll(() => textOf(options, entry)).toContain(NON_CATALOG.title);
  expect(await textOf(options, entry)).toContain('saved by you');
});

test('opting into another site from the options page, with a click, makes PaperLens mark papers there', async ({
  firefox,
  server,
}) => {
  const paper = catalogPaper('Autoformer');
  server.page('http://example.com/reading-list', `<!doctype html><html><body><ul><li>${paper.title}</li></ul></body></html>`);
  const page = await openPage(firefox, 'http://example.com/reading-list');

  const options = await firefox.openExtensionPage('options.html');
  // Firefox grants a host permission only in a user's gesture: a script alone is refused.
  const scripted = await options.evaluate(() =>
    (globalThis as unknown as { browser: { permissions: { request(p: object): Promise<boolean> } } }).browser.permissions
      .request({ origins: ['http://example.com/*'] })
      .then(String, (error: Error) => error.message),
  );
  expect(scripted).toMatch(/user input handler/);
  expect(await page.$('paperlens-badge')).toBeNull();

  await typeInto(options, 'input[aria-label="Site address"]', 'http://example.com');
  await clickOn(options, 'button[type=submit]::-p-text(Add site)');
  await expect.poll(() => textOf(options, '.sites li:has(button)')).toContain('http://example.com');
  expect(await textOf(options, '[role=alert]')).toBeNull();

  await page.reload();
  // A mention in running text: a highlight (no element) with its badge, or a wrapped span without the Highlight API.
  await page.waitForSelector(`paperlens-badge[aria-label*="${paper.title.slice(0, 30)}"]`);
});

test('the storage section says what Firefox does: it never evicts extension data', async ({ firefox }) => {
  const options = await firefox.openExtensionPage('options.html');
  await expect.poll(() => textOf(options, '[data-testid=storage-usage]')).toMatch(/^Using \d/);
  expect(await textOf(options, '[data-testid=storage-kept]')).toContain('Firefox never deletes an extension’s data to free disk space.');
  expect(await textOf(options, '[data-testid=storage-kept]')).not.toContain('Chrome');
});
