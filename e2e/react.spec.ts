import { build } from 'esbuild';
import { expect, test } from './fixtures';
import { markedTexts } from './in-page';
import { catalogPaper } from './pages';

const swin = catalogPaper('Swin Transformer: Hierarchical');
const mamba = catalogPaper('Mamba: Linear-Time');

/**
 * A React app in X's markup (React and react-dom from node_modules, bundled for the browser):
 * a post whose one text node holds a catalog title and a like count. "Like" re-renders that
 * text node in place (React sets its value); "Next" swaps the title for another paper.
 */
const APP = `
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
const titles = ${JSON.stringify([swin.title, mamba.title])};
function Post() {
  const [likes, setLikes] = useState(0);
  const [which, setWhich] = useState(0);
  return h('article', { 'data-testid': 'tweet' },
    h('div', { 'data-testid': 'tweetText', lang: 'en' }, 'New paper: ' + titles[which] + ' (liked ' + likes + ' times)'),
    h('button', { id: 'like', onClick: () => setLikes((n) => n + 1) }, 'Like'),
    h('button', { id: 'next', onClick: () => setWhich((n) => 1 - n) }, 'Next'));
}
function App() {
  const [posts, setPosts] = useState([0]);
  return h('main', null,
    h('button', { id: 'more', onClick: () => setPosts((p) => [...p, p.length]) }, 'More'),
    posts.map((p) => h(Post, { key: p })));
}
createRoot(document.getElementById('root')).render(h(App));
`;

test('marks text a React app renders on X without touching its nodes, and the app keeps updating it', async ({ context, server }) => {
  const bundle = await build({
    stdin: { contents: APP, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  server.page('http://x.com/app.js', bundle.outputFiles[0]!.text, 'text/javascript');
  server.page('http://x.com/home', '<!doctype html><html><body><div id="root"></div><script src="/app.js"></script></body></html>');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('http://x.com/home');
  const post = page.locator('[data-testid="tweetText"]').first();
  await expect(post).toHaveText(`New paper: ${swin.title} (liked 0 times)`);
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([swin.title]);
  // A highlight, not a wrapper: React's text node is still the post's only child.
  expect(await post.evaluate((div) => [div.childNodes.length, div.firstChild!.nodeType])).toEqual([1, 3]);
  await expect(page.locator('paperlens-marks > paperlens-badge')).toHaveCount(1);

  // React re-renders the marked text node: its new text shows, and it is marked again.
  await page.click('#like');
  await page.click('#like');
  await expect(post).toHaveText(`New paper: ${swin.title} (liked 2 times)`);
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([swin.title]);
  // A new title in the same node: the old mark goes, the new paper is marked.
  await page.click('#next');
  await expect(post).toHaveText(`New paper: ${mamba.title} (liked 2 times)`);
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([mamba.title]);
  await page.click('#like');
  await expect(post).toHaveText(`New paper: ${mamba.title} (liked 3 times)`);
  // Posts added later (an infinite timeline) are marked too; badges match marks.
  await page.click('#more');
  await expect.poll(() => page.evaluate(markedTexts)).toEqual([mamba.title, swin.title]);
  await expect(page.locator('paperlens-marks > paperlens-badge')).toHaveCount(2);
  expect(await post.evaluate((div) => div.childNodes.length)).toBe(1);
  expect(errors).toEqual([]);
});
