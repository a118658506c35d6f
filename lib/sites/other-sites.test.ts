import { describe, expect, it } from 'vitest';
import { alphaxiv } from './alphaxiv';
import { adapterFor, SITES } from './registry';
import { hackernews } from './hackernews';
import { openreview } from './openreview';
import { reddit } from './reddit';
import { semanticscholar } from './semanticscholar';
import { paper, scanPage } from './testing';
import { x } from './x';

const autoformer = paper('Autoformer');
const bytes = paper('Bytes Are All You Need');
const OTHER = 'A Paper That Is Not In The Catalog';

describe('site registry', () => {
  it('lists every default site with http and https patterns', () => {
    expect(SITES.map((s) => s.id)).toEqual([
      'arxiv', 'huggingface', 'scholar', 'semanticscholar', 'openreview', 'alphaxiv', 'github', 'hackernews', 'reddit', 'x',
    ]);
    for (const site of SITES) for (const p of site.patterns) expect(p.startsWith('*://')).toBe(true);
  });

  it('picks the site adapter, or the generic scanner on other sites', () => {
    expect(adapterFor(new URL('http://news.ycombinator.com/item?id=1')).id).toBe('hackernews');
    expect(adapterFor(new URL('https://old.reddit.com/r/MachineLearning/')).id).toBe('reddit');
    expect(adapterFor(new URL('https://huggingface.co/models')).id).toBe('generic');
    expect(adapterFor(new URL('https://blog.example.org/post')).id).toBe('generic');
  });
});

describe('adapters on their sites’ markup', () => {
  it('Hacker News: story titles and comments', () => {
    const { ids } = scanPage(
      `<table><tr class="athing"><td class="title"><span class="titleline"><a href="https://arxiv.org/abs/2306.00978">${autoformer.title}</a> <span class="sitebit">(arxiv.org)</span></span></td></tr>
       <tr class="athing"><td class="title"><span class="titleline"><a href="x">${OTHER}</a></span></td></tr></table>
       <div class="comment"><div class="commtext c00">Compare with "${bytes.title}" from Apple.</div></div>`,
      hackernews,
    );
    expect(ids).toEqual([autoformer.id, bytes.id]);
  });

  it('Reddit: post titles (new and old) and comment bodies', () => {
    const { ids } = scanPage(
      `<shreddit-post><a slot="title" href="/r/ML/1">[R] ${autoformer.title}</a></shreddit-post>
       <p class="title"><a class="title" href="/r/ML/2">${OTHER}</a></p>
       <div slot="comment"><p>Isn't this just ${bytes.title}?</p></div>`,
      reddit,
    );
    expect(ids).toEqual([autoformer.id, bytes.id]);
  });

  it('X: post text', () => {
    const { ids } = scanPage(
      `<article><div data-testid="tweetText"><span>New paper: ${bytes.title} 🧵</span></div></article>`,
      x,
    );
    expect(ids).toEqual([bytes.id]);
  });

  it('Semantic Scholar, OpenReview and alphaXiv: their title elements', () => {
    expect(
      scanPage(
        `<a data-test-id="title-link" href="/paper/1"><h2 class="cl-paper-title">${autoformer.title}</h2></a>`,
        semanticscholar,
      ).ids,
    ).toEqual([autoformer.id]);
    expect(
      scanPage(`<div class="note"><h4><a href="/forum?id=1">${bytes.title}</a></h4></div>`, openreview).ids,
    ).toEqual([bytes.id]);
    expect(scanPage(`<a href="/abs/2106.13008">${autoformer.title}</a><h1>${OTHER}</h1>`, alphaxiv).ids).toEqual([
      autoformer.id,
    ]);
  });
});
