import { all, hostIs, type SiteAdapter } from './types';

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
};

/* Test URLs

https://arxiv.org/abs/2106.09685
https://arxiv.org/list/cs.LG/new
https://arxiv.org/list/cs.CV/pastweek?skip=0&show=2000
https://arxiv.org/search/?query=vision+transformer&searchtype=all
https://arxiv.org/html/2405.04517

*/
