import { parseArxivId } from '../library/identity';
import { ARXIV_CLASS, type SavePaperInput } from '../notes/model';
import { arxivClassOf } from './page-metadata';
import { arxivIdAt, hostIs } from './types';

/**
 * The entries of arXiv listings (`/list/…`) and search results (`/search/…`) as a save control
 * needs them: the paper as the page describes it (id, title, authors, abstract when shown) and
 * where a control can sit without moving the entry. Three markups: arXiv's listings (`<dt>` with
 * the id links, `<dd>` with the metadata), its search results (`li.arxiv-result`), and digests
 * built from listing markup (`div.meta`, the id links inside the title).
 */

/** One entry of a listing or search page. */
export interface ListingEntry {
  /** The element holding the title: the one the scan marks. */
  title: Element;
  /** Where a control goes: before `before` in `parent` (null: at its end), at the end of the entry's id line. */
  slot: { parent: Node; before: Node | null };
  paper: SavePaperInput;
}

const ORIGIN = 'https://arxiv.org/';
const ABS_LINK = 'a[href*="/abs/"]';
/** The id and format links a digest leaves after the title: `[arXiv:2301.09637] [pdf]`. */
const ID_LINKS_AFTER = /(?:\s*\[\s*(?:arXiv:\s*\S+?|pdf|html|other)(?:\s*,\s*(?:pdf|html|other))*\s*\])+\s*$/i;
/** `Title:` and a listing number (`[12]`) in front of a title. */
const TITLE_BEFORE = /^\s*(?:title\s*:\s*)?(?:\[\d+\]\s*)?/i;
/** The links search results put after an abstract to fold it. */
const FOLD_LINKS = /\s*[△▽]\s*(?:Less|More)\s*$/;

/** Listing and search pages of arXiv (and its export mirror). */
export function isListingPage(url: URL): boolean {
  return hostIs(url, 'arxiv.org', 'export.arxiv.org') && /^\/(?:list|search)(?:\/|$)/.test(url.pathname);
}

/** Page text as one line. */
function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of `el` without its `.descriptor` labels ("Authors:", "Abstract:"). */
function textWithoutLabels(el: Element | null | undefined): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const label of copy.querySelectorAll('.descriptor')) label.remove();
  return clean(copy.textContent);
}

function titleText(el: Element): string {
  return clean(el.textContent).replace(TITLE_BEFORE, '').replace(ID_LINKS_AFTER, '').trim();
}

/** Author names: the links where the page links each name, else the comma-separated text. */
function authorsOf(el: Element | null | undefined): string[] {
  if (!el) return [];
  const linked = [...el.querySelectorAll('a')].map((a) => clean(a.textContent)).filter(Boolean);
  if (linked.length > 0) return linked;
  return textWithoutLabels(el)
    .replace(/^authors\s*:\s*/i, '')
    .split(/\s*,\s*|\s+and\s+/)
    .filter(Boolean);
}

/** The character after the last non-blank text in `el`, where an inline control ends its last line. */
function afterLastText(el: Element): { parent: Node; before: Node | null } {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) last = n;
  return last?.parentNode ? { parent: last.parentNode, before: last.nextSibling } : { parent: el, before: null };
}

/** What an entry says besides its title and id. */
interface Described {
  authors: string[];
  abstract: string;
  /** The primary category (`cs.LG`), kept for the BibTeX export's primaryClass. */
  arxivClass: string | undefined;
}

function entry(title: Element, arxivId: string | undefined, slot: ListingEntry['slot'], { authors, abstract, arxivClass }: Described): ListingEntry | null {
  const id = arxivId ? parseArxivId(arxivId) : null;
  const text = titleText(title);
  if (!id || !/[\p{L}\p{N}]/u.test(text)) return null;
  const paper: SavePaperInput = { title: text, url: `${ORIGIN}abs/${id}`, abstract, arxivId: id };
  if (arxivClass && ARXIV_CLASS.test(arxivClass)) paper.arxivClass = arxivClass;
  if (authors.length > 0) paper.authors = authors;
  return { title, slot, paper };
}

/** The title elements of a listing's or search page's entries, in page order: one selector, nothing read yet. */
export function listingTitles(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('div.list-title, li.arxiv-result p.title'));
}

/**
 * The title of the listing or search entry an element sits in (one of the entry's links, its
 * authors line), if any: the `<dt>` of ids reaches its `<dd>`'s title, the rest their own part's.
 */
export function listingTitleAround(el: Element): Element | null {
  const part = el.closest('dt, dd, div.meta, li.arxiv-result');
  if (!part) return null;
  if (part.tagName === 'DT') return part.nextElementSibling?.tagName === 'DD' ? part.nextElementSibling.querySelector('div.list-title') : null;
  return part.querySelector('div.list-title, p.title');
}

/**
 * The entry a title of {@link listingTitles} heads: the paper as the page describes it and where
 * its control goes; null without an id (or without title text).
 */
export function listingEntry(title: Element): ListingEntry | null {
  const result = title.closest('li.arxiv-result');
  if (result) {
    const idLine = result.querySelector('.is-marginless') ?? result.querySelector('p.list-title');
    if (!idLine) return null;
    const full = result.querySelector('.abstract-full') ?? result.querySelector('.abstract-short');
    return entry(
      title,
      arxivIdAt(result.querySelector(`p.list-title ${ABS_LINK}`)?.getAttribute('href'), ORIGIN),
      { parent: idLine, before: null },
      {
        authors: authorsOf(result.querySelector('p.authors')),
        abstract: clean(full?.textContent).replace(FOLD_LINKS, ''),
        // The first tag is the primary category.
        arxivClass: clean(result.querySelector('.tags .tag')?.textContent) || undefined,
      },
    );
  }
  const dd = title.closest('dd');
  const dt = dd?.previousElementSibling;
  if (dd && dt?.tagName === 'DT') {
    const meta = title.closest('.meta') ?? dd;
    return entry(
      title,
      arxivIdAt(dt.querySelector(ABS_LINK)?.getAttribute('href'), ORIGIN),
      { parent: dt, before: null },
      {
        authors: authorsOf(meta.querySelector('.list-authors')),
        // Only `/new` listings show abstracts, in a bare paragraph.
        abstract: clean(meta.querySelector(':scope > p')?.textContent),
        arxivClass: arxivClassOf(meta),
      },
    );
  }
  const meta = title.closest('.meta');
  return entry(
    title,
    arxivIdAt(title.querySelector(ABS_LINK)?.getAttribute('href'), ORIGIN),
    afterLastText(title),
    {
      authors: authorsOf(meta?.querySelector('.list-authors')),
      abstract: textWithoutLabels(meta?.querySelector('.list-abs')),
      arxivClass: undefined,
    },
  );
}

/**
 * Every entry of a listing or search results page, in page order; entries without an id are
 * left out, and so are those whose title `skip` names.
 */
export function listingEntries(root: ParentNode, skip: (title: Element) => boolean = () => false): ListingEntry[] {
  const out: ListingEntry[] = [];
  for (const title of listingTitles(root)) {
    if (skip(title)) continue;
    const found = listingEntry(title);
    if (found) out.push(found);
  }
  return out;
}

/* Test URLs

https://arxiv.org/list/cs.LG/new
https://arxiv.org/list/cs.CV/pastweek?skip=0&show=2000
https://arxiv.org/search/?query=vision+transformer&searchtype=all&abstracts=show

*/
