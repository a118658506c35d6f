import type { Page } from '@playwright/test';
import { expect, send, test } from './fixtures';

/*
 * The popup's first list comes from one stored row (lib/db/first-screen.ts) read by popup.html's
 * first script, believed only while the papers and notes it was read from are unchanged.
 */

const titles = (page: Page) => page.getByRole('listbox', { name: 'Papers' }).getByRole('option').locator('.pl-result__title');

/** Records the titles listed when each mark was first set (the first list painted, the first render committed). */
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

/** As an import worker or another tool might: a note unstarred in raw IndexedDB, its revision bumped, nothing else told. */
const unstarInRawIndexedDb = (page: Page, paperId: string) =>
  page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paperlens');
        open.onsuccess = () => {
          const tx = open.result.transaction(['notes', 'settings'], 'readwrite');
          const get = tx.objectStore('notes').get(id);
          get.onsuccess = () => tx.objectStore('notes').put({ ...get.result, starred: false, text: '', updatedAt: Date.now() });
          const rev = tx.objectStore('settings').get('revision:notes');
          rev.onsuccess = () => tx.objectStore('settings').put({ key: 'revision:notes', value: ((rev.result as { value?: number } | undefined)?.value ?? 0) + 1 });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    paperId,
  );

test('the first list is read from the stored row, which follows the background\'s saves, and a list changed since is never shown', async ({ context, openExtensionPage }) => {
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
  // Painted with the first list (at its first render, unless the stored row came after main.tsx's wait).
  await expect.poll(() => listedAt(second, 'paperlens:first-results')).toEqual([expect.stringMatching(/^Autoformer/)]);

  // A note saved where no popup is open, through the background (as the hover card saves): the
  // background stores the first screen again, and the next popup lists the new one.
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
  await expect.poll(() => listedAt(third, 'paperlens:first-results')).toEqual([expect.stringMatching(/^iTransformer/), expect.stringMatching(/^Autoformer/)]);
  await third.close();

  // Changed in raw IndexedDB with nothing told: the stored row is stale and never listed.
  const [autoformer] = (await storedList(tab))!.filter((id) => id !== itransformer);
  await unstarInRawIndexedDb(tab, autoformer!);
  const fourth = await openExtensionPage('popup.html');
  await expect(titles(fourth)).toHaveText([/^iTransformer/]);
  await expect.poll(() => listedAt(fourth, 'paperlens:first-results')).toEqual([expect.stringMatching(/^iTransformer/)]);
});
