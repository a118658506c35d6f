import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Firefox } from './browser';
import { arxivAbsPage, catalogPaper } from '../e2e/pages';
import { cardFrame, clickInCard, clickOn, hoverText, eventPageSuspended, expect, launch, NOTE_BOX, openPage, test, textOf, typeInto, valueOf } from './fixtures';

// These tests start their own browsers: a restart, and a short event-page idle timeout.

const itransformer = catalogPaper('iTransformer');
const autoformer = catalogPaper('Autoformer');
const popupFor = (paperId: string) => `popup.html?paper=${encodeURIComponent(paperId)}`;

/** Runs `use` with a Firefox that is closed afterwards, whatever happens. */
async function withFirefox(launched: Promise<Firefox>, use: (firefox: Firefox) => Promise<void>): Promise<void> {
  const firefox = await launched;
  try {
    await use(firefox);
  } finally {
    await firefox.close();
  }
}

test('a note written in the popup shows in the card, and survives a browser restart on the same profile', async ({ server }) => {
  const note = 'Inverted tokens: one per variate. Compare with **PatchTST**.';
  server.page('http://arxiv.org/abs/2310.06625', arxivAbsPage(itransformer));
  server.page('http://example.com/reading-list', `<!doctype html><html><body><p>${autoformer.title}</p></body></html>`);
  const profileDir = mkdtempSync(join(tmpdir(), 'paperlens-firefox-profile-'));
  try {
    await withFirefox(launch(server, { profileDir }), async (firefox) => {
      const popup = await firefox.openExtensionPage(popupFor(itransformer.id));
      await typeInto(popup, NOTE_BOX, note);
      await expect.poll(() => textOf(popup, '.pl-note__state[role=status]')).toBe('Saved');

      const page = await openPage(firefox, 'http://arxiv.org/abs/2310.06625');
      await hoverText(page, `h1.title[data-paperlens-id="${itransformer.id}"]`);
      // Rendered in the card; its Markdown source under Edit.
      const card = await cardFrame(page);
      await expect.poll(() => card.$eval('[aria-label="Note preview"] strong', (el) => el.textContent).catch(() => null)).toBe('PatchTST');
      await card.$eval('.pl-note__preview', (button) => (button as HTMLButtonElement).click());
      await expect.poll(() => valueOf(card, NOTE_BOX)).toBe(note);

      // A site opted into before the restart, too.
      const options = await firefox.openExtensionPage('options.html');
      await typeInto(options, 'input[aria-label="Site address"]', 'http://example.com');
      await clickOn(options, 'button[type=submit]::-p-text(Add site)');
      await expect.poll(() => textOf(options, '.sites li:has(button)')).toContain('http://example.com');
    });

    await withFirefox(launch(server, { profileDir }), async (firefox) => {
      const popup = await firefox.openExtensionPage(popupFor(itransformer.id));
      await expect.poll(() => valueOf(popup, NOTE_BOX)).toBe(note);
      const page = await openPage(firefox, 'http://example.com/reading-list');
      // A mention in running text: a highlight (no element) with its badge, or a wrapped span without the Highlight API.
      await page.waitForSelector(`paperlens-badge[aria-label*="${autoformer.title.slice(0, 30)}"]`);
    });
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}, 180_000);

test('a note typed in the card as its tab closes, with the event page suspended, is saved', async ({ server }) => {
  server.page('http://arxiv.org/abs/2106.13008', arxivAbsPage(autoformer));
  // Firefox suspends an idle MV3 event page after 30 s; one second here.
  await withFirefox(launch(server, { prefs: { 'extensions.background.idle.timeout': 1000 } }), async (firefox) => {
    const watcher = await firefox.openExtensionPage('options.html');
    const page = await openPage(firefox, 'http://arxiv.org/abs/2106.13008');
    await hoverText(page, `h1.title[data-paperlens-id="${autoformer.id}"]`);
    const card = await cardFrame(page);
    await clickInCard(page, card, NOTE_BOX);
    await expect.poll(() => eventPageSuspended(watcher)).toBe(true);

    // Typed at a brisk 30 ms a key, and the tab closed with the last keystroke (before the autosave).
    // Firefox, unlike Chromium, delivers the editor's own save on pagehide as well as the draft the
    // background holds (lib/messaging/draft-relay.ts): this fails only when neither reaches it.
    await page.keyboard.type('typed as the tab closed', { delay: 30 });
    await page.close();

    const popup = await firefox.openExtensionPage(popupFor(autoformer.id));
    await expect.poll(() => valueOf(popup, NOTE_BOX)).toBe('typed as the tab closed');
  });
});
