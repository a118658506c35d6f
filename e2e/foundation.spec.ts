import { expect, test } from './fixtures';
import { catalogInIndexedDb } from './in-page';

test('the bundled catalog reaches IndexedDB in the extension origin', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  await expect(page.getByTestId('catalog-count')).toHaveText('333 papers · 0 in your library');

  const stored = await page.evaluate(catalogInIndexedDb, 'ByteTransformer');
  expect(stored.count).toBe(333);
  expect(stored.version).toMatch(/^[0-9a-f]{16}$/);
  expect(stored.paper?.tldr).toContain('ByteTransformer');
});

test('the popup opens with the extension icon and no errors', async ({ openExtensionPage }) => {
  const errors: string[] = [];
  const page = await openExtensionPage('popup.html');
  page.on('pageerror', (e) => errors.push(e.message));
  await expect(page.getByRole('heading', { name: 'PaperLens' })).toBeVisible();
  await expect(page.getByTestId('catalog-count')).toContainText('in your library');
  expect(errors).toEqual([]);
});

test('the service worker answers typed messages and validates their input', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  const result = await page.evaluate(async () => {
    // The wire format of @webext-core/messaging, sent raw to see what a foreign sender gets.
    type Reply = { res?: { papers: number }; err?: unknown };
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } })
      .chrome.runtime;
    const send = (type: string, data: unknown) => runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    const status = await send('catalogStatus', undefined);
    const bad = await send('getPaper', { not: 'an id' });
    return { status, bad };
  });
  expect(result.status.res?.papers).toBe(333);
  expect(JSON.stringify(result.bad.err)).toContain('paper id must be a string');
});
