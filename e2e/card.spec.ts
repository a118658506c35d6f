import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { everythingAPageScriptCanRead } from './in-page';
import { arxivAbsPage, catalogPaper } from './pages';

const paper = catalogPaper('Autoformer');
const code = paper.links.filter((l) => l.kind === 'code');
const ABS_PAGE = arxivAbsPage(paper);

async function cardFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/card.html'))).toBe(true);
  return page.frames().find((f) => f.url().includes('/card.html'))!;
}

test('hovering a mark opens the card with TL;DR, code links and topics; Escape closes it', async ({ context, server }) => {
  server.page('http://arxiv.org/abs/2106.13008', ABS_PAGE);
  const page = await context.newPage();
  await page.goto('http://arxiv.org/abs/2106.13008');
  const mark = page.locator(`h1.title[data-paperlens-id="${paper.id}"]`);
  await mark.hover();
  const card = await cardFrame(page);
  await expect(card.getByRole('heading', { name: paper.title })).toBeVisible();
  await expect(card.getByTestId('card-tldr')).toHaveText(paper.tldr);
  const links = card.getByTestId('card-code-link');
  await expect(links).toHaveCount(code.length);
  await expect(links.first()).toHaveText(new RegExp(code[0]!.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(links.first()).toHaveAttribute('target', '_blank');
  await expect(links.first()).toHaveAttribute('href', code[0]!.url);
  // The page's `* { color: red !important }` does not reach into the card.
  await expect(card.getByTestId('card-tldr')).not.toHaveCSS('color', 'rgb(255, 0, 0)');
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'visible');

  await page.screenshot({ path: test.info().outputPath('card.png') });
  const shown = (await page.locator('paperlens-card').boundingBox())!;
  await page.keyboard.press('Escape');
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'hidden');
  // Gone for real: the pointer where the card was reaches the page, not a frame left visible in its hidden host.
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName, [shown.x + shown.width / 2, shown.y + shown.height / 2]);
  expect(hit).not.toBe('PAPERLENS-CARD');

  // Moving the mouse away (not into the card) closes it too.
  await page.mouse.move(5, 5);
  // Over the title's words (the "Title:" descriptor before them is not the mark).
  await mark.hover();
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'visible');
  await page.mouse.move(5, 400);
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'hidden');
});

test('the badge opens the card from the keyboard', async ({ context, server }) => {
  server.page('http://arxiv.org/abs/2106.13008', ABS_PAGE);
  const page = await context.newPage();
  await page.goto('http://arxiv.org/abs/2106.13008');
  // The title's one badge (PaperLens's overlay where the browser has highlights, inside the title otherwise).
  const badge = page.locator('paperlens-badge');
  await expect(badge).toHaveAttribute('aria-label', /PaperLens/);
  await badge.focus();
  const card = await cardFrame(page);
  await expect(card.getByRole('heading', { name: paper.title })).toBeVisible();
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'visible');
  // Enter takes the keyboard into the card, which stays open while focus is inside it.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'visible');
  expect(await card.evaluate(() => document.hasFocus() && document.activeElement !== document.body)).toBe(true);
  // Escape inside the card closes it.
  await page.keyboard.press('Escape');
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'hidden');
});

test('a note saved from the card survives a reload, shows in the extension, and page scripts cannot read it', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const secret = `my private thoughts ${Date.now()}`;
  server.page('http://arxiv.org/abs/2106.13008', ABS_PAGE);
  const page = await context.newPage();
  await page.goto('http://arxiv.org/abs/2106.13008');
  await page.locator(`h1.title[data-paperlens-id="${paper.id}"]`).hover();
  let card = await cardFrame(page);
  await card.getByLabel('Your note').fill(secret);
  await expect(card.getByRole('status')).toHaveText('Saved');

  // A hostile page script tries every way it has to read the card.
  const seen = await page.evaluate(everythingAPageScriptCanRead);
  expect(seen).not.toContain('private thoughts');

  await page.reload();
  await page.locator(`h1.title[data-paperlens-id="${paper.id}"]`).hover();
  card = await cardFrame(page);
  // A written note shows rendered; Edit opens its text.
  await expect(card.getByLabel('Note preview')).toHaveText(secret);
  await card.getByRole('button', { name: 'Edit' }).click();
  await expect(card.getByLabel('Your note')).toHaveValue(secret);
  await expect(card.getByLabel('Your note')).toBeFocused();

  const popup = await openExtensionPage('popup.html');
  const stored = await popup.evaluate(async (id) => {
    const open = indexedDB.open('paperlens');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const req = db.transaction('notes').objectStore('notes').get(id);
    const note = await new Promise<{ text: string } | undefined>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result as { text: string } | undefined);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return note?.text;
  }, paper.id);
  expect(stored).toBe(secret);
});

test('a note typed in the card just before the tab closes, with the service worker stopped, is not lost', async ({
  context,
  server,
  openExtensionPage,
}) => {
  server.page('http://arxiv.org/abs/2106.13008', ABS_PAGE);
  const page = await context.newPage();
  await page.goto('http://arxiv.org/abs/2106.13008');
  await page.locator(`h1.title[data-paperlens-id="${paper.id}"]`).hover();
  const card = await cardFrame(page);
  const note = card.getByLabel('Your note');
  await expect(note).toBeVisible();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // Typed at a brisk 30 ms a key, and the tab closed with the last keystroke (before the autosave).
  await note.pressSequentially('typed as the tab closed', { delay: 30 });
  await page.close({ runBeforeUnload: true });

  const popup = await openExtensionPage(`popup.html?paper=${encodeURIComponent(paper.id)}`);
  await expect(popup.getByRole('textbox', { name: 'Your note' })).toHaveValue('typed as the tab closed');
});

test('the card sizes its frame over a private port: the page hears none of its messages', async ({ context, server }) => {
  server.page('http://arxiv.org/abs/2106.13008', ABS_PAGE);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const heard: unknown[] = [];
    (window as unknown as { heard: unknown[] }).heard = heard;
    window.addEventListener('message', (e) => heard.push(e.data));
  });
  await page.goto('http://arxiv.org/abs/2106.13008');
  await page.locator(`h1.title[data-paperlens-id="${paper.id}"]`).hover();
  const card = await cardFrame(page);
  await expect(card.getByRole('heading', { name: paper.title })).toBeVisible();
  // The frame follows the card's content height (320 px is only where it starts).
  await expect
    .poll(async () => page.locator('paperlens-card').evaluate((el) => Math.round(el.getBoundingClientRect().height)))
    .not.toBe(320);
  await page.keyboard.press('Tab');
  await card.locator('body').press('Escape');
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'hidden');
  expect(await page.evaluate(() => JSON.stringify((window as unknown as { heard: unknown[] }).heard))).not.toContain('paperlens');
});

test('the card follows a dark page, and dark mode, and stays light on a light page', async ({ context, server }) => {
  const page = await context.newPage();
  const open = async () => {
    await page.mouse.move(1, 1);
    await page.locator(`h1.title[data-paperlens-id="${paper.id}"]`).hover();
    await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'visible');
    const card = await cardFrame(page);
    await expect(card.getByRole('heading', { name: paper.title })).toBeVisible();
  };
  /** The shown card's scheme and colours, polled: a reopened card takes its new scheme as it re-renders. */
  const colours = async () =>
    (await cardFrame(page)).evaluate(() => ({
      scheme: document.documentElement.dataset.scheme,
      background: getComputedStyle(document.getElementById('frame')!).backgroundColor,
      text: getComputedStyle(document.querySelector('.card__tldr')!).color,
    }));
  const dark = { scheme: 'dark', background: 'rgb(28, 30, 36)', text: 'rgb(230, 231, 236)' };
  const light = { scheme: 'light', background: 'rgb(255, 255, 255)', text: 'rgb(31, 36, 48)' };

  // A dark site (GitHub's dark colours), the system in light mode.
  server.page('http://arxiv.org/abs/2106.13008', ABS_PAGE.replace('</head>', '<style>body { background: #0d1117; color: #e6edf3; }</style></head>'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('http://arxiv.org/abs/2106.13008');
  await open();
  await expect.poll(colours).toEqual(dark);

  // A light site: light in light mode, dark in dark mode.
  server.page('http://arxiv.org/abs/2106.13008', ABS_PAGE);
  await page.goto('http://arxiv.org/abs/2106.13008');
  await open();
  await expect.poll(colours).toEqual(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.keyboard.press('Escape');
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'hidden');
  await open();
  await expect.poll(colours).toEqual(dark);
});
