import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';

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

/** Sends one background message from an extension page, in @webext-core/messaging's wire format. */
async function send(page: Page, type: string, data?: unknown): Promise<unknown> {
  const reply = await page.evaluate(
    ([type, data]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: unknown }> } } }).chrome.runtime.sendMessage(
        { id: 1, type, data, timestamp: Date.now() },
      ),
    [type, data] as const,
  );
  if (reply.err) throw new Error(`${type} failed: ${JSON.stringify(reply.err)}`);
  return reply.res;
}

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
