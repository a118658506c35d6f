import { everythingAPageScriptCanRead } from '../e2e/in-page';
import { arxivAbsPage, arxivListing, catalogPaper } from '../e2e/pages';
import { cardFrame, clickInCard, hoverText, cardVisibility, expect, NOTE_BOX, openPage, test, textOf, valueOf } from './fixtures';

const autoformer = catalogPaper('Autoformer');
const [code] = autoformer.links.filter((l) => l.kind === 'code');

test('a catalog title on an arXiv listing is marked, and its card opens on hover with TL;DR and code link', async ({
  firefox,
  server,
}) => {
  server.page('http://arxiv.org/list/cs.LG/new', arxivListing(['A Paper Nobody Has Heard Of About Pancakes', autoformer.title]));
  const page = await openPage(firefox, 'http://arxiv.org/list/cs.LG/new');
  const mark = `div.list-title[data-paperlens-id="${autoformer.id}"]`;
  // The mark and its badge (an overlay with highlights, inside the title without).
  await page.waitForSelector(mark);
  await page.waitForSelector('paperlens-badge');
  expect(await page.$$eval('[data-paperlens-id]', (els) => els.length)).toBe(1);

  await hoverText(page, mark);
  const card = await cardFrame(page);
  await expect.poll(() => textOf(card, 'h1')).toBe(autoformer.title);
  expect(await textOf(card, '[data-testid=card-tldr]')).toBe(autoformer.tldr);
  expect(await card.$eval('[data-testid=card-code-link]', (a) => [a.getAttribute('href'), a.getAttribute('target')])).toEqual([
    code!.url,
    '_blank',
  ]);
  expect(await cardVisibility(page)).toBe('visible');
});

test('Escape in the card closes it and gives the keyboard back to the page; page scripts cannot read the note', async ({
  firefox,
  server,
}) => {
  server.page('http://arxiv.org/abs/2106.13008', arxivAbsPage(autoformer));
  const page = await openPage(firefox, 'http://arxiv.org/abs/2106.13008');
  await hoverText(page, `h1.title[data-paperlens-id="${autoformer.id}"]`);
  const card = await cardFrame(page);
  await clickInCard(page, card, NOTE_BOX);
  await page.keyboard.type('my private thoughts');
  await expect.poll(() => textOf(card, '.pl-note__state[role=status]')).toBe('Saved');
  expect(await page.evaluate(everythingAPageScriptCanRead)).not.toContain('private thoughts');

  // Escape inside the card reaches the page's content script as the frame's message.
  await page.keyboard.press('Escape');
  await expect.poll(() => cardVisibility(page)).toBe('hidden');
  // Keys typed afterwards are the page's: none lands in the hidden note (Firefox and Chromium
  // both keep focus in a frame hidden with `visibility: hidden`).
  await page.keyboard.type(' and then some');
  await new Promise((r) => setTimeout(r, 1000));
  expect(await valueOf(card, NOTE_BOX)).toBe('my private thoughts');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});
