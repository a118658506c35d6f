import { catalogInIndexedDb } from '../e2e/in-page';
import { expect, test, textOf, typeInto } from './fixtures';

test('the bundled catalog reaches IndexedDB in the extension origin', async ({ firefox }) => {
  const page = await firefox.openExtensionPage('popup.html');
  await expect.poll(() => textOf(page, '[data-testid=catalog-count]')).toBe('333 papers · 0 in your library');
  const stored = await page.evaluate(catalogInIndexedDb, 'ByteTransformer');
  expect(stored.count).toBe(333);
  expect(stored.version).toMatch(/^[0-9a-f]{16}$/);
  expect(stored.paper?.tldr).toContain('ByteTransformer');
});

test('popup search finds a paper despite a typo, with the match highlighted', async ({ firefox }) => {
  const page = await firefox.openExtensionPage('popup.html');
  const search = 'input[role=combobox][aria-label="Search papers and your notes"]';
  await typeInto(page, search, 'itransfomer');
  const first = '[role=listbox][aria-label=Papers] [role=option]:first-child';
  await expect
    .poll(() => textOf(page, first))
    .toContain('iTransformer: Inverted Transformers Are Effective for Time Series Forecasting');
  expect(await textOf(page, `${first} mark`)).toBe('iTransformer');
});

test('Firefox reaches the web only through the test server, which refuses anything but the mapped hosts', async ({ firefox, server }) => {
  const page = await firefox.browser.newPage();
  // Both fail to load: an unmapped host is refused, and HTTPS is never tunnelled.
  await page.goto('http://unmapped.invalid/').catch(() => undefined);
  await page.goto('https://arxiv.org/').catch(() => undefined);
  expect(server.refused).toEqual(expect.arrayContaining(['http://unmapped.invalid/', 'CONNECT arxiv.org:443']));
});
