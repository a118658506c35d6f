import type { Page } from '@playwright/test';
import { expect, send, test } from './fixtures';

/**
 * The popup's keystroke path lists rows from a cache of papers and notes read for earlier
 * queries, renders a new answer's first rows before the rest, and reads what it lacks after the
 * paint (entrypoints/popup/use-results.ts, lib/search/row-cache.ts). These check that what it
 * ends up showing is what a popup answering the query at once shows, and that a note saved
 * elsewhere never leaves a row showing the note as it was.
 */

const options = (page: Page) => page.getByRole('listbox', { name: 'Papers' }).getByRole('option');

async function openPopup(openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  const page = await openExtensionPage('popup.html');
  await expect(page.getByTestId('catalog-count')).toHaveText(/^333 papers/);
  await expect(page.getByRole('status').first()).not.toHaveText(/^(Loading|Preparing) the search index…$/, { timeout: 30_000 });
  return page;
}

/** Every listed row as shown: title, the line under it (TL;DR, note or abstract) and badges. */
function shownRows(page: Page): Promise<string[]> {
  return options(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

test('rows typed fast, key by key, end up as a popup answering the whole query at once shows them', async ({ openExtensionPage }) => {
  const typed = await openPopup(openExtensionPage);
  const query = 'vision transformer segmentation';
  // No pause between keys: each key's answer is replaced before the rows it lacked are read.
  await typed.keyboard.type(query);
  await expect(typed.getByRole('status').first()).toHaveText(/^\d+ papers$/);

  const atOnce = await openPopup(openExtensionPage);
  await atOnce.getByRole('combobox', { name: 'Search papers and your notes' }).fill(query);
  await expect(atOnce.getByRole('status').first()).toHaveText(/^\d+ papers$/);
  const total = Number.parseInt((await atOnce.getByRole('status').first().textContent()) ?? '', 10);
  // At most 30 rows; more than the 12 a keystroke's frame renders first.
  const count = Math.min(total, 30);
  expect(count).toBeGreaterThan(12);
  await expect(options(atOnce)).toHaveCount(count);
  // The rows fill in with their TL;DRs once read: wait until the fresh popup's list holds still.
  let expected: string[] = [];
  await expect
    .poll(async () => {
      const now = await shownRows(atOnce);
      const same = JSON.stringify(now) === JSON.stringify(expected);
      expected = now;
      return same;
    })
    .toBe(true);

  await expect.poll(() => shownRows(typed)).toEqual(expected);
  await expect(typed.getByRole('status').first()).toHaveText((await atOnce.getByRole('status').first().textContent()) ?? '');
});

test('a note saved elsewhere shows in the rows at once and its earlier state never comes back while typing', async ({
  openExtensionPage,
}) => {
  const popup = await openPopup(openExtensionPage);
  const other = await openExtensionPage('options.html');
  const search = popup.getByRole('combobox', { name: 'Search papers and your notes' });
  await search.fill('transformer');
  await expect(options(popup).nth(12)).toBeVisible();
  // The first row's paper, by its title (the option ids are positions), read from the database.
  const title = (await options(popup).first().locator('.pl-result__title').textContent()) ?? '';
  const row = options(popup).filter({ has: popup.locator('.pl-result__title', { hasText: title }) });
  const paper = await popup.evaluate(async (t) => {
    const open = indexedDB.open('paperlens');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const all = await new Promise<{ id: string; title: string }[]>((resolve) => {
      const get = db.transaction('papers').objectStore('papers').getAll();
      get.onsuccess = () => resolve(get.result as { id: string; title: string }[]);
    });
    db.close();
    return all.find((p) => p.title.replace(/\s+/g, ' ') === t)?.id;
  }, title);
  expect(paper).toBeTruthy();

  // The rows are in the popup's row cache now. The note is saved by another page.
  await send(other, 'saveNote', { paperId: paper, text: 'first thoughts', tags: ['alpha'] });
  await expect(row).toContainText('#alpha');

  await send(other, 'saveNote', { paperId: paper, text: 'second thoughts', tags: ['beta'], starred: true });
  await expect(row).toContainText('#beta');
  await expect(row).toContainText('★');

  // From now on no row may show the first note's tag, whatever is typed.
  await popup.evaluate(() => {
    const w = window as unknown as { staleSeen: boolean };
    w.staleSeen = false;
    const check = () => {
      const shown = [...document.querySelectorAll<HTMLElement>('[role=option]')].filter((o) => o.checkVisibility());
      if (shown.some((o) => o.innerText.includes('#alpha'))) w.staleSeen = true;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await search.press('End');
  for (const key of ['s', 'Backspace', ' ', 'Backspace', 's', 'Backspace']) {
    await popup.keyboard.press(key);
    await expect(search).toHaveValue(key === 's' ? 'transformers' : key === ' ' ? 'transformer ' : 'transformer');
  }
  await expect(row).toContainText('#beta');
  expect(await popup.evaluate(() => (window as unknown as { staleSeen: boolean }).staleSeen)).toBe(false);
});
