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

  it.skipIf(!hasSharedPages)('leaves the real results unmarked', () => {
    expect(scanPage(sharedPage('scholar-2020.html'), scholar).ids).toEqual([]);
  });

  it.skipIf(!hasSharedPages)('puts no mark on the "not a robot" page', () => {
    const { ids, scan } = scanPage(sharedPage('scholar-captcha-2020.html'), scholar);
    expect(scan.blocks).toEqual([]);
    expect(ids).toEqual([]);
  });
});
