import { build } from 'esbuild';
import { expect, test } from './fixtures';
import { markedTexts } from './in-page';
import { catalogPaper } from './pages';

const scaling = catalogPaper('Scaling Vision Transformers');
const autoformer = catalogPaper('Autoformer');

/**
 * lib/sites/mark.ts on its own in Chromium, in both modes: the page bundle scans a GitHub-style
 * README with the real catalog's two papers and marks it with highlights, or (`?wrap`) as
 * browsers without the Highlight API get it. `window.marks` is the PageMarks instance.
 */
const ENTRY = `
import { buildPageIndex, matchPage } from './lib/library/page-index';
import { github } from './lib/sites/github';
import { PageMarks, browserHighlights } from './lib/sites/mark';
import { collectScan, toCandidates } from './lib/sites/scan';
const papers = ${JSON.stringify([scaling, autoformer].map(({ id, title }) => ({ id, title })))};
const marks = new PageMarks(document, location.search.includes('wrap') ? null : browserHighlights(window));
const scan = collectScan(document, github);
marks.add(scan, matchPage(buildPageIndex(papers), toCandidates(scan)));
window.marks = marks;
`;

const PAGE = `<!doctype html><html><body style="margin: 20px; width: 900px; font: 16px/1.5 sans-serif">
<article class="markdown-body">
  <ul><li id="item"><a href="https://example.org/paper">${autoformer.title}</a> - NeurIPS 2021</li></ul>
  <p id="prose">We keep scaling vision transformers in our lab, and we liked “${scaling.title}” a lot.</p>
</article><script src="/mark.js"></script></body></html>`;

test.beforeEach(async ({ server }) => {
  const bundle = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'iife' });
  server.page('http://example.com/mark.js', bundle.outputFiles[0]!.text, 'text/javascript');
  server.page('http://example.com/readme', PAGE);
});

test('highlight mode: marks without changing the page, states paint each mark, hover targets are the text and badge', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('http://example.com/readme');
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([autoformer.title, scaling.title]);
  expect(await page.evaluate(() => (window as unknown as { marks: { mode: string } }).marks.mode)).toBe('highlight');
  // The paragraph is untouched; the link carries the paper's id; badges are PaperLens's own nodes.
  expect(await page.locator('#prose').evaluate((p) => p.childNodes.length)).toBe(1);
  await expect(page.locator(`a[data-paperlens-id="${autoformer.id}"]`)).toHaveCount(1);
  await expect(page.locator('paperlens-marks > paperlens-badge')).toHaveCount(2);

  // The state hook: a paper with a note and a star is painted by the "starred" highlight.
  await page.evaluate((id) => (window as unknown as { marks: { setStates(id: string, s: string[]): void } }).marks.setStates(id, ['note', 'starred']), scaling.id);
  const names = await page.evaluate(() =>
    [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights].map(([name, set]) => [name, [...set].map((r) => r.toString())]),
  );
  expect(names).toContainEqual(['paperlens-starred', [scaling.title]]);
  expect(names).toContainEqual(['paperlens', [autoformer.title]]);
  await expect(page.locator(`paperlens-badge[data-paperlens-state="starred note"]`)).toHaveCount(1);
  await page.evaluate((id) => (window as unknown as { marks: { setStates(id: string, s: string[]): void } }).marks.setStates(id, ['library']), autoformer.id);
  await expect(page.locator(`a[data-paperlens-id="${autoformer.id}"][data-paperlens-state="library"]`)).toHaveCount(1);

  // Hit-testing: the mention's words and its badge are the mark, the blank line end is not.
  const hits = await page.evaluate(() => {
    const marks = (window as unknown as { marks: { at(x: number, y: number, t: EventTarget | null): { id: string } | null; all(): { range: Range; badge: Element }[] } }).marks;
    const mention = marks.all()[1]!;
    const rect = mention.range.getClientRects()[0]!;
    const li = document.getElementById('item')!.getBoundingClientRect();
    const badge = mention.badge.getBoundingClientRect();
    const at = (x: number, y: number) => marks.at(x, y, document.elementFromPoint(x, y))?.id ?? null;
    return {
      words: at(rect.left + 5, rect.top + rect.height / 2),
      badge: at(badge.left + badge.width / 2, badge.top + badge.height / 2),
      blankRow: at(li.right - 5, li.top + li.height / 2),
    };
  });
  expect(hits).toEqual({ words: scaling.id, badge: scaling.id, blankRow: null });
});

test('wrap mode (no Highlight API): mentions wrapped, badges inline and taking no room, states as attributes', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('http://example.com/readme?wrap');
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([scaling.title]);
  const wrapped = page.locator(`span[data-paperlens-id="${scaling.id}"]`);
  await expect(wrapped).toHaveText(scaling.title);
  await expect(page.locator('#prose')).toHaveText(`We keep scaling vision transformers in our lab, and we liked “${scaling.title}” a lot.`);
  await expect(page.locator('paperlens-badge')).toHaveCount(2);
  await expect(wrapped.locator('paperlens-badge')).toHaveCount(1);
  // The badge takes no room: the text after the mention does not move when it is removed.
  const shift = await wrapped.evaluate((span) => {
    const after = span.nextSibling!;
    const x = () => {
      const range = document.createRange();
      range.selectNodeContents(after);
      return range.getBoundingClientRect().left;
    };
    const before = x();
    span.querySelector('paperlens-badge')!.remove();
    return x() - before;
  });
  expect(shift).toBe(0);
  await page.evaluate((id) => (window as unknown as { marks: { setStates(id: string, s: string[]): void } }).marks.setStates(id, ['read']), scaling.id);
  await expect(page.locator(`span[data-paperlens-id="${scaling.id}"][data-paperlens-state="read"]`)).toHaveCount(1);
});
