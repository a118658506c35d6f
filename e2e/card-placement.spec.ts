import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { arxivListing, catalogPaper, hasSharedPages, sharedPage } from './pages';

// Where the hover card goes, checked on rectangles in a real browser. (What opens it: content.spec.ts.)

const autoformer = catalogPaper('Autoformer');
const wider = catalogPaper('Go Wider Instead of Deeper');
const LISTING = 'http://arxiv.org/list/cs.LG/new';

/** Titles of the saved 200-entry arXiv listing that tests replace with catalog titles: the 1st, 20th and 22nd entries. */
const PLANTED = [
  'InfiniCity: Infinite-Scale City Synthesis',
  'Triplet Contrastive Learning for Unsupervised Vehicle Re-identification',
  'Contracting Skeletal Kinematic Embeddings for Anomaly Detection',
];

/** The saved listing with `titles` over PLANTED's entries (a synthetic listing of the same markup without the shared pages). */
function listing(titles: string[]): string {
  if (!hasSharedPages) {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `An Unknown Paper Number ${n}-${i}`);
    return arxivListing([titles[0]!, ...filler(18), titles[1] ?? 'Another Unknown Paper', 'One More Unknown Paper', titles[2] ?? 'Yet Another Unknown Paper', ...filler(40)]);
  }
  return titles.reduce((html, title, i) => html.replace(PLANTED[i]!, title), sharedPage('arxiv-list-2023.html'));
}

type Rect = { left: number; top: number; right: number; bottom: number };

/**
 * What the card must never cover: the marked title's text, line by line (its highlight range, or
 * its wrapped span where the browser has no highlights), and its badge.
 */
function titleRects(page: Page, title: string): Promise<Rect[]> {
  return page.evaluate((title) => {
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
    const ranges: Range[] = [];
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    if (registry) for (const [name, set] of registry) if (name.startsWith('paperlens')) for (const r of set) ranges.push(r);
    for (const span of document.querySelectorAll('span[data-paperlens-id]')) {
      const r = document.createRange();
      r.selectNodeContents(span);
      ranges.push(r);
    }
    const range = ranges.find((r) => norm(r.toString()) === title)!;
    const rects: Rect[] = [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    const badge = [...document.querySelectorAll('paperlens-badge')].find((b) => b.getAttribute('aria-label')!.includes(title.slice(0, 40)))!;
    const b = badge.getBoundingClientRect();
    rects.push({ left: b.left, top: b.top, right: b.right, bottom: b.bottom });
    return rects;
  }, title);
}

/** The shown card's rectangle once it shows `title` and has stopped moving (the frame resizes to the card's content). */
async function settledCard(page: Page, title: string, where: string): Promise<Rect> {
  const host = page.locator('paperlens-card');
  await expect(host).toHaveCSS('visibility', 'visible');
  await expect.poll(() => page.frames().some((f) => f.url().includes('/card.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/card.html'))!;
  await expect(frame.getByRole('heading', { name: title }), where).toBeVisible();
  await expect(frame.getByLabel('Note preview'), where).toContainText('point 14');
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await host.evaluate((el) => el.getBoundingClientRect().toJSON()));
      const settled = now === last;
      last = now;
      return settled;
    }, { intervals: [300] })
    .toBe(true);
  return JSON.parse(last) as Rect;
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('the card never covers its title: at 500, 650 and 800 px windows and titles scrolled to many heights', async ({
  context,
  server,
  openExtensionPage,
}) => {
  test.setTimeout(300_000);
  // A long note makes each card as tall as cards get, so it fits neither below nor above mid-window titles.
  const note = Array.from({ length: 14 }, (_, i) => `- point ${i + 1}: the decomposition block keeps the trend apart`).join('\n');
  for (const paper of [autoformer, wider]) {
    const popup = await openExtensionPage(`popup.html?paper=${encodeURIComponent(paper.id)}`);
    await popup.getByLabel('Your note').fill(note);
    await expect(popup.getByRole('status')).toHaveText('Saved');
    await popup.close();
  }

  // Both titles far enough down the listing to be scrolled to any height. Autoformer's line spans
  // most of the width, so the card cannot go beside it; Go Wider's is short.
  server.page(LISTING, listing(['Not A Catalog Title At All', autoformer.title, wider.title]));
  const page = await context.newPage();
  await page.goto(LISTING);
  for (const paper of [autoformer, wider]) await expect(page.locator(`[data-paperlens-id="${paper.id}"]`)).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('paperlens-badge').length)).toBeGreaterThanOrEqual(2);

  // [paper, window width, window height, where the title's first line is put]. At 900 px wide the
  // Autoformer line leaves no room beside it: the card shrinks into the larger space instead.
  const cases: Array<[typeof autoformer, number, number, number[]]> = [
    [autoformer, 1280, 800, [200, 355, 380, 410, 440, 600]],
    [autoformer, 900, 650, [250, 330, 560]],
    [autoformer, 900, 500, [150, 260, 420]],
    [wider, 1280, 800, [355, 410, 440]],
    [wider, 1280, 650, [300]],
  ];
  const seen: Array<{ paper: string; side: string; height: number }> = [];
  for (const [paper, width, height, tops] of cases) {
    await page.setViewportSize({ width, height });
    for (const top of tops) {
      await page.mouse.move(1, 1);
      const host = page.locator('paperlens-card');
      if ((await host.count()) > 0) await expect(host).toHaveCSS('visibility', 'hidden');
      // Scroll so the title's first line is `top` px from the top of the window.
      await page.evaluate(
        ([id, top]) => window.scrollBy(0, document.querySelector(`[data-paperlens-id="${id}"]`)!.getBoundingClientRect().top - Number(top)),
        [paper.id, top] as const,
      );
      const title = await titleRects(page, paper.title);
      const first = title[0]!;
      const where = `${paper.title.slice(0, 10)}, window ${width}x${height}, title at ${Math.round(first.top)} px`;
      expect(Math.abs(first.top - top), where).toBeLessThan(20);
      await page.mouse.move((first.left + first.right) / 2, (first.top + first.bottom) / 2, { steps: 2 });
      const card = await settledCard(page, paper.title, where);
      for (const r of await titleRects(page, paper.title)) {
        expect(overlaps(card, r), `${where}: card ${JSON.stringify(card)} covers ${JSON.stringify(r)}`).toBe(false);
      }
      expect(card.top, where).toBeGreaterThanOrEqual(0);
      expect(card.bottom, where).toBeLessThanOrEqual(height);
      expect(card.left, where).toBeGreaterThanOrEqual(0);
      expect(card.right, where).toBeLessThanOrEqual(width);
      expect(card.bottom - card.top, where).toBeGreaterThan(150);
      seen.push({ paper: paper.id, side: (await host.getAttribute('data-side')) ?? '', height: card.bottom - card.top });
    }
  }
  // Every way was taken: below and above where the card fits, beside the title, and shrunk.
  const tallest = Math.max(...seen.map((c) => c.height));
  expect(new Set(seen.filter((c) => c.paper === autoformer.id).map((c) => c.side))).toEqual(new Set(['above', 'below', 'right']));
  expect(seen.filter((c) => c.paper === wider.id).map((c) => c.side)).toEqual(['right', 'right', 'right', 'right']);
  expect(seen.some((c) => c.height < tallest - 100 && (c.side === 'above' || c.side === 'below'))).toBe(true);
  // A shrunken card scrolls: its note is still all there, lower down.
  const frame = page.frames().find((f) => f.url().includes('/card.html'))!;
  expect(await frame.evaluate(() => document.getElementById('frame')!.scrollHeight > document.getElementById('frame')!.clientHeight)).toBe(true);
});
