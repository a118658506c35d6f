import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from './browser';
import { EXTENSION_DIR, expect, send, test } from './fixtures';

const TITLE = 'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs';


async function openPopupOn(context: BrowserContext, id: string, paperId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html?paper=${paperId}`);
  return page;
}

test('a note typed in the popup just before it closes, with the service worker stopped, is not lost', async ({
  context,
  extensionId,
}) => {
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${extensionId}/popup.html`);
  const [paperId] = await send<string[]>(setup, 'lookupTitles', [TITLE]);
  await setup.close();

  const popup = await openPopupOn(context, extensionId, paperId!);
  const note = popup.getByRole('textbox', { name: 'Your note' });
  await expect(note).toBeVisible();
  const cdp = await context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await note.fill('padding-free kernels, typed as the popup closed');
  await popup.close({ runBeforeUnload: true });

  const again = await openPopupOn(context, extensionId, paperId!);
  await expect(again.getByRole('textbox', { name: 'Your note' })).toHaveValue('padding-free kernels, typed as the popup closed');
});

// chrome.runtime.reload() leaves an extension loaded with --load-extension disabled in Chromium,
// so an update is covered by the catalog-version unit tests (lib/db, lib/notes) instead.
test('notes, tags and stars survive a browser restart', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'paperlens-profile-'));
  try {
    let context = await launchWithExtension({ extensionDir: EXTENSION_DIR, userDataDir: profile });
    const id = await extensionIdOf(context);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    const [paperId] = await send<string[]>(page, 'lookupTitles', [TITLE]);
    await send(page, 'saveNote', { paperId, text: 'kept across restarts', tags: ['gpu'], starred: true });

    await context.close();

    // A browser restart on the same profile.
    context = await launchWithExtension({ extensionDir: EXTENSION_DIR, userDataDir: profile });
    const after = await openPopupOn(context, await extensionIdOf(context), paperId!);
    await expect(after.getByRole('textbox', { name: 'Your note' })).toHaveValue('kept across restarts');
    const stored = await send<{ note: { tags: string[]; starred: boolean } }>(after, 'getPaper', paperId);
    expect(stored.note).toMatchObject({ tags: ['gpu'], starred: true });
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
