import { describe, expect, it } from 'vitest';
import { arxiv } from './arxiv';
import { hasSharedPages, paper, scanPage, sharedPage } from './testing';

const autoformer = paper('Autoformer');
const bytes = paper('Bytes Are All You Need');
const any2point = paper('Any2Point');
const flatformer = paper('FlatFormer');

describe('arXiv adapter', () => {
  it('runs on arXiv pages only', () => {
    expect(arxiv.matches(new URL('http://arxiv.org/abs/2106.09685'))).toBe(true);
    expect(arxiv.matches(new URL('https://www.arxiv.org/list/cs.LG/new'))).toBe(true);
    expect(arxiv.matches(new URL('https://example.org/arxiv.org'))).toBe(false);
  });

  it.skipIf(!hasSharedPages)('marks the planted title of an abstract page, and nothing else', () => {
    const html = sharedPage('arxiv-abs-2021.html').replaceAll(
      'Learning Knowledge Graph-based World Models of Textual Environments',
      autoformer.title,
    );
    const { marks, ids } = scanPage(html, arxiv);
    expect(ids).toEqual([autoformer.id]);
    expect(marks[0]!.matches('h1.title')).toBe(true);
  });

  it.skipIf(!hasSharedPages)('leaves the untouched abstract page unmarked', () => {
    expect(scanPage(sharedPage('arxiv-abs-2021.html'), arxiv).ids).toEqual([]);
  });

  it.skipIf(!hasSharedPages)('marks planted listing entries (wrapped, upper case) and leaves the others alone', () => {
    const html = sharedPage('arxiv-list-2023.html')
      .replace('InfiniCity: Infinite-Scale City Synthesis', bytes.title)
      .replace('HexPlane: A Fast Representation for Dynamic Scenes', any2point.title.replace(' Large ', '\n   Large '))
      .replace('Multiview Compressive Coding for 3D Reconstruction', autoformer.title.toUpperCase());
    const { scan, marks, ids } = scanPage(html, arxiv);
    expect(scan.blocks.filter((b) => b.kind === 'title')).toHaveLength(200);
    // FlatFormer is the one entry of the saved listing that really is in the catalog.
    expect(ids).toEqual([bytes.id, any2point.id, flatformer.id, autoformer.id]);
    expect(marks.every((m) => m.matches('div.list-title'))).toBe(true);
  });

  it('marks titles cited in the reference list of the HTML view', () => {
    const html = `<html><body><article class="ltx_document">
      <h1 class="ltx_title ltx_title_document">A Paper Citing Others</h1>
      <section class="ltx_bibliography"><ul class="ltx_biblist">
        <li class="ltx_bibitem"><span class="ltx_tag">[1]</span>
          <span class="ltx_bibblock">H. Wu, J. Xu, J. Wang, and M. Long.</span>
          <span class="ltx_bibblock">${autoformer.title}.</span>
          <span class="ltx_bibblock">In NeurIPS, 2021.</span></li>
        <li class="ltx_bibitem"><span class="ltx_tag">[2]</span>
          <span class="ltx_bibblock">M. Horton et al., “${bytes.title},” arXiv, 2023.</span></li>
        <li class="ltx_bibitem"><span class="ltx_tag">[3]</span>
          <span class="ltx_bibblock">A. Someone. A paper that is not in the catalog. 2020.</span></li>
      </ul></section></article></body></html>`;
    const { marks, ids } = scanPage(html, arxiv);
    expect(ids).toEqual([autoformer.id, bytes.id]);
    expect(marks[1]!.tagName).toBe('SPAN');
    expect(marks[1]!.textContent).toBe(bytes.title);
  });
});
