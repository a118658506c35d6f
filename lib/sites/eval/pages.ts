/**
 * The recognition eval's pages: catalog titles planted into real saved pages (read from
 * `../shared/fixtures/pages` when present, never copied into the repository) and into
 * reconstructions of the sites' current markup (lib/sites/eval/README.md names where each
 * reconstruction's markup comes from), and into real excerpts of pages committed in
 * lib/sites/fixtures (excerpts.ts). Every planted entry sits in an element carrying
 * `data-eval-expect="<paper id>"`; every entry left with its own (non-catalog) title or with
 * prose that must not be marked carries `data-eval-negative`.
 */
import { alphaxiv } from '../alphaxiv';
import { arxiv } from '../arxiv';
import { github } from '../github';
import { hackernews } from '../hackernews';
import { huggingface } from '../huggingface';
import { openreview } from '../openreview';
import { reddit } from '../reddit';
import { scholar } from '../scholar';
import { semanticscholar } from '../semanticscholar';
import { x } from '../x';
import { realExcerptPages } from './excerpts';
import { NEG, esc, expect, longEnough, pick, prose, socialCut, type EvalInput, type EvalPage } from './plant';
import { hasMath, texTitle, truncatedTitle } from './variants';

export type { EvalInput, EvalPage } from './plant';

// ---------------------------------------------------------------------------------------------
// arXiv

function arxivSavedListing(input: EvalInput): EvalPage[] {
  const html = input.saved('arxiv-list-2023.html');
  if (!html) return [];
  const planted = pick(input.papers, 100, 0);
  let k = 0;
  const out = html.replace(
    /<div class="list-title mathjax">([\s\S]*?<\/span>\s*)([\s\S]*?)(\s*\[<a href="http:\/\/arxiv\.org\/abs\/)/g,
    (_, head: string, _title: string, tail: string) => {
      const i = k++;
      if (i % 2 === 1 || i / 2 >= planted.length) {
        const own = input.isCatalogTitle(_title) ? 'data-eval-catalog' : NEG;
        return `<div class="list-title mathjax" ${own}>${head}${_title}${tail}`;
      }
      const p = planted[i / 2]!;
      const shown = i % 4 === 0 ? texTitle(p.title, i) : p.title;
      return `<div class="list-title mathjax" ${expect(p)}>${head}${esc(shown)}${tail}`;
    },
  );
  return [{ name: 'arXiv listing 2023 (saved)', adapter: arxiv, html: out }];
}

function arxivListing2025(input: EvalInput): EvalPage {
  const planted = pick(input.papers, 60, 7);
  const entries = planted.map((p, i) => {
    const neg = input.others[i % input.others.length]!;
    const entry = (attr: string, title: string, n: number) => `<dt><a name='item${n}'>[${n}]</a> <a href ="/abs/2501.0${n}" title="Abstract" id="2501.0${n}">arXiv:2501.0${n}</a> [<a href="/pdf/2501.0${n}" title="Download PDF" id="pdf-2501.0${n}" aria-labelledby="pdf-2501.0${n}">pdf</a>, <a href="https://arxiv.org/html/2501.0${n}v1" title="View HTML" id="html-2501.0${n}" aria-labelledby="html-2501.0${n}" rel="noopener noreferrer" target="_blank">html</a>]</dt>
<dd><div class='meta'><div class='list-title mathjax' ${attr}><span class='descriptor'>Title:</span>
          ${esc(title)}
        </div><div class='list-authors'><a href="https://arxiv.org/a/doe_j_1">Jane Doe</a>, <a href="https://arxiv.org/a/roe_r_1">Richard Roe</a></div>
<div class='list-subjects'><span class='descriptor'>Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div>
<p class='mathjax'>We study a problem. Our method improves on the baseline by a wide margin across benchmarks.</p></div></dd>`;
    return entry(expect(p), i % 2 === 0 ? texTitle(p.title, i) : p.title, 2 * i + 1) + entry(NEG, neg, 2 * i + 2);
  });
  return { name: 'arXiv listing 2025', adapter: arxiv, html: `<html><body><div id="dlpage"><dl id="articles">${entries.join('\n')}</dl></div></body></html>` };
}

/** Every catalog title with a part typeset in math, as arXiv's 2025 listing shows it raw. */
function arxivRawTex(input: EvalInput): EvalPage {
  const entries = input.papers.filter((p) => hasMath(p.title)).map(
    (p, i) => `<dd><div class='meta'><div class='list-title mathjax' ${expect(p)}><span class='descriptor'>Title:</span>
          ${esc(texTitle(p.title, i))}
        </div></div></dd>`,
  );
  return { name: 'arXiv listing 2025, math titles', adapter: arxiv, html: `<html><body><dl id="articles">${entries.join('\n')}</dl></body></html>` };
}

function arxivSavedAbs(input: EvalInput): EvalPage[] {
  const html = input.saved('arxiv-abs-2021.html');
  if (!html) return [];
  return pick(input.papers, 12, 3).map((p, i) => ({
    name: 'arXiv abstract 2021 (saved)',
    adapter: arxiv,
    html: html.replace(
      /<h1 class="title mathjax"><span class="descriptor">Title:<\/span>[^<]*<\/h1>/,
      `<h1 class="title mathjax" ${expect(p)}><span class="descriptor">Title:</span>${esc(i % 2 ? texTitle(p.title, i) : p.title)}</h1>`,
    ),
  }));
}

function arxivSearch2025(input: EvalInput): EvalPage {
  const planted = pick(input.papers, 50, 11);
  const items = planted.map((p, i) => {
    const neg = input.others[(i + 13) % input.others.length]!;
    // Search results wrap the query's words in `search-hit` spans.
    const hit = (t: string) => t.replace(/\b(Transformers?)\b/, '<span class="search-hit mathjax">$1</span>');
    const item = (attr: string, titleHtml: string, n: number) => `<li class="arxiv-result">
      <div class="is-marginless"><p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2502.1${n}">arXiv:2502.1${n}</a>
        <span>&nbsp;[<a href="https://arxiv.org/pdf/2502.1${n}">pdf</a>]&nbsp;</span></p>
        <div class="tags is-inline-block"><span class="tag is-small is-link tooltip is-tooltip-top" data-tooltip="Machine Learning">cs.LG</span></div></div>
      <p class="title is-5 mathjax" ${attr}>
        ${titleHtml}
      </p>
      <p class="authors"><span class="search-hit">Authors:</span> <a href="/a/doe_j_1">Jane Doe</a></p>
      <p class="abstract mathjax"><span class="abstract-short has-text-grey-dark mathjax">We propose a method&hellip;</span></p></li>`;
    return item(expect(p), hit(esc(i % 3 === 2 ? p.title : texTitle(p.title, i))), i) + item(NEG, hit(esc(neg)), i + 500);
  });
  return { name: 'arXiv search 2025', adapter: arxiv, html: `<html><body><main><ol class="breathe-horizontal" start="1">${items.join('\n')}</ol></main></body></html>` };
}

// ---------------------------------------------------------------------------------------------
// Google Scholar

function scholarSaved(input: EvalInput): EvalPage[] {
  const html = input.saved('scholar-2020.html');
  if (!html) return [];
  return [0, 1, 2].map((round) => {
    const planted = pick(input.papers, 5, 17 + round * 31);
    let k = 0;
    const out = html.replace(/<h3 class="gs_rt"([^>]*)>([\s\S]*?)<\/h3>/g, (whole, attrs: string, inner: string) => {
      const i = k++;
      if (i % 2 === 1 || i / 2 >= planted.length) return `<h3 class="gs_rt"${attrs} ${NEG}>${inner}</h3>`;
      const p = planted[i / 2]!;
      const shown = esc(round === 1 ? texTitle(p.title, i) : p.title);
      const replaced = inner
        .replace(/(<a [^>]*>)[\s\S]*?(<\/a>)$/, `$1${shown}$2`)
        .replace(/(<span id="[^"]+">)[\s\S]*?(<\/span>)$/, `$1${shown}$2`);
      return replaced === inner ? whole : `<h3 class="gs_rt"${attrs} ${expect(p)}>${replaced}</h3>`;
    });
    return { name: 'Google Scholar 2020 (saved)', adapter: scholar, html: out };
  });
}

const SCHOLAR_KINDS = ['link', 'pdf', 'citation', 'book', 'html', 'citation-span', 'pdf-text'] as const;

function scholar2026(input: EvalInput): EvalPage {
  const planted = pick(input.papers, 70, 23);
  const tag = (long: string, short: string, cls = 'gs_ctc') =>
    `<span class="${cls}"><span class="gs_ct1">[${long}]</span><span class="gs_ct2">[${short}]</span></span> `;
  const heading = (kind: (typeof SCHOLAR_KINDS)[number], title: string, n: number) => {
    const link = `<a id="r${n}" href="https://arxiv.org/abs/2401.${n}" data-clk="hl=en&amp;sa=T&amp;ct=res&amp;cd=${n}" data-clk-atid="r${n}">${title}</a>`;
    switch (kind) {
      case 'link': return link;
      case 'pdf': return tag('PDF', 'PDF') + link;
      case 'citation': return tag('CITATION', 'C', 'gs_ctu') + title;
      case 'book': return tag('BOOK', 'B') + title;
      case 'html': return tag('HTML', 'HTML') + title;
      case 'citation-span': return tag('CITATION', 'C', 'gs_ctu') + `<span id="c${n}">${title}</span>`;
      case 'pdf-text': return tag('PDF', 'PDF') + title;
    }
  };
  const results = planted.map((p, i) => {
    const kind = SCHOLAR_KINDS[i % SCHOLAR_KINDS.length]!;
    const shown = esc(i % 4 === 3 ? texTitle(p.title, i) : p.title).replace(/\b(Transformers?)\b/, '<b>$1</b>');
    const neg = esc(input.others[(i + 29) % input.others.length]!);
    const result = (attr: string, inner: string, n: number) => `<div class="gs_r gs_or gs_scl" data-cid="r${n}" data-did="r${n}" data-lid="" data-aid="r${n}" data-rp="${n}"><div class="gs_ri"><h3 class="gs_rt" ontouchstart="gs_evt_dsp(event)" ${attr}>${inner}</h3><div class="gs_a">J Doe, R Roe - arXiv preprint arXiv:2401.${n}, 2024 - arxiv.org</div><div class="gs_rs">We propose &hellip;</div><div class="gs_fl gs_flb"><a href="javascript:void(0)" class="gs_or_sav gs_or_btn" role="button"><span class="gs_or_btn_lbl">Save</span></a> <a href="javascript:void(0)" class="gs_or_cit gs_or_btn gs_nph" role="button"><span>Cite</span></a> <a href="/scholar?cites=${n}">Cited by ${n}</a></div></div></div>`;
    return result(expect(p), heading(kind, shown, i), i) + result(NEG, heading(kind, neg, i + 500), i + 500);
  });
  return { name: 'Google Scholar 2026', adapter: scholar, html: `<html><body><div id="gs_res_ccl_mid">${results.join('\n')}</div></body></html>` };
}

// ---------------------------------------------------------------------------------------------
// Hugging Face

function huggingfaceSaved(input: EvalInput): EvalPage[] {
  const html = input.saved('hf-papers-2024.html');
  if (!html) return [];
  const planted = pick(input.papers, 7, 41);
  let k = 0;
  const out = html.replace(/(<h3[^>]*>)(<a href="\/papers\/[^"]+"[^>]*>)([^<]*)(<\/a><\/h3>)/g, (_, h3: string, a: string, title: string, close: string) => {
    const i = k++;
    if (i % 2 === 1 || i / 2 >= planted.length) return `${h3.replace('<h3', `<h3 ${NEG}`)}${a}${title}${close}`;
    const p = planted[i / 2]!;
    return `${h3.replace('<h3', `<h3 ${expect(p)}`)}${a}${esc(p.title)}${close}`;
  });
  return [{ name: 'Hugging Face papers 2024 (saved)', adapter: huggingface, html: out }];
}

// ---------------------------------------------------------------------------------------------
// Running text: GitHub README, Hacker News thread

function githubReadme(input: EvalInput): EvalPage {
  const planted = pick(input.papers, 80, 53);
  const rows: string[] = [];
  planted.forEach((p, i) => {
    const neg = esc(input.others[(i + 41) % input.others.length]!);
    if (i % 4 === 0) rows.push(`<li ${expect(p)}><a href="https://arxiv.org/abs/2401.${i}" rel="nofollow">${esc(p.title)}</a> - NeurIPS 2024 [<a href="https://github.com/x/y">code</a>]</li>`);
    else if (i % 4 === 1) rows.push(`<li ${expect(p)}><strong>${esc(p.title)}</strong>. Jane Doe, Richard Roe. <em>ICLR 2025</em>. [<a href="https://arxiv.org/pdf/2401.${i}">paper</a>]</li>`);
    else if (i % 4 === 2) rows.push(`<li ${expect(p)}>See “${esc(p.title)}” for the details of the training recipe.</li>`);
    else rows.push(`<li ${expect(p)}>${esc(texTitle(p.title, i))} (arXiv 2024) [<a href="https://arxiv.org/abs/2401.${i}">pdf</a>]</li>`);
    rows.push(`<li ${NEG}><a href="https://arxiv.org/abs/2402.${i}" rel="nofollow">${neg}</a> - ICML 2024</li>`);
  });
  const negatives = prose(input.papers, 30, 5).map((t) => `<p ${NEG}>${esc(t)}</p>`);
  return {
    name: 'GitHub README',
    adapter: github,
    html: `<html><body><div id="readme"><article class="markdown-body entry-content container-lg" itemprop="text"><div class="markdown-heading" dir="auto"><h2 tabindex="-1" class="heading-element" dir="auto">Papers</h2></div><ul dir="auto">${rows.join('\n')}</ul>${negatives.join('\n')}</article></div></body></html>`,
  };
}

function hackerNews(input: EvalInput): EvalPage {
  const planted = pick(input.papers, 40, 61);
  const stories = planted.slice(0, 10).map(
    (p, i) => `<tr class="athing submission" id="${4000 + i}"><td align="right" valign="top" class="title"><span class="rank">${i + 1}.</span></td><td class="title"><span class="titleline" ${expect(p)}><a href="https://arxiv.org/abs/2401.${i}">${esc(p.title)}</a><span class="sitebit comhead"> (<a href="from?site=arxiv.org"><span class="sitestr">arxiv.org</span></a>)</span></span></td></tr>
<tr class="athing submission" id="${5000 + i}"><td class="title"><span class="titleline" ${NEG}><a href="https://example.org/${i}">${esc(input.others[(i + 3) % input.others.length]!)}</a></span></td></tr>`,
  );
  const comments = planted.slice(10).map((p, i) => {
    const forms = [
      `Reminds me of "${esc(p.title)}", which tried the same thing two years ago.`,
      `The relevant paper is ${esc(p.title)} (<a href="https://arxiv.org/abs/2401.${i}" rel="nofollow">https://arxiv.org/abs/2401.${i}</a>).`,
      `<a href="https://arxiv.org/abs/2401.${i}" rel="nofollow">${esc(p.title)}</a><p>Worth a read.</p>`,
    ];
    return `<tr class="athing comtr" id="${6000 + i}"><td><table border="0"><tr><td class="default"><div class="comment"><div class="commtext c00" ${expect(p)}>${forms[i % forms.length]}</div></div></td></tr></table></td></tr>`;
  });
  const negatives = prose(input.papers, 20, 9).map(
    (t, i) => `<tr class="athing comtr" id="${7000 + i}"><td><div class="comment"><div class="commtext c00" ${NEG}>${esc(t)}</div></div></td></tr>`,
  );
  return {
    name: 'Hacker News',
    adapter: hackernews,
    html: `<html><body><center><table id="hnmain"><tr><td><table class="itemlist">${stories.join('\n')}</table><table class="comment-tree">${comments.join('\n')}${negatives.join('\n')}</table></td></tr></table></center></body></html>`,
  };
}

// ---------------------------------------------------------------------------------------------
// Social: Reddit (new and old) and X, with titles cut short by "…"

function redditNew(input: EvalInput): EvalPage {
  const planted = pick(input.papers.filter(longEnough), 40, 3);
  const posts = planted.slice(0, 15).map(
    (p, i) => `<article class="w-full m-0"><shreddit-post post-title="${esc(p.title)}" permalink="/r/MachineLearning/comments/a${i}/" post-type="link" domain="arxiv.org"><a slot="full-post-link" href="/r/MachineLearning/comments/a${i}/"></a><a slot="title" id="post-title-t3_a${i}" href="/r/MachineLearning/comments/a${i}/" class="block font-semibold text-neutral-content-strong" ${expect(p)}>[R] ${esc(p.title)}</a></shreddit-post></article>
<article class="w-full m-0"><shreddit-post post-type="text"><a slot="title" href="/r/MachineLearning/comments/b${i}/" ${NEG}>[D] ${esc(input.others[(i + 7) % input.others.length]!)}</a><div slot="text-body"><div class="md text-14"><p>What do you think about this?</p></div></div></shreddit-post></article>`,
  );
  const comments = planted.slice(15).map((p, i) => {
    const cut = socialCut(p, i);
    const body =
      i % 2 === 0
        ? `<p>${esc(cut.text)} <a href="https://${cut.link}" rel="noopener nofollow ugc">${cut.link}</a></p>`
        : `<p>This is basically ${esc(p.title)}, just with more compute.</p>`;
    return `<shreddit-comment depth="0" thingid="t1_c${i}"><div slot="comment" id="t1_c${i}-comment-rtjson-content" class="md text-14" ${expect(p)}>${body}</div></shreddit-comment>`;
  });
  const negatives = prose(input.papers, 20, 13).map(
    (t, i) => `<shreddit-comment depth="1" thingid="t1_n${i}"><div slot="comment" class="md" ${NEG}><p>${esc(t)}</p></div></shreddit-comment>`,
  );
  return { name: 'Reddit (new)', adapter: reddit, html: `<html><body><shreddit-app><main>${posts.join('\n')}${comments.join('\n')}${negatives.join('\n')}</main></shreddit-app></body></html>` };
}

function redditOld(input: EvalInput): EvalPage {
  const planted = pick(input.papers.filter(longEnough), 40, 19);
  const things = planted.slice(0, 15).map(
    (p, i) => `<div class="thing link" id="thing_t3_o${i}" data-domain="arxiv.org"><div class="entry unvoted"><div class="top-matter"><p class="title" ${expect(p)}><a class="title may-blank outbound" data-event-action="title" href="https://arxiv.org/abs/2401.${i}" tabindex="1" rel="nofollow ugc">[R] ${esc(p.title)}</a> <span class="domain">(<a href="/domain/arxiv.org/">arxiv.org</a>)</span></p></div></div></div>
<div class="thing link" id="thing_t3_p${i}"><div class="entry"><p class="title" ${NEG}><a class="title may-blank" href="/r/MachineLearning/comments/p${i}/">[D] ${esc(input.others[(i + 19) % input.others.length]!)}</a></p></div></div>`,
  );
  const comments = planted.slice(15).map((p, i) => {
    const cut = socialCut(p, i + 1);
    const body =
      i % 2 === 1
        ? `<p>${esc(cut.text)} <a href="https://${cut.link}">https://${cut.link}</a></p>`
        : `<p>Have a look at <em>${esc(p.title)}</em>.</p>`;
    return `<div class="thing comment" id="thing_t1_oc${i}"><div class="entry"><form class="usertext"><div class="usertext-body may-blank-within md-container " ${expect(p)}><div class="md">${body}</div></div></form></div></div>`;
  });
  const negatives = prose(input.papers, 20, 17).map(
    (t, i) => `<div class="thing comment" id="thing_t1_on${i}"><div class="usertext-body may-blank-within md-container " ${NEG}><div class="md"><p>${esc(t)}</p></div></div></div>`,
  );
  return { name: 'Reddit (old)', adapter: reddit, html: `<html><body><div class="content" role="main"><div id="siteTable" class="sitetable linklisting">${things.join('\n')}</div><div class="commentarea">${comments.join('\n')}${negatives.join('\n')}</div></div></body></html>` };
}

function xTimeline(input: EvalInput): EvalPage {
  const planted = pick(input.papers.filter(longEnough), 60, 29);
  const tweet = (attr: string, inner: string, n: number) => `<article aria-labelledby="id${n}" role="article" tabindex="0" data-testid="tweet"><div data-testid="User-Name"><a href="/user${n}" role="link"><span>User ${n}</span></a></div><div lang="en" dir="auto" data-testid="tweetText" class="css-146c3p1 r-bcqeeo r-1ttztb7" id="id${n}" ${attr}>${inner}</div></article>`;
  const link = (url: string) => `<a dir="ltr" href="https://t.co/x${url.length}" rel="noopener noreferrer nofollow" target="_blank" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21"><span aria-hidden="true" class="css-1jxf684 r-qlhcfr">https://</span>${url.slice(0, 22)}<span aria-hidden="true" class="css-1jxf684 r-qlhcfr">…</span></a>`;
  const span = (t: string) => `<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${esc(t)}</span>`;
  const tweets = planted.map((p, i) => {
    if (i % 3 === 2) return tweet(expect(p), `${span(`New paper: ${p.title}`)}<img alt="🧵" draggable="false" src="https://abs-0.twimg.com/emoji/v2/svg/1f9f5.svg" class="r-4qtqp9">`, i);
    const cut = socialCut(p, i);
    // A handle at the start is a link of its own in X's markup.
    const handle = /^(RT )?(@\w+)(:?) (.*)$/.exec(cut.text);
    const inner = handle
      ? `${handle[1] ? span('RT ') : ''}<div class="css-175oi2r r-xoduu5"><span class="r-18u37iz"><a dir="ltr" href="/${handle[2]!.slice(1)}" role="link" class="css-1jxf684 r-bcqeeo">${handle[2]}</a></span></div>${span(`${handle[3]} ${handle[4]}`)} ${link(cut.link)}`
      : `${span(cut.text)} ${link(cut.link)}`;
    return tweet(expect(p), inner, i);
  });
  const negatives = prose(input.papers, 30, 21).map((t, i) => tweet(NEG, span(t), i + 500));
  const others = input.others.slice(0, 20).map((t, i) => tweet(NEG, `${span(`@someone ${truncatedTitle(t, 6, i)}`)} ${link('arxiv.org/abs/2405.01234')}`, i + 700));
  return { name: 'X timeline', adapter: x, html: `<html><body><div id="react-root"><main role="main"><section aria-labelledby="accessible-list-1" role="region"><div aria-label="Timeline: Your Home Timeline">${tweets.join('\n')}${negatives.join('\n')}${others.join('\n')}</div></section></main></div></body></html>` };
}

// ---------------------------------------------------------------------------------------------
// Semantic Scholar, OpenReview, alphaXiv

function semanticScholar(input: EvalInput): EvalPage {
  const planted = pick(input.papers, 40, 37);
  const rows = planted.map((p, i) => {
    const row = (attr: string, title: string, n: number) => `<div class="cl-paper-row serp-papers__paper-row paper-v2-cue paper-row-normal" data-paper-id="p${n}" data-index="${n}"><a data-test-id="title-link" class="link-button--show-visited" href="/paper/${n}" ${attr}><h2 class="cl-paper-title" data-heap-id="search-result-title"><span class=""><span>${title}</span></span></h2></a><div class="cl-paper-authors"><span data-test-id="author-list"><span class="cl-paper-authors__author-box"><a class="cl-paper-authors__author-link" href="/author/1">Jane Doe</a></span></span></div><div class="cl-paper-abstract"><span class="tldr-abstract-replacement text-truncator">We propose a method &hellip;</span></div></div>`;
    // Semantic Scholar bolds the query's words in results (`<mark>`), splitting the title.
    return row(expect(p), esc(p.title).replace(/\b(Transformers?)\b/, '<mark>$1</mark>'), i) + row(NEG, esc(input.others[(i + 23) % input.others.length]!), i + 500);
  });
  const detail = planted.slice(0, 5).map((p) => `<div class="fresh-paper-detail-page__header"><h1 data-test-id="paper-detail-title" ${expect(p)}>${esc(p.title)}</h1></div>`);
  return { name: 'Semantic Scholar', adapter: semanticscholar, html: `<html><body><div id="app"><div class="result-page">${rows.join('\n')}</div>${detail.join('')}</div></body></html>` };
}

function openReview(input: EvalInput): EvalPage {
  const planted = pick(input.papers, 40, 43);
  const notes = planted.slice(0, 30).map((p, i) => {
    const note = (attr: string, title: string, n: number) => `<li><div class="note " data-id="n${n}"><h4 ${attr}><a href="/forum?id=n${n}">${esc(title)}</a><a href="/pdf?id=n${n}" class="pdf-link" title="Download PDF" target="_blank" rel="noreferrer"><img src="/images/pdf_icon_blue.svg" alt="pdf icon"></a></h4><div class="note-authors"><a href="/profile?id=~Jane_Doe1">Jane Doe</a></div><div class="note-meta-info">Published: 16 Jan 2025, Last Modified: 02 Mar 2025</div></div></li>`;
    return note(expect(p), i % 2 ? texTitle(p.title, i) : p.title, i) + note(NEG, input.others[(i + 31) % input.others.length]!, i + 500);
  });
  const reviews = planted.slice(30).map(
    (p) => `<div class="note depth-odd"><div class="note-content"><div><strong class="note-content-field disable-tex-rendering">Weaknesses:</strong> <div class="note-content-value markdown-rendered" ${expect(p)}><p>The comparison with “${esc(p.title)}” is missing.</p></div></div></div></div>`,
  );
  const negatives = prose(input.papers, 15, 29).map(
    (t) => `<div class="note"><div class="note-content"><div class="note-content-value markdown-rendered" ${NEG}><p>${esc(t)}</p></div></div></div>`,
  );
  return { name: 'OpenReview', adapter: openreview, html: `<html><body><div id="__next"><main id="content"><ul class="list-unstyled submissions-list">${notes.join('\n')}</ul><div class="forum-container">${reviews.join('')}${negatives.join('')}</div></main></div></body></html>` };
}

function alphaXiv(input: EvalInput): EvalPage {
  const planted = pick(input.papers, 30, 47);
  const cards = planted.map((p, i) => {
    const card = (attr: string, title: string, n: number) => `<div class="flex w-full flex-col rounded-xl border"><a href="/abs/2503.${n}" class="text-[17px] font-semibold hover:underline" ${attr}>${esc(title)}</a><div class="text-sm text-gray-500">Jane Doe, Richard Roe</div></div>`;
    return card(expect(p), p.title, i) + card(NEG, input.others[(i + 37) % input.others.length]!, i + 500);
  });
  return { name: 'alphaXiv', adapter: alphaxiv, html: `<html><body><div id="root"><main>${cards.join('\n')}</main></div></body></html>` };
}

/** Every eval page: saved pages first (skipped when absent), then real excerpts, then reconstructions. */
export function evalPages(input: EvalInput): EvalPage[] {
  return [
    ...arxivSavedListing(input),
    arxivListing2025(input),
    arxivRawTex(input),
    ...arxivSavedAbs(input),
    arxivSearch2025(input),
    ...scholarSaved(input),
    scholar2026(input),
    ...huggingfaceSaved(input),
    ...realExcerptPages(input),
    githubReadme(input),
    hackerNews(input),
    redditNew(input),
    redditOld(input),
    xTimeline(input),
    semanticScholar(input),
    openReview(input),
    alphaXiv(input),
  ];
}
