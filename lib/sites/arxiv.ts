import { parseArxivId } from '../library/identity';
import { all, arxivIdAt, hostIs, type SiteAdapter } from './types';

/** Relative links on arXiv's pages are arxiv.org links. */
const ORIGIN = 'https://arxiv.org/';
const ABS_LINK = 'a[href*="/abs/"]';

/** The paper an abstract page is about: the meta tag arXiv publishes for reference managers, else its `og:url`. */
function pageArxivId(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[name="citation_arxiv_id"]')?.getAttribute('content');
  const fromMeta = meta ? parseArxivId(meta) : null;
  if (fromMeta) return fromMeta;
  return arxivIdAt(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), ORIGIN);
}

/**
 * The id beside a title: a listing entry's `<dt>` (arXiv's listing markup since 2009), a search
 * result's `p.list-title`, a title holding its own abstract link (digests in listing markup),
 * or the abstract page's own paper.
 */
function arxivIdOf(title: Element): string | undefined {
  const dd = title.closest('dd');
  const dt = dd?.previousElementSibling;
  if (dt?.tagName === 'DT') return arxivIdAt(dt.querySelector(ABS_LINK)?.getAttribute('href'), ORIGIN);
  const result = title.closest('li.arxiv-result');
  if (result) return arxivIdAt(result.querySelector(`p.list-title ${ABS_LINK}`)?.getAttribute('href'), ORIGIN);
  const own = title.querySelector(ABS_LINK);
  if (own) return arxivIdAt(own.getAttribute('href'), ORIGIN);
  if (title.matches('h1.title')) return pageArxivId(title.ownerDocument);
  return undefined;
}

/**
 * arXiv: abstract pages (`h1.title`, "Title:" descriptor inside), listings (`div.list-title`,
 * up to `show=2000` entries), search results (`p.title`), and the HTML full-text view (the
 * document title and every reference-list entry).
 */
export const arxiv: SiteAdapter = {
  id: 'arxiv',
  label: 'arXiv',
  patterns: ['*://arxiv.org/*', '*://www.arxiv.org/*', '*://export.arxiv.org/*'],
  matches: (url) => hostIs(url, 'arxiv.org', 'export.arxiv.org'),
  candidates: (root) => {
    // Listings (up to 2,000 entries) are the big pages: one simple selector is 3x faster there
    // than the whole list below.
    const listing = all(root, 'div.list-title');
    if (listing.length > 0) return listing;
    return all(
      root,
      [
        'h1.title',
        'li.arxiv-result p.title',
        'h1.ltx_title_document',
        // LaTeXML puts the title of a reference in its own block in most bibliography styles.
        '.ltx_bibitem .ltx_bibblock',
      ].join(','),
    );
  },
  // Reference styles that quote titles inside one block ("…," in IEEE style) are running text.
  textRoots: (root) => all(root, '.ltx_bibliography'),
  arxivIdOf,
  // Listings (`#dlpage` `<dt>` id lines, digests' titles) and search results: id, format and author links.
  entryLinks: '#dlpage dt a, .list-title a, .list-authors a, li.arxiv-result p.list-title a, li.arxiv-result p.authors a',
};

/* Test URLs

https://arxiv.org/abs/2106.09685
https://arxiv.org/list/cs.LG/new
https://arxiv.org/list/cs.CV/pastweek?skip=0&show=2000
https://arxiv.org/search/?query=vision+transformer&searchtype=all
https://arxiv.org/html/2405.04517

*/
