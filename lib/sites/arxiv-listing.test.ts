import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { expectSavePaperInput } from '../messaging/validate';
import { isListingPage, listingEntries, listingTitleAround, listingTitles } from './arxiv-listing';
import { hasSharedPages, sharedPage } from './testing';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

/** Two entries of a `/list/cs.LG/new` page in arxiv.org's markup (browse's list_macros.html). */
const LISTING = `<!doctype html><html><body><div id="dlpage"><dl id="articles">
<h3>New submissions (showing 2 of 2 entries)</h3>
<dt>
  <a name="item1">[1]</a>
  <a href ="/abs/2401.01234" title="Abstract" id="2401.01234">arXiv:2401.01234</a>
  [<a href="/pdf/2401.01234" title="Download PDF" id="pdf-2401.01234">pdf</a>, <a href="/format/2401.01234" title="Other formats" id="oth-2401.01234">other</a>]
</dt>
<dd><div class="meta">
  <div class="list-title mathjax"><span class="descriptor">Title:</span>
    Sparse $k$-Means for
    Streams
  </div>
  <div class="list-authors"><a href="https://arxiv.org/a/doe_j_1" rel="nofollow">Jane Doe</a>, <a href="https://arxiv.org/a/roe_r_1" rel="nofollow">Richard Roe</a></div>
  <div class="list-comments mathjax"><span class="descriptor">Comments:</span> 12 pages</div>
  <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div>
  <p class="mathjax">We cluster
    streams.</p>
</div></dd>
<dt>
  <a name="item2">[2]</a>
  <a href ="/abs/hep-th/9901001" title="Abstract" id="hep-th/9901001">arXiv:hep-th/9901001</a>
  (cross-list from hep-th)
  [<a href="/pdf/hep-th/9901001" title="Download PDF">pdf</a>]
</dt>
<dd><div class="meta">
  <div class="list-title mathjax"><span class="descriptor">Title:</span> An Old Paper</div>
  <div class="list-authors"><a href="https://arxiv.org/a/x_1">A. Author</a></div>
  <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">High Energy Physics - Theory (hep-th)</span></div>
</div></dd>
</dl></div></body></html>`;

/** One result of arxiv.org/search (arxiv-search's search-macros.html), abstracts shown. */
const SEARCH = `<!doctype html><html><body><main><ol class="breathe-horizontal" start="1"><li class="arxiv-result">
  <div class="is-marginless">
    <p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2205.14135">arXiv:2205.14135</a>
      <span>&nbsp;[<a href="https://arxiv.org/pdf/2205.14135">pdf</a>, <a href="https://arxiv.org/format/2205.14135">other</a>]&nbsp;</span></p>
    <div class="tags is-inline-block"><span class="tag is-small is-link tooltip is-tooltip-top" data-tooltip="Machine Learning">cs.LG</span></div>
  </div>
  <p class="title is-5 mathjax">
    <span class="search-hit">Flash</span>Attention: Fast and Memory-Efficient Exact Attention with IO-Awareness
  </p>
  <p class="authors">
    <span class="search-hit">Authors:</span>
    <a href="/?searchtype=author&amp;query=Dao%2C+T">Tri Dao</a>, <a href="/?searchtype=author&amp;query=Fu%2C+D+Y">Daniel Y. Fu</a>
  </p>
  <p class="abstract mathjax">
    <span class="has-text-black-bis has-text-weight-semibold">Abstract</span>:
    <span class="abstract-short has-text-grey-dark mathjax" id="2205.14135v2-abstract-short" style="display: inline;">Transformers are slow&hellip; <a class="is-size-7">&#9661; More</a></span>
    <span class="abstract-full has-text-grey-dark mathjax" id="2205.14135v2-abstract-full" style="display: none;">
      Transformers are slow and memory-hungry on long sequences.
      <a class="is-size-7" style="white-space: nowrap;">&#9651; Less</a>
    </span>
  </p>
</li></ol></main></body></html>`;

describe('arXiv listing and search entries', () => {
  it('run on listings and search pages only', () => {
    expect(isListingPage(new URL('https://arxiv.org/list/cs.LG/new'))).toBe(true);
    expect(isListingPage(new URL('https://arxiv.org/search/?query=x'))).toBe(true);
    expect(isListingPage(new URL('https://export.arxiv.org/search/cs?query=x'))).toBe(true);
    expect(isListingPage(new URL('https://arxiv.org/abs/2401.01234'))).toBe(false);
    expect(isListingPage(new URL('https://arxiv.org/listing'))).toBe(false);
    expect(isListingPage(new URL('https://example.org/list/cs.LG/new'))).toBe(false);
  });

  it("read a listing's entries from their own metadata, the control at the end of the id line", () => {
    const d = doc(LISTING);
    const entries = listingEntries(d);
    expect(entries.map((e) => e.paper)).toEqual([
      {
        title: 'Sparse $k$-Means for Streams',
        url: 'https://arxiv.org/abs/2401.01234',
        abstract: 'We cluster streams.',
        arxivId: '2401.01234',
        arxivClass: 'cs.LG',
        authors: ['Jane Doe', 'Richard Roe'],
      },
      {
        title: 'An Old Paper',
        url: 'https://arxiv.org/abs/hep-th/9901001',
        abstract: '',
        arxivId: 'hep-th/9901001',
        arxivClass: 'hep-th',
        authors: ['A. Author'],
      },
    ]);
    expect(entries[0]!.title.matches('div.list-title')).toBe(true);
    expect(entries[0]!.slot).toEqual({ parent: d.querySelector('dt'), before: null });
    // What the page gives passes the background's validation unchanged.
    for (const e of entries) expect(expectSavePaperInput(e.paper)).toEqual(e.paper);
  });

  it('read a search result, without the highlight markup or the fold links', () => {
    const d = doc(SEARCH);
    const [result] = listingEntries(d);
    expect(result!.paper).toEqual({
      title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
      url: 'https://arxiv.org/abs/2205.14135',
      abstract: 'Transformers are slow and memory-hungry on long sequences.',
      arxivId: '2205.14135',
      arxivClass: 'cs.LG',
      authors: ['Tri Dao', 'Daniel Y. Fu'],
    });
    expect(result!.slot.parent).toBe(d.querySelector('.is-marginless'));
  });

  it.skipIf(!hasSharedPages)('read all 200 entries of the saved digest, whose id links sit inside the title', { timeout: 30_000 }, () => {
    const entries = listingEntries(doc(sharedPage('arxiv-list-2023.html')));
    expect(entries).toHaveLength(200);
    expect(entries[0]!.paper).toMatchObject({
      title: 'InfiniCity: Infinite-Scale City Synthesis',
      arxivId: '2301.09637',
      url: 'https://arxiv.org/abs/2301.09637',
      authors: ['Chieh Hubert Lin', 'Hsin-Ying Lee', 'Willi Menapace', 'Menglei Chai', 'Aliaksandr Siarohin', 'Ming-Hsuan Yang', 'Sergey Tulyakov'],
    });
    expect(entries[0]!.paper.abstract).toMatch(/^Toward infinite-scale 3D city synthesis, we propose/);
    expect(entries[1]!.paper.title).toBe('Contrastive pretraining for semantic segmentation is robust to noisy positive pairs');
    for (const e of entries) {
      expect(e.paper.title).not.toMatch(/\[|arXiv:|^\s|\s$/);
      expect(expectSavePaperInput(e.paper)).toEqual(e.paper);
    }
    // The control ends the title's own last line, inside the title element, not on a line of its own.
    expect(entries.every((e) => e.title.contains(e.slot.parent))).toBe(true);
  });

  it('leave out entries without an id or a title', () => {
    const broken = LISTING.replace('href ="/abs/2401.01234"', 'href="/help"').replace('An Old Paper', ' ');
    expect(listingEntries(doc(broken))).toEqual([]);
  });
});

describe('listingTitleAround', () => {
  it("finds the entry's title from its id line, its authors and its title, on listings and search results", () => {
    const d = doc(LISTING);
    const [first, second] = listingTitles(d);
    expect(listingTitleAround(d.getElementById('pdf-2401.01234')!)).toBe(first);
    expect(listingTitleAround(d.querySelector('a[href="https://arxiv.org/a/x_1"]')!)).toBe(second);
    expect(listingTitleAround(second!)).toBe(second);
    expect(listingTitleAround(d.querySelector('h3')!)).toBeNull();
    const s = doc(SEARCH);
    const [result] = listingTitles(s);
    expect(listingTitleAround(s.querySelector('a[href="https://arxiv.org/pdf/2205.14135"]')!)).toBe(result);
    expect(listingTitleAround(s.querySelector('p.authors a')!)).toBe(result);
  });
});
