import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { generic } from './generic';
import { github } from './github';
import { hackernews } from './hackernews';
import { collectScan, outermost, scanBlocks, scanMemory, splitAtChars, type ScanBlock } from './scan';
import { paper, scanPage } from './testing';
import { x } from './x';

const autoformer = paper('Autoformer');
const bytes = paper('Bytes Are All You Need');
const scaling = paper('Scaling Vision Transformers');

describe('running-text scan', () => {
  it('marks link text and quoted mentions, wrapping just the mention in a span', () => {
    const { document, marks, ids } = scanPage(
      `<html><body><article class="markdown-body">
        <ul><li><a href="https://arxiv.org/abs/2106.13008">${autoformer.title}</a> - NeurIPS 2021</li></ul>
        <p>We keep scaling vision transformers in our lab, and we liked “${scaling.title}” a lot.</p>
      </article></body></html>`,
      github,
    );
    expect(ids).toEqual([autoformer.id, scaling.id]);
    expect(marks[0]!.tagName).toBe('A');
    expect(marks[1]!.tagName).toBe('SPAN');
    expect(marks[1]!.textContent).toBe(scaling.title);
    // The surrounding prose is intact, in order.
    expect(document.querySelector('p')!.textContent).toBe(
      `We keep scaling vision transformers in our lab, and we liked “${scaling.title}” a lot.`,
    );
  });

  it('does not mark titles that only sit in attributes, scripts, <title>, hidden JSON or code', () => {
    const { ids } = scanPage(
      `<html><head><title>${bytes.title}</title></head><body data-props='{"title":"${bytes.title}"}'>
        <script>var t = "${bytes.title}";</script>
        <script type="application/json">{"title": "${bytes.title}"}</script>
        <img alt="${bytes.title}"><pre>"${bytes.title}"</pre>
        <p title="${bytes.title}">Nothing to see.</p>
      </body></html>`,
      generic,
    );
    expect(ids).toEqual([]);
  });

  it('marks a mention spanning highlight elements on the element holding exactly it', () => {
    const { marks, ids } = scanPage(
      `<html><body><p>Read "<em>${bytes.title.replace('All', '<b>All</b>')}</em>" today.</p></body></html>`,
      generic,
    );
    expect(ids).toEqual([bytes.id]);
    expect(marks[0]!.tagName).toBe('EM');
  });

  it('does not mark the same mention twice when the page is scanned again', () => {
    const html = `<html><body><p>We liked “${scaling.title}”.</p></body></html>`;
    const first = scanPage(html, generic);
    const again = scanPage(first.document.documentElement.outerHTML, generic);
    expect(again.ids).toEqual([scaling.id]);
    expect(again.scan.blocks.some((b) => b.text.includes('Scaling'))).toBe(false);
  });
});

describe('rescans', () => {
  it('send only elements whose text changed since the last scan', () => {
    const { document } = parseHTML(
      `<span class="titleline"><a href="1">First story</a></span><div class="commtext">A comment.</div>`,
    );
    const doc = document as unknown as Document;
    const sent = scanMemory();
    expect(collectScan(doc, hackernews, sent).blocks.map((b) => b.text)).toEqual(['First story', 'A comment.']);
    expect(collectScan(doc, hackernews, sent).blocks).toEqual([]);
    doc.querySelector('.commtext')!.textContent = 'An edited comment.';
    expect(collectScan(doc, hackernews, sent).blocks.map((b) => b.text)).toEqual(['An edited comment.']);
  });
});

describe('rescans read only what changed', () => {
  const read = (doc: Document, changed: Element[], sent: ReturnType<typeof scanMemory>) =>
    [...iterate(scanBlocks({ changed }, x, sent))].map((b) => b.text);
  function* iterate<T>(g: Generator<T | null, boolean>): Generator<T> {
    for (let s = g.next(); !s.done; s = g.next()) if (s.value) yield s.value;
  }
  const tweet = (text: string) => `<article data-testid="tweet"><div data-testid="tweetText"><span>${text}</span></div></article>`;

  it('a post added to a timeline: that post only, not the thousands before it', () => {
    const { document } = parseHTML(`<main id="timeline">${Array.from({ length: 50 }, (_, i) => tweet(`Post ${i}`)).join('')}</main>`);
    const doc = document as unknown as Document;
    const sent = scanMemory();
    expect(collectScan(doc, x, sent).blocks).toHaveLength(50);
    const cell = doc.createElement('div');
    cell.innerHTML = tweet(`New paper: ${bytes.title}`);
    doc.getElementById('timeline')!.appendChild(cell);
    expect(read(doc, [cell], sent)).toEqual([`New paper: ${bytes.title}`]);
  });

  it('text edited inside a post read before: the block it sits in', () => {
    const { document } = parseHTML(`<main>${tweet('First post')}${tweet('Second post')}</main>`);
    const doc = document as unknown as Document;
    const sent = scanMemory();
    collectScan(doc, x, sent);
    const span = doc.querySelectorAll('[data-testid="tweetText"] span')[1]!;
    span.textContent = `Second post: ${bytes.title}`;
    expect(read(doc, [span], sent)).toEqual([`Second post: ${bytes.title}`]);
    // Nothing changed there since: nothing is read.
    expect(read(doc, [span], sent)).toEqual([]);
  });

  it('a title element re-rendered inside (MathJax): the title element, read again', () => {
    const { document } = parseHTML(`<span class="titleline"><a href="1">First story</a></span><div class="commtext">A comment.</div>`);
    const doc = document as unknown as Document;
    const sent = scanMemory();
    collectScan(doc, hackernews, sent);
    const a = doc.querySelector('.titleline > a')!;
    a.innerHTML = `<span class="mjx">${autoformer.title}</span>`;
    const blocks = [...iterate(scanBlocks({ changed: [a.firstElementChild!] }, hackernews, sent))];
    expect(blocks.map((b) => [b.kind, b.element, b.text])).toEqual([['title', a, autoformer.title]]);
  });

  it('keeps only the outermost of nested change roots, and those still in the page', () => {
    const { document } = parseHTML('<div id="a"><p id="b"><span id="c">x</span></p></div><div id="d"></div>');
    const doc = document as unknown as Document;
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => doc.getElementById(id)!);
    d!.remove();
    expect(outermost([c!, b!, a!, d!])).toEqual([a]);
  });
});

describe('splitAtChars', () => {
  const blocks = ['a'.repeat(5), 'b'.repeat(5), 'c'.repeat(5), 'd'.repeat(5)].map((text) => ({ text }) as ScanBlock);
  it('splits where the text first reaches the count, keeping every block once and in order', () => {
    const [head, rest] = splitAtChars(blocks, 8);
    expect(head.map((b) => b.text[0])).toEqual(['a', 'b']);
    expect(rest.map((b) => b.text[0])).toEqual(['c', 'd']);
    expect(splitAtChars(blocks, 10)[0]).toHaveLength(2);
    expect(splitAtChars(blocks, 100)).toEqual([blocks, []]);
  });
  it('gives the head at least one block, and nothing of nothing', () => {
    expect(splitAtChars(blocks, 0)[0]).toEqual([blocks[0]]);
    expect(splitAtChars([], 8)).toEqual([[], []]);
  });
});
