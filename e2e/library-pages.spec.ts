import type { Frame, Page } from '@playwright/test';
import { expect, send, test } from './fixtures';
import { NON_CATALOG, catalogPaper, nonCatalogAbsPage } from './pages';

// Issue 11 in the page: a library paper recognized by title and by id in links, the save
// controls of arXiv listings, the reading history.

/** A paper the bundled catalog does not have, as the user's library holds it. */
const ATTENTION = {
  title: 'Attention Is All You Need',
  url: 'https://arxiv.org/abs/1706.03762',
  abstract:
    'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. ' +
    'We propose a new simple network architecture, the Transformer, based solely on attention mechanisms.',
  arxivId: '1706.03762',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
};

interface Entry {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
}

/** A `/list/<category>/new` page in arxiv.org's markup (arXiv browse's list_macros.html). */
function listing(entries: Entry[]): string {
  const items = entries.map(
    (e, i) => `<dt>
  <a name="item${i + 1}">[${i + 1}]</a>
  <a href ="/abs/${e.id}" title="Abstract" id="${e.id}">arXiv:${e.id}</a>
  [<a href="/pdf/${e.id}" title="Download PDF" id="pdf-${e.id}">pdf</a>, <a href="/format/${e.id}" title="Other formats" id="oth-${e.id}">other</a>]
</dt>
<dd><div class="meta">
  <div class="list-title mathjax"><span class="descriptor">Title:</span>
    ${e.title}
  </div>
  <div class="list-authors">${e.authors.map((a) => `<a href="https://arxiv.org/a/${a.split(' ').pop()!.toLowerCase()}_1">${a}</a>`).join(', ')}</div>
  <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div>
  <p class="mathjax">${e.abstract}</p>
</div></dd>`,
  );
  return `<!doctype html><html><head><title>Machine Learning  authors/titles "new"</title>
<style>body { font: 14px/1.4 "Lucida Grande", Helvetica, Arial, sans-serif; margin: 0 2em; } dt { margin-top: 1em; }
dd { margin-left: 3em; } .list-title { font-size: 1.2em; font-weight: bold; }</style></head>
<body><div id="dlpage"><h1>Machine Learning</h1><h3>New submissions</h3><dl id="articles">
${items.join('\n')}
</dl></div></body></html>`;
}

const ENTRIES: Entry[] = [
  { id: '2401.00001', title: 'Sparse Mixtures of Experts for Streaming Data', authors: ['Jane Doe', 'Richard Roe'], abstract: 'We route streams.' },
  { id: '1706.03762', title: ATTENTION.title, authors: ATTENTION.authors, abstract: ATTENTION.abstract },
  { id: '2401.00003', title: 'Calibrated Uncertainty for Tiny Language Models', authors: ['Ada Lovelace'], abstract: 'Small models know less.' },
];

/** A Hacker News front page in news.ycombinator.com's markup, with these stories. */
function hackerNews(stories: { href: string; title: string; site: string }[]): string {
  const rows = stories.map(
    (s, i) => `<tr class="athing submission" id="${40_000 + i}">
  <td align="right" valign="top" class="title"><span class="rank">${i + 1}.</span></td>
  <td valign="top" class="votelinks"><center><a id="up_${i}" href="vote?id=${i}&amp;how=up"><div class="votearrow" title="upvote"></div></a></center></td>
  <td class="title"><span class="titleline"><a href="${s.href}">${s.title}</a><span class="sitebit comhead"> (<a href="from?site=${s.site}"><span class="sitestr">${s.site}</span></a>)</span></span></td>
</tr>
<tr><td colspan="2"></td><td class="subtext"><span class="subline"><span class="score">412 points</span> by <a href="user?id=pg" class="hnuser">pg</a> | <a href="item?id=${i}">93&nbsp;comments</a></span></td></tr>
<tr class="spacer" style="height:5px"></tr>`,
  );
  return `<!doctype html><html lang="en"><head><title>Hacker News</title></head><body><center><table id="hnmain">
<tr><td><table border="0" class="itemlist">${rows.join('\n')}</table></td></tr></table></center></body></html>`;
}

/** The smallest PDF Chromium's viewer opens: one empty page. */
const ONE_PAGE_PDF = `%PDF-1.1
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj
trailer<</Root 1 0 R>>
%%EOF`;


async function cardFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/card.html'))).toBe(true);
  return page.frames().find((f) => f.url().includes('/card.html'))!;
}

test('a library paper is marked on an arXiv listing by its title and on Hacker News by a link to its v2 PDF; its card reads it', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const { id } = (await send(ext, 'savePaper', ATTENTION)) as { id: string };

  server.page('http://arxiv.org/list/cs.LG/new', listing(ENTRIES));
  const list = await context.newPage();
  await list.goto('http://arxiv.org/list/cs.LG/new');
  await expect(list.locator(`div.list-title[data-paperlens-id="${id}"]`)).toHaveCount(1);
  await expect(list.locator('[data-paperlens-id]')).toHaveCount(1);

  server.page(
    'http://news.ycombinator.com/news',
    hackerNews([
      // Nothing in the story's title names the paper: only its address does.
      { href: 'https://arxiv.org/pdf/1706.03762v2', title: 'The paper that started the transformer era (2017) [pdf]', site: 'arxiv.org' },
      { href: 'https://arxiv.org/abs/2401.00001', title: 'Sparse mixtures of experts for streams', site: 'arxiv.org' },
      { href: 'https://example.com/post', title: 'Show HN: My weekend project', site: 'example.com' },
    ]),
  );
  const hn = await context.newPage();
  await hn.goto('http://news.ycombinator.com/news');
  const mark = hn.locator(`.titleline > a[data-paperlens-id="${id}"]`);
  await expect(mark).toHaveAttribute('href', 'https://arxiv.org/pdf/1706.03762v2');
  await expect(hn.locator('[data-paperlens-id]')).toHaveCount(1);
  await mark.hover();
  const card = await cardFrame(hn);
  await expect(card.getByRole('heading', { name: ATTENTION.title })).toBeVisible();
});

test('listing save controls: one per entry, reachable by keyboard, moving nothing; a saved entry is marked as in the library', async ({
  context,
  server,
  openExtensionPage,
}) => {
  server.page('http://arxiv.org/list/cs.LG/new', listing(ENTRIES));
  const page = await context.newPage();
  await page.goto('http://arxiv.org/list/cs.LG/new');
  const controls = page.locator('dt paperlens-save');
  await expect(controls).toHaveCount(3);
  await expect(controls.first()).toHaveAttribute('data-state', 'ready');

  // The controls take no room: taking them all out moves no entry.
  const layout = () =>
    page.evaluate(() => [...document.querySelectorAll('dt, dd')].map((e) => JSON.stringify(e.getBoundingClientRect())));
  const withControls = await layout();
  const held = await page.evaluate(() => {
    const hosts = [...document.querySelectorAll('paperlens-save')];
    const places = hosts.map((h) => [h.parentNode!, h.nextSibling] as const);
    hosts.forEach((h) => h.remove());
    (window as unknown as { putBack: () => void }).putBack = () => hosts.forEach((h, i) => places[i]![0].insertBefore(h, places[i]![1]));
    return hosts.length;
  });
  expect(held).toBe(3);
  expect(await layout()).toEqual(withControls);
  await page.evaluate(() => (window as unknown as { putBack: () => void }).putBack());

  // From the keyboard: Tab from the entry's last link reaches its control; Enter saves.
  await page.locator('#oth-2401\\.00003').focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PAPERLENS-SAVE');
  await page.keyboard.press('Enter');
  const third = controls.nth(2);
  await expect(third).toHaveAttribute('data-state', 'saved');
  const title = page.locator('div.list-title').nth(2);
  await expect(title).toHaveAttribute('data-paperlens-id', /.+/);
  const id = await title.getAttribute('data-paperlens-id');

  // Saved from the listing's own metadata.
  const ext = await openExtensionPage('popup.html');
  const saved = (await send(ext, 'getPaper', id)) as { paper: Record<string, unknown> };
  expect(saved.paper).toMatchObject({
    title: ENTRIES[2]!.title,
    arxivId: '2401.00003',
    authors: ['Ada Lovelace'],
    abstract: 'Small models know less.',
    url: 'https://arxiv.org/abs/2401.00003',
    source: 'user',
  });

  // Reloaded, the saved entry is recognized.
  await page.reload();
  await expect(page.locator(`div.list-title[data-paperlens-id="${id}"]`)).toHaveCount(1);
});

test('a long listing: save controls and badges are placed near the reader, and the keyboard and a jump down the page still find every one', async ({
  context,
  server,
}) => {
  // 300 entries (about 40,000 px): catalog papers in the middle and at the very end, none near the top.
  const middle = catalogPaper('Autoformer');
  const last = catalogPaper('Bytes Are All You Need');
  const entries: Entry[] = Array.from({ length: 300 }, (_, i) => ({
    id: `2402.${String(i + 1).padStart(5, '0')}`,
    title: i === 150 ? middle.title : i === 299 ? last.title : `Entry ${i + 1} on Sparse Routing for Streaming Graphs`,
    authors: ['Jane Doe', `Author ${i + 1}`],
    abstract: 'We route streams. '.repeat(8),
  }));
  const idOf = (i: number) => entries[i]!.id.replace('.', '\\.');
  server.page('http://arxiv.org/list/cs.LG/new', listing(entries));
  const page = await context.newPage();
  await page.goto('http://arxiv.org/list/cs.LG/new');
  await expect(page.locator('div.list-title[data-paperlens-id]')).toHaveCount(2);
  // Controls for the entries near the top only: not 300 mounted at once.
  await expect.poll(() => page.locator('dt paperlens-save').count()).toBeGreaterThan(3);
  expect(await page.locator('dt paperlens-save').count()).toBeLessThan(100);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const inEntry = (i: number) => page.locator(`dt:has([id="${entries[i]!.id}"]) paperlens-save`);
  /** Where a title's badge is against the end of its title's last line; null while not shown. */
  const badgeAtTitle = (i: number) =>
    page.evaluate(
      ({ title }) => {
        const badge = [...document.querySelectorAll('paperlens-badge')].find((b) => b.getAttribute('aria-label')!.includes(title.slice(0, 30)))!;
        const el = [...document.querySelectorAll('div.list-title')].find((t) => t.textContent!.includes(title))!;
        const range = document.createRange();
        range.selectNodeContents(el);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const line = rects[rects.length - 1]!;
        const b = badge.getBoundingClientRect();
        if (getComputedStyle(badge).opacity === '0' || b.width === 0) return null;
        return { afterLastWord: Math.abs(b.left - line.right) <= 4, onLastLine: b.top >= line.top - 6 && b.bottom <= line.bottom + 2, inView: b.top >= 0 && b.bottom <= innerHeight };
      },
      { title: entries[i]!.title },
    );
  expect(await badgeAtTitle(150)).toBeNull();

  // Tab from the page's last link reaches the first badge, far up the page: it is placed and shown.
  await page.locator('dd').last().locator('.list-authors a').last().focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain(middle.title.slice(0, 30));
  await expect.poll(() => badgeAtTitle(150)).toEqual({ afterLastWord: true, onLastLine: true, inView: true });
  await page.keyboard.press('Escape');

  // A jump to the end of the page (End, an anchor): the last entry has its badge and its control.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => badgeAtTitle(299)).toEqual({ afterLastWord: true, onLastLine: true, inView: true });
  await expect(inEntry(299)).toHaveCount(1);

  // An entry the reader never came near has no control until the keyboard enters it; Tab from its last link reaches it.
  await expect(inEntry(75)).toHaveCount(0);
  await page.locator(`#oth-${idOf(75)}`).focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('dt')?.querySelector('a[title="Abstract"]')?.id)).toBe(entries[75]!.id);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PAPERLENS-SAVE');
  // Shift+Tab from the next entry's first link goes back through this one's authors to its control.
  await page.locator(`[id="${entries[77]!.id}"]`).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PAPERLENS-SAVE');

  // Nothing placed along the way moved the page.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
});

test('the paper pages the user opens are remembered: Recently read in the popup, newest first', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const { id } = (await send(ext, 'savePaper', ATTENTION)) as { id: string };
  server.page('http://arxiv.org/abs/2106.09608', nonCatalogAbsPage());
  // A real PDF, in Chromium's viewer: only its address names the paper.
  await context.route('http://arxiv.org/pdf/**', (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: ONE_PAGE_PDF }));
  server.page('http://arxiv.org/list/cs.LG/new', listing(ENTRIES));

  const page = await context.newPage();
  await page.goto('http://arxiv.org/abs/2106.09608');
  await expect(page.locator('h1.title')).toBeVisible();
  await page.goto('http://arxiv.org/pdf/1706.03762v2');
  // The PDF's visit is recorded by the content script once it runs there: wait for it before
  // leaving (leaving at once raced it: the next page's load could come first, in a loaded CI run).
  await expect
    .poll(async () => ((await send(ext, 'getPaper', id)) as { state: { visitedAt: number | null } }).state.visitedAt)
    .not.toBeNull();
  // A listing is no paper page: it adds nothing. (The saved paper's entry has no save control.)
  await page.goto('http://arxiv.org/list/cs.LG/new');
  await expect(page.locator('dt paperlens-save')).toHaveCount(2);

  const popup = await openExtensionPage('popup.html');
  const recent = popup.getByRole('list', { name: 'Recently read' }).getByTestId('recent-entry');
  await expect(recent).toHaveCount(2);
  await expect(recent.nth(0)).toContainText(ATTENTION.title);
  await expect(recent.nth(0)).toHaveAttribute('data-paper-id', id);
  await expect(recent.nth(1)).toContainText(NON_CATALOG.title);
});

test('marks and the card show the state at a glance: catalog only, in the library, noted and starred; a note written in the card shows at once', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const catalogOnly = catalogPaper('Autoformer');
  const { id: saved } = (await send(ext, 'savePaper', ATTENTION)) as { id: string };
  const starred = { ...ENTRIES[2]!, url: 'https://arxiv.org/abs/2401.00003', arxivId: '2401.00003' };
  const { id: noted } = (await send(ext, 'savePaper', { title: starred.title, url: starred.url, abstract: starred.abstract, arxivId: starred.arxivId })) as {
    id: string;
  };
  await send(ext, 'saveNote', { paperId: noted, text: 'Check the calibration plots.', starred: true, status: 'read' });

  server.page(
    'http://arxiv.org/list/cs.LG/new',
    listing([
      { id: '2106.13008', title: catalogOnly.title, authors: ['Haixu Wu'], abstract: 'Decomposition.' },
      ENTRIES[1]!,
      ENTRIES[2]!,
    ]),
  );
  const page = await context.newPage();
  await page.goto('http://arxiv.org/list/cs.LG/new');
  const title = (id: string) => page.locator(`div.list-title[data-paperlens-id="${id}"]`);
  await expect(title(noted)).toHaveAttribute('data-paperlens-state', 'starred note library read');
  await expect(title(saved)).toHaveAttribute('data-paperlens-state', 'library');
  await expect(title(catalogOnly.id)).not.toHaveAttribute('data-paperlens-state', /./);
  // Entries in the library get no save control; the catalog-only one does.
  await expect(page.locator('dt paperlens-save')).toHaveCount(1);

  // Three badges, three looks: a hollow ring, a violet dot, a faded gold one.
  const badge = (state: string) => page.locator(`paperlens-badge[data-paperlens-state="${state}"]`);
  const looks = await Promise.all(
    [page.locator('paperlens-badge:not([data-paperlens-state])'), badge('library'), badge('starred note library read')].map((b) =>
      b.evaluate((el) => {
        const css = getComputedStyle(el);
        return `${css.backgroundColor} ${css.borderTopWidth} ${css.borderTopColor} ${css.opacity}`;
      }),
    ),
  );
  expect(new Set(looks).size).toBe(3);
  await page.screenshot({ path: test.info().outputPath('states.png') });

  // The card says it in words; a note written there shows on the marks once the card closes.
  await badge('library').focus();
  let card = await cardFrame(page);
  await expect(card.getByTestId('card-state')).toContainText('In your library');
  await page.keyboard.press('Escape');
  await title(catalogOnly.id).hover();
  card = await cardFrame(page);
  await expect(card.getByRole('heading', { name: catalogOnly.title })).toBeVisible();
  await expect(card.getByTestId('card-state')).toContainText('In the PaperLens catalog');
  await card.getByLabel('Your note').fill('Decomposition blocks, worth a look.');
  await expect(card.getByTestId('card-state')).toContainText('Has a note');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await expect(title(catalogOnly.id)).toHaveAttribute('data-paperlens-state', 'note');
});
