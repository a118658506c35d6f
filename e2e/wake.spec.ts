import type { Page } from '@playwright/test';
import { expect, send, test } from './fixtures';
import { arxivListing, catalogPaper } from './pages';

const paper = catalogPaper('Autoformer');
const other = catalogPaper('Scaling Vision Transformers');

/** Stops the service worker, as Chrome stops an idle one. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** The wake state file the background keeps in OPFS (lib/db/wake-state.ts), as text, or '' when there is none. */
const wakeStateText = () =>
  navigator.storage
    .getDirectory()
    .then((root) => root.getFileHandle('wake-state.json'))
    .then((handle) => handle.getFile())
    .then((file) => file.text())
    .catch(() => '');

test('a woken worker marks a listing with the right states, and corrects states its copy had wrong', async ({ context, server, openExtensionPage }) => {
  const ext = await openExtensionPage('popup.html');
  await send(ext, 'saveNote', { paperId: paper.id, text: 'Decomposition blocks.', starred: true });
  // The background writes its copy shortly after its own writes.
  await expect.poll(() => ext.evaluate(wakeStateText), { timeout: 15_000 }).toContain(paper.id);
  server.page('http://arxiv.org/list/cs.LG/new', arxivListing([paper.title, other.title]));
  const title = (id: string) => page.locator(`div.list-title[data-paperlens-id="${id}"]`);

  await stopWorker(ext);
  let page = await context.newPage();
  await page.goto('http://arxiv.org/list/cs.LG/new');
  await expect(title(paper.id)).toHaveAttribute('data-paperlens-state', 'starred note');
  await expect(title(other.id)).toHaveCount(1);
  await expect(title(other.id)).not.toHaveAttribute('data-paperlens-state', /./);
  await page.close();

  // The star goes in a write the copy's stamp never heard of (plain IndexedDB, not Dexie): the
  // copy is still believed on the next wake, and what it answered is corrected once the
  // database is open.
  await ext.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paperlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('notes', 'readwrite');
          const notes = tx.objectStore('notes');
          const get = notes.get(id);
          get.onsuccess = () => notes.put({ ...get.result, starred: false });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    paper.id,
  );
  await stopWorker(ext);
  page = await context.newPage();
  await page.goto('http://arxiv.org/list/cs.LG/new');
  await expect(title(paper.id)).toHaveAttribute('data-paperlens-state', 'note');
});
