import { expect, test } from './fixtures';
import { markedTexts } from './in-page';
import { catalogPaper, hasSharedPages, sharedPage } from './pages';

const autoformer = catalogPaper('Autoformer');
const bytes = catalogPaper('Bytes Are All You Need');
const any2point = catalogPaper('Any2Point');
const scaling = catalogPaper('Scaling Vision Transformers');
// The one entry of the saved listing that really is in the catalog.
const flatformer = catalogPaper('FlatFormer');

/** An arXiv search results page in arxiv.org's markup, with `search-hit` highlights in titles. */
function searchPage(titles: string[]): string {
  // Each entry its own id: the background learns the id shown beside a known title, so a shared
  // id would make every later entry that paper.
  const items = titles
    .map(
      (t, i) => `<li class="arxiv-result">
  <div class="is-marginless"><p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2301.0000${i + 1}">arXiv:2301.0000${i + 1}</a></p></div>
  <p class="title is-5 mathjax">
      ${t}
    </p>
  <p class="authors"><span class="search-hit">Authors:</span> <a href="/a/x">A. Author</a></p>
</li>`,
    )
    .join('\n');
  return `<!doctype html><html><head><title>Search | arXiv e-print repository</title></head>
<body><main><ol class="breathe-horizontal" start="1">${items}</ol></main></body></html>`;
}

test('marks a catalog title on an arXiv abstract page, with a badge, and nothing else', async ({ context, server }) => {
  test.skip(!hasSharedPages, 'needs ../shared/fixtures/pages');
  const html = sharedPage('arxiv-abs-2021.html').replaceAll(
    'Learning Knowledge Graph-based World Models of Textual Environments',
    autoformer.title,
  );
  server.page('http://arxiv.org/abs/2106.09608', html);
  const page = await context.newPage();
  await page.goto('http://arxiv.org/abs/2106.09608');
  const mark = page.locator(`h1.title[data-paperlens-id="${autoformer.id}"]`);
  await expect(mark).toBeVisible();
  // The title's text is highlighted (not the "Title:" descriptor), and its badge is PaperLens's own overlay node.
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([autoformer.title]);
  const badge = page.locator('paperlens-marks > paperlens-badge');
  await expect(badge).toHaveAttribute('tabindex', '0');
  await expect(badge).toHaveCount(1);
  await expect(mark.locator('paperlens-badge')).toHaveCount(0);
  await expect(page.locator('[data-paperlens-id]')).toHaveCount(1);
  // The badge sits at the end of the title's last line (polled: the page may still be laying out
  // when the badge is first placed, and the badge follows it on the next layout change).
  const badgeOffTitle = async () => {
    const [text, dot] = await Promise.all([
      mark.evaluate((h1) => {
        const r = document.createRange();
        r.selectNodeContents(h1);
        const rects = r.getClientRects();
        return rects[rects.length - 1]!.toJSON() as DOMRect;
      }),
      badge.boundingBox(),
    ]);
    return {
      dx: Math.abs(dot!.x - text.right) < 6,
      top: dot!.y >= text.top - 6,
      bottom: dot!.y < text.bottom,
    };
  };
  await expect.poll(badgeOffTitle).toEqual({ dx: true, top: true, bottom: true });

  // MathJax re-renders the title in place: the mark follows the new text.
  await page.evaluate(() => {
    const h1 = document.querySelector('h1.title')!;
    h1.innerHTML = `<span class="descriptor">Title:</span><span class="mjx">${h1.textContent!.replace('Title:', '')}</span>`;
  });
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([autoformer.title]);
  await expect(badge).toHaveCount(1);
  // …and a title element replaced by a new one is marked again.
  await page.evaluate(() => {
    const h1 = document.querySelector('h1.title')!;
    const fresh = document.createElement('h1');
    fresh.className = 'title mathjax';
    fresh.textContent = h1.textContent;
    h1.replaceWith(fresh);
  });
  await expect(page.locator(`h1.title[data-paperlens-id="${autoformer.id}"]`)).toHaveCount(1);
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([autoformer.title]);
  await expect(badge).toHaveCount(1);
});

test('marks planted titles on a 200-entry arXiv listing and leaves the other entries alone', async ({ context, server }) => {
  test.skip(!hasSharedPages, 'needs ../shared/fixtures/pages');
  const html = sharedPage('arxiv-list-2023.html')
    .replace('InfiniCity: Infinite-Scale City Synthesis', bytes.title)
    // The listing wraps long titles over lines and pads them with spaces.
    .replace('HexPlane: A Fast Representation for Dynamic Scenes', any2point.title.replace(' Large ', '\n   Large '))
    .replace('Multiview Compressive Coding for 3D Reconstruction', autoformer.title.toUpperCase());
  server.page('http://arxiv.org/list/cs.LG/new', html);
  const page = await context.newPage();
  await page.goto('http://arxiv.org/list/cs.LG/new');
  await expect(page.locator('div.list-title[data-paperlens-id]')).toHaveCount(4);
  const ids = await page.locator('[data-paperlens-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlens-id')));
  expect(ids.filter((id) => id !== flatformer.id)).toEqual([bytes.id, any2point.id, autoformer.id]);
  expect(ids).toContain(flatformer.id);
  // Badges sit in the title's own line: taking them all out moves nothing on the page.
  const heights = await page.evaluate(() => {
    const before = document.body.scrollHeight;
    const lines = [...document.querySelectorAll('div.list-title[data-paperlens-id]')].map((e) => e.getBoundingClientRect().height);
    for (const b of document.querySelectorAll('paperlens-badge')) b.remove();
    const after = [...document.querySelectorAll('div.list-title[data-paperlens-id]')].map((e) => e.getBoundingClientRect().height);
    return { before, after: document.body.scrollHeight, lines, linesAfter: after };
  });
  expect(heights.after).toBe(heights.before);
  expect(heights.linesAfter).toEqual(heights.lines);
});

test('a 2,000-entry listing is marked as its 200 entries are ten times over, its batches relayed through the hidden card frame, unheard by the page', async ({ context, server }) => {
  test.skip(!hasSharedPages, 'needs ../shared/fixtures/pages');
  const saved = sharedPage('arxiv-list-2023.html')
    .replace('InfiniCity: Infinite-Scale City Synthesis', bytes.title)
    .replace('Multiview Compressive Coding for 3D Reconstruction', autoformer.title.toUpperCase());
  const [head, ...entries] = saved.split('<div class="meta">');
  const html = `${head}${Array.from({ length: 10 }, () => entries.map((e) => `<div class="meta">${e}`).join('')).join('')}`;
  server.page('http://arxiv.org/list/cs.LG/new', html);
  const page = await context.newPage();
  // Everything posted to the page's window, where a page script would listen.
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    window.addEventListener('message', (e) => heard.push(JSON.stringify(e.data)), true);
  });
  await page.goto('http://arxiv.org/list/cs.LG/new');
  await expect(page.locator('div.list-title[data-paperlens-id]')).toHaveCount(30, { timeout: 60_000 });
  const ids = await page.locator('div.list-title[data-paperlens-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlens-id')));
  const once = ids.slice(0, 3);
  expect(once.filter((id) => id !== flatformer.id)).toEqual([bytes.id, autoformer.id]);
  expect(once).toContain(flatformer.id);
  expect(ids).toEqual(Array.from({ length: 10 }, () => once).flat());
  // The batches went through the card frame, loaded hidden before any card was shown.
  expect(page.frames().some((f) => f.url().includes('/card.html'))).toBe(true);
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'hidden');
  // (WXT's own 'content-script-started' notice is posted there; nothing of the batches or their answers is.)
  const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
  expect(heard.filter((m) => /matchPage|matched|candidates|FlatFormer|Bytes Are All/i.test(m))).toEqual([]);
  // The frame is the card's: hovering a mark shows it there.
  await page.locator(`div.list-title[data-paperlens-id="${autoformer.id}"]`).first().scrollIntoViewIfNeeded();
  // On the title's words (the element's last text is the `]` after its links).
  const { x, y } = await page.evaluate((selector) => {
    const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
    let n = walker.nextNode() as Text | null;
    while (n && n.data.trim().length < 20) n = walker.nextNode() as Text | null;
    const range = document.createRange();
    range.selectNodeContents(n!);
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
  }, `div.list-title[data-paperlens-id="${autoformer.id}"]`);
  await page.mouse.move(x, y);
  await expect(page.locator('paperlens-card')).toHaveCSS('visibility', 'visible');
  const card = page.frames().find((f) => f.url().includes('/card.html'))!;
  await expect(card.getByRole('heading', { name: autoformer.title })).toBeVisible();
});

test('marks titles with search-hit highlights on an arXiv search page', async ({ context, server }) => {
  const highlighted = scaling.title.replace('Vision', '<span class="search-hit">Vision</span>');
  server.page(
    'http://arxiv.org/search/',
    searchPage([highlighted, 'A Paper That Is Not In The Catalog At All', `${bytes.title}.`]),
  );
  const page = await context.newPage();
  await page.goto('http://arxiv.org/search/?query=vision&searchtype=all');
  await expect(page.locator('p.title[data-paperlens-id]')).toHaveCount(2);
  await expect(page.locator(`p.title[data-paperlens-id="${scaling.id}"]`)).toContainText('Scaling');
  await expect(page.locator('li.arxiv-result').nth(1).locator('[data-paperlens-id]')).toHaveCount(0);
});

test('marks mentions in running text and titles added later by the page', async ({ context, server }) => {
  server.page(
    'http://news.ycombinator.com/item',
    `<!doctype html><html><body><div class="commtext">
      <ul><li><a href="https://arxiv.org/abs/2106.13008">${autoformer.title}</a> - NeurIPS 2021</li></ul>
      <p>We keep scaling vision transformers in our lab, and we liked “${scaling.title}” a lot.</p>
    </div></body></html>`,
  );
  const page = await context.newPage();
  await page.goto('http://news.ycombinator.com/item');
  await expect(page.locator(`a[data-paperlens-id="${autoformer.id}"]`)).toBeVisible();
  // Only the quoted mention is marked: the lowercase words earlier in the sentence are prose.
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([autoformer.title, scaling.title]);
  // Marked with a highlight: the paragraph's text node is not split or wrapped.
  expect(await page.locator('p').evaluate((p) => [p.childNodes.length, p.firstChild!.nodeType])).toEqual([1, 3]);
  await expect(page.locator('span[data-paperlens-id]')).toHaveCount(0);
  await expect(page.locator('paperlens-marks > paperlens-badge')).toHaveCount(2);

  await page.evaluate((title) => {
    const li = document.createElement('li');
    li.textContent = `"${title}" (2023)`;
    document.querySelector('ul')!.appendChild(li);
  }, bytes.title);
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([autoformer.title, bytes.title, scaling.title]);
});

test('hover opens the card over the title text or its badge, never over the blank rest of its row', async ({ context, server }) => {
  server.page(
    'http://arxiv.org/search/',
    searchPage([scaling.title]).replace('<body>', '<body style="margin: 0; width: 1600px">'),
  );
  const page = await context.newPage();
  await page.setViewportSize({ width: 1600, height: 800 });
  await page.goto('http://arxiv.org/search/?query=vision');
  const title = page.locator(`p.title[data-paperlens-id="${scaling.id}"]`);
  await expect(title).toBeVisible();
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([scaling.title]);
  const text = await title.evaluate((p) => {
    const r = document.createRange();
    r.selectNodeContents(p);
    return r.getBoundingClientRect().toJSON() as DOMRect;
  });
  const row = (await title.boundingBox())!;
  const card = page.locator('paperlens-card');
  // 1,000 px right of the title, still inside its full-width paragraph: nothing opens.
  expect(row.width).toBeGreaterThan(text.width + 1000);
  await page.mouse.move(text.right + 1000, text.top + text.height / 2);
  await page.waitForTimeout(800);
  await expect(card).toHaveCount(0);
  // Over the title's words: the card opens.
  await page.mouse.move(text.left + 20, text.top + text.height / 2);
  await expect(card).toBeVisible();
});

/** The few extension APIs the tests call from an extension page. */
interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
}

test('tells the popup which papers the page shows, and stays off on a site switched off', async ({
  context,
  server,
  openExtensionPage,
}) => {
  server.page('http://arxiv.org/search/', searchPage([bytes.title, 'Not In The Catalog', scaling.title, bytes.title]));
  const page = await context.newPage();
  await page.goto('http://arxiv.org/search/?query=x');
  await expect(page.locator('[data-paperlens-id]')).toHaveCount(3);

  const ext = await openExtensionPage('popup.html');
  // The wire format of @webext-core/messaging, as the popup's sendMessage(…, tabId) sends it.
  const send = (type: string, data?: unknown) =>
    ext.evaluate(
      async ([type, data]) => {
        const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        return c.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      },
      [type, data] as const,
    );
  const recognized = await ext.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const answers: unknown[] = [];
    for (const tab of await c.tabs.query({})) {
      try {
        answers.push(await c.tabs.sendMessage(tab.id!, { id: 2, type: 'recognizedPapers', timestamp: Date.now() }));
      } catch {
        // Tabs without the content script (the extension page itself).
      }
    }
    return answers;
  });
  expect(recognized).toEqual([{ res: [bytes.id, scaling.id] }]);

  expect(await send('setSiteEnabled', { siteId: 'arxiv', enabled: false })).toEqual({ res: { disabled: ['arxiv'], custom: [] } });
  await page.reload();
  await page.waitForTimeout(1500);
  await expect(page.locator('[data-paperlens-id]')).toHaveCount(0);
  await send('setSiteEnabled', { siteId: 'arxiv', enabled: true });
  await page.reload();
  await expect(page.locator('[data-paperlens-id]')).toHaveCount(3);
});
