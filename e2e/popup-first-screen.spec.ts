import type { Page } from '@playwright/test';
import { expect, send, test } from './fixtures';

/*
 * The popup's first list comes from one stored row (lib/db/first-screen.ts) read by popup.html's
 * first script, believed only while the papers and notes it was read from are unchanged.
 */

const titles = (page: Page) => page.getByRole('listbox', { name: 'Papers' }).getByRole('option').locator('.pl-result__title');

/** Records the titles listed when the popup's first render committed and when its first list was painted. */
function recordListedAtMarks(): void {
  const seen: Record<string, string[]> = {};
  (window as unknown as { listedAt: typeof seen }).listedAt = seen;
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    seen[name] ??= [...document.querySelectorAll('[role=option] .pl-result__title')].map((e) => e.textContent ?? '');
    return mark(name, options);
  };
}

const listedAt = (page: Page, mark: string) =>
  page.evaluate((m) => (window as unknown as { listedAt: Record<string, string[] | undefined> }).listedAt[m] ?? null, mark);

/** The stored first screen's listed paper ids, read from the extension's IndexedDB. */
const storedList = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[] | null>((resolve, reject) => {
        const open = indexedDB.open('paperlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('popup:firstScreen');
          get.onsuccess = () => {
            open.result.close();
            const row = get.result as { value: { browsed: { paper: { id: string } }[] } } | undefined;
            resolve(row ? row.value.browsed.map((b) => b.paper.id) : null);
          };
        };
      }),
  );

test('the first list is in the popup\'s first render when stored, and a list changed since is never shown', async ({ context, openExtensionPage }) => {
  await context.addInitScript(recordListedAtMarks);
  const first = await openExtensionPage('popup.html');
  await expect(first.getByTestId('catalog-count')).toHaveText('333 papers · 0 in your library');
  const search = first.getByRole('combobox', { name: 'Search papers and your notes' });
  await search.fill('autofromer');
  await first.keyboard.press('Enter');
  await first.locator('.pl-note__star').click();
  await expect(first.locator('.pl-note__star')).toHaveAttribute('aria-pressed', 'true');
  // The open popup stores the changed first screen itself.
  await expect.poll(() => storedList(first)).toHaveLength(1);
  await first.close();

  const second = await openExtensionPage('popup.html');
  await expect(titles(second)).toHaveText([/^Autoformer/]);
  expect(await listedAt(second, 'paperlens:rendered')).toEqual([expect.stringMatching(/^Autoformer/)]);

  // A note saved where no popup is open (here through the background, as the hover card saves),
  // so nothing stored the first screen again: the next popup must not list the old one.
  await second.close();
  const tab = await openExtensionPage('options.html');
  const itransformer = await tab.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('paperlens');
        open.onsuccess = () => {
          const all = open.result.transaction('papers').objectStore('papers').getAll();
          all.onsuccess = () => resolve((all.result as { id: string; title: string }[]).find((p) => p.title.startsWith('iTransformer'))!.id);
        };
      }),
  );
  await send(tab, 'saveNote', { paperId: itransformer, text: '', starred: true });

  const third = await openExtensionPage('popup.html');
  await expect(titles(third)).toHaveText([/^iTransformer/, /^Autoformer/]);
  expect(await listedAt(third, 'paperlens:first-results')).toEqual([expect.stringMatching(/^iTransformer/), expect.stringMatching(/^Autoformer/)]);
});
