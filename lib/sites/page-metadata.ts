import { idsFromUrl } from '../library/identity';
import type { SavePaperInput, VisitInput } from '../notes/model';

/** A paper as its own page describes it; what "Save to PaperLens" sends to the background. */
export type PageMetadata = SavePaperInput;

/** Hugging Face prefixes every paper page's title with this. */
const HF_TITLE_PREFIX = /^paper page\s*[-–—:]\s*/i;
/** Hugging Face's generic description, which is not the abstract. */
const GENERIC_DESCRIPTION = /^join the discussion on this paper page/i;

const ARXIV_ABS_PATH = /^\/abs\/([^?#]+?)\/?$/;
const HF_PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5})\/?$/;
const ARXIV_ID = /^\d{4}\.\d{4,5}(v\d+)?$|^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/;

/** Pages the save control runs on: arXiv abstract pages and Hugging Face paper pages. */
export function isPaperPage(url: URL): boolean {
  const host = url.hostname.replace(/^www\./, '');
  return (host === 'arxiv.org' && ARXIV_ABS_PATH.test(url.pathname)) || (host === 'huggingface.co' && HF_PAPER_PATH.test(url.pathname));
}

function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`);
  const content = el?.getAttribute('content')?.trim();
  return content ? content : null;
}

function metas(doc: Document, name: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${name}"]`)]
    .map((el) => el.getAttribute('content')?.trim() ?? '')
    .filter(Boolean);
}

/** Page text as one line: abstracts and titles wrap in the HTML source. */
function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The abstract from the page body, without the "Abstract:" label arXiv puts inside it. */
function abstractBlock(doc: Document): string {
  const arxiv = doc.querySelector('blockquote.abstract');
  if (arxiv) {
    const copy = arxiv.cloneNode(true) as Element;
    copy.querySelector('.descriptor')?.remove();
    return clean(copy.textContent);
  }
  // Hugging Face: an "Abstract" heading followed by the text.
  for (const heading of doc.querySelectorAll('h2, h3')) {
    if (clean(heading.textContent).toLowerCase() === 'abstract') {
      const next = heading.nextElementSibling;
      if (next) return clean(next.textContent);
    }
  }
  return '';
}

/**
 * arXiv's "Subjects" line starts with the primary one: `Machine Learning (cs.LG)`. On an
 * abstract page, or inside one listing entry.
 */
export function arxivClassOf(root: ParentNode): string | undefined {
  const primary = /\(([a-z-]+(?:\.[A-Za-z-]+)?)\)\s*$/.exec(clean(root.querySelector('.primary-subject')?.textContent));
  return primary?.[1];
}

function arxivIdOf(doc: Document, url: URL): string | undefined {
  const fromMeta = meta(doc, 'citation_arxiv_id');
  if (fromMeta && ARXIV_ID.test(fromMeta)) return fromMeta;
  const path = ARXIV_ABS_PATH.exec(url.pathname)?.[1] ?? HF_PAPER_PATH.exec(url.pathname)?.[1];
  return path && ARXIV_ID.test(path) ? path : undefined;
}

/**
 * Reads a paper from an arXiv abstract page or a Hugging Face paper page: `citation_*` meta
 * tags first (what both sites publish for reference managers), then `og:` tags, then the page
 * body. Null when the page does not name a paper.
 */
export function readPageMetadata(doc: Document, href: string): PageMetadata | null {
  const url = new URL(href);
  if (!isPaperPage(url)) return null;
  const title = clean(
    meta(doc, 'citation_title') ??
      meta(doc, 'og:title')?.replace(HF_TITLE_PREFIX, '') ??
      (doc.querySelector('h1.title') ?? doc.querySelector('main h1'))?.textContent?.replace(/^\s*Title:\s*/, ''),
  );
  if (!/[\p{L}\p{N}]/u.test(title)) return null;

  const description = meta(doc, 'citation_abstract') ?? meta(doc, 'og:description') ?? meta(doc, 'description');
  const abstract = clean(
    description && !GENERIC_DESCRIPTION.test(description) && description.length > 80 ? description : abstractBlock(doc),
  );

  const result: PageMetadata = { title, abstract, url: `${url.origin}${url.pathname}` };
  const arxivId = arxivIdOf(doc, url);
  if (arxivId) result.arxivId = arxivId;
  const arxivClass = arxivClassOf(doc);
  if (arxivClass) result.arxivClass = arxivClass;
  const authors = metas(doc, 'citation_author');
  if (authors.length) result.authors = authors;
  const date = meta(doc, 'citation_date') ?? meta(doc, 'citation_publication_date') ?? meta(doc, 'citation_online_date');
  const year = date ? /\b(\d{4})\b/.exec(date)?.[1] : undefined;
  if (year) result.year = Number(year);
  return result;
}

/** A paper page the user opened, as the reading history takes it (the background resolves the paper). */
export type PageVisit = VisitInput;

/** Hosts whose paper pages count as reading the paper (a DOI resolver only redirects). */
const READING_HOSTS = new Set(['arxiv.org', 'export.arxiv.org', 'huggingface.co', 'alphaxiv.org']);
/** arXiv's listings and search also live under arxiv.org: only these paths show one paper. */
const ARXIV_READING_PATH = /^\/(abs|html|pdf)\//;

/**
 * The visit an opened page stands for, or null when the page shows no one paper: arXiv
 * abstract, HTML and PDF pages, Hugging Face paper pages, alphaXiv abstract pages. The id comes
 * from the address (a PDF gives nothing else); title, authors and abstract from the page where
 * it has them (abstract and Hugging Face pages through {@link readPageMetadata}, the HTML view's
 * title heading).
 */
export function readVisit(doc: Document, href: string): PageVisit | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\./, '');
  if (!READING_HOSTS.has(host) || (host.endsWith('arxiv.org') && !ARXIV_READING_PATH.test(url.pathname))) return null;
  const arxivId = idsFromUrl(href)?.arxivId;
  if (!arxivId) return null;
  const visit: PageVisit = { url: `${url.origin}${url.pathname}`, arxivId };
  const meta = readPageMetadata(doc, href);
  if (meta) {
    visit.title = meta.title;
    if (meta.authors) visit.authors = meta.authors;
    if (meta.abstract) visit.abstract = meta.abstract;
  } else if (url.pathname.startsWith('/html/')) {
    const title = clean(doc.querySelector('h1.ltx_title_document')?.textContent);
    if (/[\p{L}\p{N}]/u.test(title)) visit.title = title;
  }
  return visit;
}

/* Test URLs

https://arxiv.org/abs/2106.09608
https://arxiv.org/abs/2106.09608v2
https://huggingface.co/papers/2405.04517
https://arxiv.org/html/2405.04517v1
https://arxiv.org/pdf/2405.04517v2
https://www.alphaxiv.org/abs/2405.04517

*/
