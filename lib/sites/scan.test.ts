import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { generic } from './generic';
import { github } from './github';
import { hackernews } from './hackernews';
import { collectScan, scanMemory } from './scan';
import { paper, scanPage } from './testing';

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
