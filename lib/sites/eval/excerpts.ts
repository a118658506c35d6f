/**
 * Recognition eval pages built on real markup: the excerpts in lib/sites/fixtures (each file names
 * the public repository, path and commit it was cut from, and what was trimmed). Their entries are
 * cloned and given planted catalog titles or real non-catalog titles; every element, class and
 * attribute around the text stays as the site shipped it.
 */
import { parseHTML } from 'linkedom';
import type { Paper } from '../../catalog/types';
import { alphaxiv } from '../alphaxiv';
import { reddit } from '../reddit';
import { semanticscholar } from '../semanticscholar';
import { x } from '../x';
import { NEG, esc, longEnough, pick, prose, socialCut, type EvalInput, type EvalPage } from './plant';
import { truncatedTitle } from './variants';

const EXPECT = 'data-eval-expect';
const NEGATIVE = NEG;

function load(input: EvalInput, name: string): Document {
  return parseHTML(`<html><body>${input.excerpt(name)}</body></html>`).document as unknown as Document;
}

function mark(el: Element, paper: Paper | null): void {
  if (paper) el.setAttribute(EXPECT, paper.id);
  else el.setAttribute(NEGATIVE, '');
}

/** Clones `template` after `after` (or the last clone), the copies keeping the real markup. */
function cloneAfter(template: Element, after: Element): Element {
  const copy = template.cloneNode(true) as Element;
  after.after(copy);
  return copy;
}

/**
 * A title as Semantic Scholar's results show it: the searched words each in `<em>`, a space
 * between them in its own span, the rest in spans, trailing punctuation outside the `<em>`
 * ("<em>Ego</em><span> </span><em>depletion</em><span>: is the active self…</span>").
 */
export function s2TitleHtml(title: string, n: number): string {
  const words = title.split(' ');
  if (words.length < 3) return `<span>${esc(title)}</span>`;
  const at = n % (words.length - 1);
  const [, second = '', punct = ''] = /^(.*?)([:,.;?!]*)$/.exec(words[at + 1]!)!;
  const before = words.slice(0, at).join(' ');
  const after = punct + (at + 2 < words.length ? ` ${words.slice(at + 2).join(' ')}` : '');
  return (
    (before ? `<span>${esc(before)} </span>` : '') +
    `<em>${esc(words[at]!)}</em><span> </span><em>${esc(second)}</em>` +
    (after ? `<span>${esc(after)}</span>` : '')
  );
}

/** Semantic Scholar search results 2026: the three real rows, then clones with planted and other titles. */
function semanticScholarReal(input: EvalInput): EvalPage {
  const doc = load(input, 'semanticscholar-search-2026.html');
  const rows = Array.from(doc.querySelectorAll('.cl-paper-row'));
  for (const row of rows) mark(row, null);
  const planted = pick(input.papers, 40, 59);
  let last = rows[rows.length - 1]!;
  planted.forEach((p, i) => {
    for (const [paper, title] of [[p, p.title], [null, input.others[(i + 5) % input.others.length]!]] as const) {
      const row = cloneAfter(rows[i % rows.length]!, last);
      row.removeAttribute(NEGATIVE);
      mark(row, paper);
      row.querySelector('h2.cl-paper-title > span')!.innerHTML = s2TitleHtml(title, i);
      last = row;
    }
  });
  return { name: 'Semantic Scholar search 2026 (real excerpt)', adapter: semanticscholar, html: doc.toString() };
}

/**
 * Old Reddit 2018: the real post entry and five real comments, then clones of the post entry
 * titled with catalog papers ("[R] <title>") or other titles, and of the comments citing papers.
 */
function redditOldReal(input: EvalInput): EvalPage {
  const doc = load(input, 'reddit-old-comments-2018.html');
  const post = doc.querySelector('.thing.link')!;
  mark(post.querySelector('p.title')!, null);
  let lastPost = post;
  pick(input.papers.filter(longEnough), 15, 79).forEach((p, i) => {
    for (const [paper, title] of [[p, `[R] ${p.title}`], [null, `[D] ${input.others[(i + 17) % input.others.length]!}`]] as const) {
      const copy = cloneAfter(post, lastPost);
      const heading = copy.querySelector('p.title')!;
      heading.removeAttribute(NEGATIVE);
      mark(heading, paper);
      heading.querySelector('a.title')!.textContent = title;
      lastPost = copy;
    }
  });
  const things = Array.from(doc.querySelectorAll('.thing.comment'));
  for (const t of things) mark(t.querySelector('.usertext-body')!, null);
  const planted = pick(input.papers.filter(longEnough), 30, 67);
  const bodies: [Paper | null, string][] = planted.map((p, i) => {
    const cut = socialCut(p, i);
    const forms = [
      `<p>${esc(cut.text)} <a href="https://${cut.link}">https://${cut.link}</a></p>`,
      `<p>Have a look at <em>${esc(p.title)}</em>.</p>`,
      `<blockquote>\n<p>${esc(p.title)}</p>\n</blockquote>\n\n<p>This one, from last year.</p>`,
    ];
    return [p, forms[i % forms.length]!];
  });
  const negatives: [Paper | null, string][] = [
    ...prose(input.papers, 20, 31).map((t): [null, string] => [null, `<p>${esc(t)}</p>`]),
    ...input.others.slice(0, 10).map((t): [null, string] => [null, `<p>Have a look at <em>${esc(t)}</em>.</p>`]),
  ];
  let last = things[things.length - 1]!.nextElementSibling ?? things[things.length - 1]!;
  [...bodies, ...negatives].forEach(([paper, body], i) => {
    const thing = cloneAfter(things[i % things.length]!, last);
    const box = thing.querySelector('.usertext-body')!;
    box.removeAttribute(NEGATIVE);
    mark(box, paper);
    box.querySelector('.md')!.innerHTML = `${body}\n`;
    last = thing;
  });
  return { name: 'Reddit (old) 2018 (real excerpt)', adapter: reddit, html: doc.toString() };
}

/**
 * X timeline 2023: the two real posts, then clones of the first (text and a link, the link's
 * `https://` in an `aria-hidden` span) quoting catalog titles, and of the second (a link card:
 * domain, title, description) whose card shows a paper's title as arXiv's link preview does.
 */
function xReal(input: EvalInput): EvalPage {
  const doc = load(input, 'x-timeline-2023.html');
  const [withLink, withCard] = Array.from(doc.querySelectorAll('article[data-testid="tweet"]'));
  const cell = withLink!.closest('[data-testid="cellInnerDiv"]')!;
  for (const text of doc.querySelectorAll('[data-testid="tweetText"]')) mark(text, null);
  const planted = pick(input.papers.filter(longEnough), 60, 71);
  let last: Element = withCard!;
  const linkPost = (paper: Paper | null, text: string, url: string) => {
    const copy = cloneAfter(cell, last);
    const body = copy.querySelector('[data-testid="tweetText"]')!;
    body.removeAttribute(NEGATIVE);
    mark(body, paper);
    body.querySelector(':scope > span')!.textContent = `${text}\n    `;
    const link = body.querySelector('a')!;
    link.lastChild!.textContent = url;
    last = copy;
  };
  const cardPost = (paper: Paper | null, comment: string, title: string) => {
    const copy = cloneAfter(withCard!, last);
    copy.querySelector('[data-testid="tweetText"]')!.removeAttribute(NEGATIVE);
    copy.querySelector('[data-testid="tweetText"] > span')!.textContent = comment;
    const card = copy.querySelector('[data-testid="card.wrapper"]')!;
    mark(card, paper);
    const [domain, cardTitle, description] = Array.from(card.querySelectorAll('[data-testid="card.layoutSmall.detail"] > div span span'));
    domain!.textContent = 'arxiv.org';
    cardTitle!.textContent = title;
    description!.textContent = 'Abstract: We study a problem and propose a method that improves on the baseline.';
    last = copy;
  };
  planted.forEach((p, i) => {
    const url = `arxiv.org/abs/2403.${String(10000 + i).slice(1)}`;
    if (i % 4 === 3) return cardPost(p, 'Worth a read', p.title);
    const forms = [`New paper: ${p.title}`, `“${truncatedTitle(p.title, 6 + (i % 3), i)}”`, `"${truncatedTitle(p.title, 7, i + 1)}"`];
    linkPost(p, forms[i % 3]!, url);
  });
  prose(input.papers, 20, 37).forEach((t, i) => linkPost(null, t, `arxiv.org/abs/2404.${String(10000 + i).slice(1)}`));
  input.others.slice(0, 15).forEach((t, i) => (i % 2 ? cardPost(null, 'Worth a read', t) : linkPost(null, `“${truncatedTitle(t, 6, i)}”`, 'arxiv.org/abs/2405.01234')));
  return { name: 'X timeline 2023 (real excerpt)', adapter: x, html: doc.toString() };
}

/**
 * alphaXiv explore feed 2026: the real card, then clones whose title (in the card's /abs/ link)
 * is a planted or another title. Planted cards link the paper's own arXiv id when the catalog
 * knows it, as alphaXiv does; the rest link ids of June 2026, past the catalog's papers.
 */
function alphaXivReal(input: EvalInput): EvalPage {
  const doc = load(input, 'alphaxiv-explore-2026.html');
  const card = doc.querySelector('div.rounded-xl')!;
  mark(card, null);
  let last = card;
  pick(input.papers, 30, 73).forEach((p, i) => {
    for (const [paper, title] of [[p, p.title], [null, input.others[(i + 11) % input.others.length]!]] as const) {
      const copy = cloneAfter(card, last);
      copy.removeAttribute(NEGATIVE);
      mark(copy, paper);
      const id = paper?.arxivId ?? `2606.${String(20000 + 2 * i + (paper ? 0 : 1))}`;
      for (const a of copy.querySelectorAll('a[href*="2606.15956"]')) a.setAttribute('href', a.getAttribute('href')!.replace('2606.15956', id));
      copy.querySelector('.tiptap.html-renderer')!.textContent = title;
      copy.querySelector('p.line-clamp-4 > span')!.textContent = 'Researchers propose a method and show it improves on the baseline across benchmarks.';
      last = copy;
    }
  });
  return { name: 'alphaXiv explore 2026 (real excerpt)', adapter: alphaxiv, html: doc.toString() };
}

/** Every page built on a real excerpt. */
export function realExcerptPages(input: EvalInput): EvalPage[] {
  return [semanticScholarReal(input), redditOldReal(input), xReal(input), alphaXivReal(input)];
}
