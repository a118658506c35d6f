import { describe, expect, it } from 'vitest';
import { arxiv } from './arxiv';
import { github } from './github';
import { hackernews } from './hackernews';
import { huggingface } from './huggingface';
import { hasSharedPages, paper, scanPage, sharedPage } from './testing';

// A library as an import leaves it: papers known by id, whose titles the pages need not show.
const attention = { id: 'attention', title: 'Attention Is All You Need', arxivId: '1706.03762' };
const bert = { id: 'bert', title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', doi: '10.18653/v1/N19-1423' };
const flash = { id: 'flash', title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', arxivId: '2205.14135' };
const library = [attention, bert, flash];

/** A Hacker News front page row in news.ycombinator.com's markup (2024). */
const hnRow = (id: number, href: string, title: string, site: string) => `
<tr class="athing submission" id="${id}">
  <td align="right" valign="top" class="title"><span class="rank">${id}.</span></td>
  <td valign="top" class="votelinks"><center><a id="up_${id}" href="vote?id=${id}&amp;how=up&amp;goto=news"><div class="votearrow" title="upvote"></div></a></center></td>
  <td class="title"><span class="titleline"><a href="${href}">${title}</a><span class="sitebit comhead"> (<a href="from?site=${site}"><span class="sitestr">${site}</span></a>)</span></span></td>
</tr>
<tr><td colspan="2"></td><td class="subtext"><span class="subline"><span class="score" id="score_${id}">412 points</span> by <a href="user?id=someone" class="hnuser">someone</a> | <a href="item?id=${id}">93&nbsp;comments</a></span></td></tr>
<tr class="spacer" style="height:5px"></tr>`;

const hnPage = (rows: string, comments = '') => `<!doctype html><html lang="en"><head><title>Hacker News</title></head>
<body><center><table id="hnmain"><tr><td><table border="0" class="itemlist">${rows}</table>${comments}</td></tr></table></center></body></html>`;

describe('links that name a library paper by id', () => {
  it('mark a Hacker News story linking to a versioned arXiv PDF, whatever its title says', () => {
    const { marks, ids } = scanPage(
      hnPage(
        hnRow(1, 'https://arxiv.org/pdf/1706.03762v2', 'The paper that started it all (2017) [pdf]', 'arxiv.org') +
          hnRow(2, 'https://arxiv.org/abs/2401.00001', 'A paper not in the library', 'arxiv.org') +
          hnRow(3, 'https://example.com/blog', 'Show HN: A blog', 'example.com'),
      ),
      hackernews,
      { papers: library, url: 'https://news.ycombinator.com/' },
    );
    expect(ids).toEqual(['attention']);
    expect(marks[0]!.matches('.titleline > a')).toBe(true);
  });

  it('mark links in comments: alphaXiv, Hugging Face, DOI resolvers; the link once, though its text is a title too', () => {
    const { marks, ids } = scanPage(
      hnPage(
        '',
        `<table class="comment-tree"><tr class="athing comtr"><td><div class="comment"><div class="commtext c00">
          Compare <a href="https://www.alphaxiv.org/abs/2205.14135" rel="nofollow">https://www.alphaxiv.org/abs/2205.14135</a>
          with <a href="https://huggingface.co/papers/1706.03762">${attention.title}</a>.<p>The BERT paper:
          <a href="https://doi.org/10.18653/V1/N19-1423" rel="nofollow">doi.org/10.18653/V1/N19-1423</a></p></div></div></td></tr></table>`,
      ),
      hackernews,
      { papers: library, url: 'https://news.ycombinator.com/item?id=1' },
    );
    expect(ids).toEqual(['flash', 'attention', 'bert']);
    expect(marks.every((m) => m.tagName === 'A')).toBe(true);
  });

  it('mark README links, arXiv badges with only an image inside included', () => {
    const { ids } = scanPage(
      `<html><body><article class="markdown-body">
        <p><a href="https://arxiv.org/abs/2205.14135"><img src="https://img.shields.io/badge/arXiv-2205.14135-b31b1b.svg" alt="arXiv"></a></p>
        <p>Cite <a href="http://dx.doi.org/10.18653/v1/N19-1423">this</a>, or <a href="https://github.com/org/repo/blob/main/abs/1706.03762">a file</a>.</p>
      </article></body></html>`,
      github,
      { papers: library, url: 'https://github.com/org/repo' },
    );
    expect(ids).toEqual(['flash', 'bert']);
  });
});

/** An arXiv listing in arxiv.org's markup (browse's list_macros.html: `<dt>` ids, `<dd>` metadata). */
const listing = (entries: { id: string; title: string }[]) => `<!doctype html><html><body><div id="dlpage">
<dl id="articles"><h3>New submissions (showing ${entries.length} of ${entries.length} entries)</h3>
${entries
  .map(
    ({ id, title }, i) => `<dt>
  <a name="item${i + 1}">[${i + 1}]</a>
  <a href ="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>
  [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}" aria-labelledby="pdf-${id}">pdf</a>, <a href="https://arxiv.org/html/${id}v1" title="View HTML" id="html-${id}" rel="noopener noreferrer" target="_blank">html</a>, <a href="/format/${id}" title="Other formats" id="oth-${id}">other</a>]
</dt>
<dd><div class="meta">
  <div class="list-title mathjax"><span class="descriptor">Title:</span>
    ${title}
  </div>
  <div class="list-authors"><a href="https://arxiv.org/a/doe_j_1" rel="nofollow">Jane Doe</a>, <a href="https://arxiv.org/a/roe_r_1">Richard Roe</a></div>
  <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div>
  <p class="mathjax">An abstract.</p>
</div></dd>`,
  )
  .join('\n')}
</dl></div></body></html>`;

describe('arXiv pages pair each title with its id', () => {
  const autoformer = paper('Autoformer');

  it('on a listing: titles carry their ids, the entry links are left to the title', () => {
    const { scan, matches, ids } = scanPage(
      listing([
        { id: '2401.00001', title: 'Something not in the library' },
        { id: '1706.03762', title: 'Attention is all you need' },
        { id: '2106.13008', title: autoformer.title },
      ]),
      arxiv,
      { papers: [...library, { id: autoformer.id, title: autoformer.title }], url: 'https://arxiv.org/list/cs.LG/new' },
    );
    expect(scan.blocks.map((b) => [b.kind, b.kind === 'title' ? b.arxivId : undefined])).toEqual([
      ['title', '2401.00001'],
      ['title', '1706.03762'],
      ['title', '2106.13008'],
    ]);
    expect(ids).toEqual(['attention', autoformer.id]);
    // The catalog paper known by title only learns the id the listing shows beside it.
    expect(matches.map((m) => m.learnedArxivId)).toEqual([undefined, '2106.13008']);
  });

  it('on a search results page (arxiv-search markup)', () => {
    const { scan, ids } = scanPage(
      `<html><body><main><ol class="breathe-horizontal" start="1"><li class="arxiv-result">
        <div class="is-marginless"><p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2205.14135v2">arXiv:2205.14135v2</a>
          <span>&nbsp;[<a href="https://arxiv.org/pdf/2205.14135v2">pdf</a>, <a href="https://arxiv.org/format/2205.14135v2">other</a>]&nbsp;</span></p>
          <div class="tags is-inline-block"><span class="tag is-small is-link">cs.LG</span></div></div>
        <p class="title is-5 mathjax"><span class="search-hit">Flash</span>Attention: Fast and Memory-Efficient Exact Attention</p>
        <p class="authors"><span class="search-hit">Authors:</span> <a href="/search/?searchtype=author&amp;query=Dao%2C+T">Tri Dao</a></p>
      </li></ol></main></body></html>`,
      arxiv,
      { papers: library, url: 'https://arxiv.org/search/?query=flash&searchtype=all' },
    );
    expect(scan.blocks.map((b) => b.kind)).toEqual(['title']);
    expect(scan.blocks[0]).toMatchObject({ arxivId: '2205.14135' });
    expect(ids).toEqual(['flash']);
  });

  it.skipIf(!hasSharedPages)('on the saved 200-entry digest: every title carries the id of its own abstract link', { timeout: 30_000 }, () => {
    const { scan, matches } = scanPage(sharedPage('arxiv-list-2023.html'), arxiv);
    const titles = scan.blocks.filter((b) => b.kind === 'title');
    expect(titles).toHaveLength(200);
    expect(scan.blocks.filter((b) => b.kind === 'link')).toEqual([]);
    for (const block of titles) {
      const shown = /arXiv:(\d{4}\.\d{4,5})/.exec(block.text)?.[1];
      expect(block.kind === 'title' && block.arxivId).toBe(shown);
    }
    // FlatFormer is in the bundled catalog without an id: the listing teaches it.
    const flatformer = paper('FlatFormer');
    expect(matches.find((m) => m.id === flatformer.id)?.learnedArxivId).toBe('2301.08739');
  });

  it.skipIf(!hasSharedPages)('on the saved abstract page: the title carries the page id, and its many links to itself are not marked', () => {
    const { scan, marks, ids } = scanPage(sharedPage('arxiv-abs-2021.html'), arxiv, {
      papers: [{ id: 'world-models', title: 'World models of text games (my own title)', arxivId: 'arXiv:2106.09608' }],
      url: 'https://arxiv.org/abs/2106.09608',
    });
    expect(scan.blocks.filter((b) => b.kind !== 'text').map((b) => b.kind)).toEqual(['title']);
    expect(scan.blocks[0]).toMatchObject({ arxivId: '2106.09608' });
    expect(ids).toEqual(['world-models']);
    expect(marks[0]!.matches('h1.title')).toBe(true);
  });

  it.skipIf(!hasSharedPages)('on the saved Hugging Face daily list: each card title carries its id, the page heading none', () => {
    const { scan } = scanPage(sharedPage('hf-papers-2024.html'), huggingface, { url: 'https://huggingface.co/papers' });
    const titles = scan.blocks.flatMap((b) => (b.kind === 'title' ? [[b.text.trim(), b.arxivId]] : []));
    expect(titles).toHaveLength(14);
    expect(titles).toContainEqual(['The Llama 3 Herd of Models', '2407.21783']);
    expect(titles).toContainEqual(['Daily Papers', undefined]);
    expect(titles.filter(([, id]) => /^\d{4}\.\d{5}$/.test(id ?? ''))).toHaveLength(13);
    expect(scan.blocks.filter((b) => b.kind === 'link')).toEqual([]);
  });
});
