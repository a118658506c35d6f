import { describe, expect, it } from 'vitest';
import { buildPageIndex, matchPage } from '../library/page-index';
import { decodeIndexFile, encodeIndexFile } from './page-index-file';

const papers = [
  { id: 'attn', title: 'Attention Is All You Need', arxivId: '1706.03762' },
  { id: 'naive', title: 'Naïve Bayes Meets Self-Attention: A Study' },
  { id: 'greek', title: 'Δ-Networks: Learning with Differences' },
];

describe('the match index file', () => {
  it('reads back the index it was written with, as views on one buffer', () => {
    const index = buildPageIndex(papers);
    const bytes = encodeIndexFile({ revision: 7, token: 'tok', index });
    const back = decodeIndexFile(bytes.slice().buffer);
    expect(back).toMatchObject({ revision: 7, token: 'tok' });
    expect(back!.index).toEqual(index);
    expect(back!.index.titles.keys.bytes.buffer).toBe(back!.index.idKeys.ends.buffer);
    const candidates = [
      { kind: 'link' as const, text: 'https://arxiv.org/pdf/1706.03762v2' },
      { kind: 'title' as const, text: 'Naive Bayes Meets Self-Attention: A Study' },
      { kind: 'text' as const, text: 'We read “Δ-Networks: Learning with Differences” today.' },
    ];
    expect(matchPage(back!.index, candidates).map((m) => m.id)).toEqual(['attn', 'naive', 'greek']);
  });

  it('refuses bytes that are not a whole file of this format', () => {
    const bytes = encodeIndexFile({ revision: 1, token: 't', index: buildPageIndex(papers) });
    expect(decodeIndexFile(bytes.slice(0, bytes.length - 8).buffer)).toBeNull();
    expect(decodeIndexFile(new Uint8Array(64).buffer)).toBeNull();
    expect(decodeIndexFile(new ArrayBuffer(0))).toBeNull();
    const otherFormat = bytes.slice();
    otherFormat.set(new TextEncoder().encode('{"format":9'), 8);
    expect(decodeIndexFile(otherFormat.buffer)).toBeNull();
  });

  it('keeps an empty index', () => {
    const index = buildPageIndex([]);
    expect(decodeIndexFile(encodeIndexFile({ revision: 0, token: 'x', index }).slice().buffer)!.index).toEqual(index);
  });
});
