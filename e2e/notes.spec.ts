import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, hasSharedPages, SHARED_PAGES, test } from './fixtures';

/** A paper that is not in the catalog: the saved arXiv page in the shared fixtures. */
const TITLE = 'Learning Knowledge Graph-based World Models of Textual Environments';
const ABS_URL = 'http://arxiv.org/abs/2106.09608';

/** The real saved page when present, else a page with the same meta tags and abstract block. */
function absPage(): string {
  if (hasSharedPages) return readFileSync(resolve(SHARED_PAGES, 'arxiv-abs-2021.html'), 'utf8');
  return `<!doctype html><html><head>
<meta name="citation_title" content="${TITLE}"/>
<meta name="citation_author" content="Ammanabrolu, Prithviraj"/>
<meta name="citation_author" content="Riedl, Mark O."/>
<meta name="citation_date" content="2021/06/17"/>
<meta name="citation_arxiv_id" content="2106.09608"/>
</head><body><div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>${TITLE}</h1>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span> World models improve a learning agent's
ability to efficiently operate in interactive and situated environments. This work focuses on the task of building
world models of text-based game environments.</blockquote></div></body></html>`;
}

/** An arXiv listing in the 2023 markup that lists the saved paper between two unknown ones. */
const LISTING = `<!doctype html><html><body><div id="dlpage"><dl>
<dt><a href="/abs/2401.00001">arXiv:2401.00001</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span>
  A Paper Nobody Has Heard Of About Pancakes
</div></div></dd>
<dt><a href="/abs/2106.09608">arXiv:2106.09608</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span>
  ${TITLE}
</div></div></dd>
</dl></div></body></html>`;

async function saveFromAbsPage(page: Page): Promise<void> {
  await page.goto(ABS_URL);
  const button = page.locator('paperlens-save');
  await expect(button).toHaveAttribute('data-state', 'ready');
  await button.click();
  await expect(button).toHaveAttribute('data-state', 'saved');
}

test('save a non-catalog arXiv paper, annotate it, see it recognized on a listing', async ({ context, server, openExtensionPage }) => {
  server.page(ABS_URL, absPage());
  server.page('http://arxiv.org/list/cs.LG/new', LISTING);

  const page = await context.newPage();
  await saveFromAbsPage(page);

  const options = await openExtensionPage('options.html');
  const entry = options.getByTestId('library-entry').filter({ hasText: TITLE });
  await expect(entry).toContainText('saved by you');
  await entry.getByRole('button', { name: TITLE }).click();
  const editor = entry.getByLabel('Your note');
  await editor.fill('World models as **knowledge graphs**.');
  await editor.blur();
  await expect(entry.getByRole('status')).toHaveText('Saved');
  await expect(options.getByTestId('data-counts')).toContainText('1 notes · 1 saved papers');

  // Reloading the abstract page: the paper is known now, so no button.
  await page.reload();
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(page.locator('paperlens-save')).toHaveCount(0);

  await page.goto('http://arxiv.org/list/cs.LG/new');
  const id = await entry.getAttribute('data-paper-id');
  await expect(page.locator(`[data-paperlens-id="${id}"]`)).toHaveCount(1);
  await expect(page.locator('[data-paperlens-id]')).toHaveCount(1);
});

test('no save button for a catalog paper; page scripts cannot reach into the button', async ({ context, server }) => {
  server.page(ABS_URL, absPage());
  const page = await context.newPage();
  await page.goto(ABS_URL);
  const host = page.locator('paperlens-save');
  await expect(host).toHaveAttribute('data-state', 'ready');
  expect(await host.evaluate((el) => el.shadowRoot)).toBeNull();

  const catalogTitle = 'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs';
  server.page('http://arxiv.org/abs/2210.03052', `<html><head><meta name="citation_title" content="${catalogTitle}"></head><body><h1 class="title">${catalogTitle}</h1></body></html>`);
  await page.goto('http://arxiv.org/abs/2210.03052');
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(page.locator('paperlens-save')).toHaveCount(0);
});
