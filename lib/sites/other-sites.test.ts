import { describe, expect, it } from 'vitest';
import { alphaxiv } from './alphaxiv';
import { s2TitleHtml } from './eval/excerpts';
import { excerpt } from './eval/run';
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

/**
 * The same adapters on real markup: excerpts of saved pages committed in lib/sites/fixtures (each
 * names its source). A catalog title is planted into a real entry the way the recognition eval
 * plants them; the real entries left as shipped must stay unmarked.
 */
describe('adapters on real saved markup (lib/sites/fixtures)', () => {
  const page = (name: string) => `<html><body>${excerpt(name)}</body></html>`;
  const blockTexts = (html: string, adapter: Parameters<typeof scanPage>[1]) =>
    scanPage(html, adapter).scan.blocks.map((b) => b.text.replace(/\s+/g, ' ').trim());

  it('old Reddit 2018: the post title and comment bodies are read; titles planted into them are marked', () => {
    const html = page('reddit-old-comments-2018.html');
    const texts = blockTexts(html, reddit);
    expect(texts).toContain('Ben is very proud of himself for learning to go on walks');
    expect(texts).toContain("He's very cute. My son is named Ben.");
    expect(scanPage(html, reddit).ids).toEqual([]);
    const asPost = html.replace('>Ben is very proud of himself for learning to go on walks</a>', `>[R] ${bytes.title}</a>`);
    expect(scanPage(asPost, reddit).ids).toEqual([bytes.id]);
    const planted = html.replace('<p>I swear i have the same cat</p>', `<p>Have a look at <em>${autoformer.title}</em>.</p>`);
    const { ids, marks } = scanPage(planted, reddit);
    expect(ids).toEqual([autoformer.id]);
    expect(marks[0]!.closest('.thing')!.id).toBe('thing_t1_dxrkgwk');
  });

  it('X 2023: post text (link text after an aria-hidden "https://") and the small link card title', () => {
    const html = page('x-timeline-2023.html');
    const texts = blockTexts(html, x);
    expect(texts).toContain('website and broadcast lichess.org');
    expect(texts).toContain('Egypt bans niqab in schools');
    expect(scanPage(html, x).ids).toEqual([]);
    const inText = html.replace('website and broadcast\n', `New paper: ${bytes.title}\n`);
    expect(scanPage(inText, x).ids).toEqual([bytes.id]);
    const inCard = html.replace('>Egypt bans niqab in schools<', `>${autoformer.title}<`);
    const { ids, marks } = scanPage(inCard, x);
    expect(ids).toEqual([autoformer.id]);
    expect(marks[0]!.closest('[data-testid="card.wrapper"]')).not.toBeNull();
  });

  it('Semantic Scholar 2026: result titles split by the query words in <em> read as one title', () => {
    const html = page('semanticscholar-search-2026.html');
    expect(blockTexts(html, semanticscholar)).toEqual(
      expect.arrayContaining([
        'Ego depletion: is the active self a limited resource?',
        'Self-control and limited willpower: Current status of ego depletion theory and research.',
      ]),
    );
    expect(scanPage(html, semanticscholar).ids).toEqual([]);
    const planted = html.replace(
      '<span class=""><span>Self-control and limited willpower: Current status of </span><em>ego</em><span> </span><em>depletion</em><span> theory and research.</span></span>',
      `<span class="">${s2TitleHtml(autoformer.title, 1)}</span>`,
    );
    const { ids, marks } = scanPage(planted, semanticscholar);
    expect(ids).toEqual([autoformer.id]);
    expect(marks[0]!.closest('.cl-paper-row')!.getAttribute('data-paper-id')).toBe('01e27939e93cfafd17ae9a73d78c9d6a9c2212f4');
  });

  it('alphaXiv 2026: the explore card’s title, inside its /abs/ link, with the id the link names', () => {
    const html = page('alphaxiv-explore-2026.html');
    const { scan, ids } = scanPage(html, alphaxiv, { url: 'https://www.alphaxiv.org/' });
    expect(scan.blocks.map((b) => b.text.trim())).toContain(
      "You Don't Need Strong Assumptions: Visual Representation Learning via Temporal Differences",
    );
    expect(ids).toEqual([]);
    const link = scanPage(html, alphaxiv).document.querySelector('a[href^="/abs/"]')!;
    expect(alphaxiv.arxivIdOf!(link)).toBe('2606.15956');
    const planted = html.replace(
      "You Don't Need Strong Assumptions: Visual Representation Learning via Temporal Differences",
      autoformer.title,
    );
    expect(scanPage(planted, alphaxiv, { url: 'https://www.alphaxiv.org/' }).ids).toEqual([autoformer.id]);
  });
});
