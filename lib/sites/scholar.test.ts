import { describe, expect, it } from 'vitest';
import { scholar } from './scholar';
import { hasSharedPages, paper, scanPage, sharedPage } from './testing';

const autoformer = paper('Autoformer');
const bytes = paper('Bytes Are All You Need');

describe('Google Scholar adapter', () => {
  it.skipIf(!hasSharedPages)('marks planted results through <b> highlights and [PDF] tags, and nothing else', () => {
    const html = sharedPage('scholar-2020.html')
      // A linked result with a [PDF] tag beside it; the planted title is highlighted word by word.
      .replace(
        /(<h3 class="gs_rt"[^>]*><span class="gs_ctc">.*?<a [^>]*>)(.*?)(<\/a>)/,
        (_, open: string, _title: string, close: string) =>
          `${open}${autoformer.title.replace('Decomposition Transformers', '<b>Decomposition</b> <b>Transformers</b>')}${close}`,
      )
      // A citation without a link: the title is in a span.
      .replace(/(<span id="4qAC3XBmStsJ">)(.*?)(<\/span><\/h3>)/, (_, open: string, _t: string, close: string) => `${open}${bytes.title}${close}`);
    const { marks, ids, scan } = scanPage(html, scholar);
    expect(scan.blocks).toHaveLength(10);
    expect(new Set(ids)).toEqual(new Set([autoformer.id, bytes.id]));
    expect(ids).toHaveLength(2);
    expect(marks.every((m) => m.closest('h3.gs_rt'))).toBe(true);
  });

  it.skipIf(!hasSharedPages)('marks a result with no link, its title a plain text node after [CITATION][C] or [BOOK][B]', () => {
    const html = sharedPage('scholar-2020.html')
      // The 2020 citation, in the newer form: no span around the title.
      .replace(/<span id="4qAC3XBmStsJ">.*?<\/span><\/h3>/, `${bytes.title}</h3>`)
      // A linked [PDF] result turned into a [BOOK] without a link.
      .replace(
        /<span class="gs_ctc"><span class="gs_ct1">\[PDF\]<\/span><span class="gs_ct2">\[PDF\]<\/span><\/span> <a [^>]*>.*?<\/a><\/h3>/,
        `<span class="gs_ctc"><span class="gs_ct1">[BOOK]</span><span class="gs_ct2">[B]</span></span> ${autoformer.title}</h3>`,
      );
    const { document, ids, scan } = scanPage(html, scholar);
    expect(new Set(ids)).toEqual(new Set([bytes.id, autoformer.id]));
    // The heading is the candidate; the match covers the title only, not the tags.
    const block = scan.blocks.find((b) => b.text.includes(bytes.title))!;
    expect(block.element.tagName).toBe('H3');
    expect(block.text.startsWith('[CITATION][C] ')).toBe(true);
    // The page still reads the same.
    expect(document.querySelectorAll('h3.gs_rt')).toHaveLength(10);
  });

  it.skipIf(!hasSharedPages)('leaves the real results unmarked', () => {
    expect(scanPage(sharedPage('scholar-2020.html'), scholar).ids).toEqual([]);
  });

  it.skipIf(!hasSharedPages)('puts no mark on the "not a robot" page', () => {
    const { ids, scan } = scanPage(sharedPage('scholar-captcha-2020.html'), scholar);
    expect(scan.blocks).toEqual([]);
    expect(ids).toEqual([]);
  });
});
