import { all, arxivIdAt, hostIs, type SiteAdapter } from './types';

const ORIGIN = 'https://www.alphaxiv.org/';

/** A paper card links to `/abs/<id>`; a paper page's `og:url` is its own `/abs/<id>`. */
function arxivIdOf(title: Element): string | undefined {
  const link = title.closest('a[href^="/abs/"]');
  if (link) return arxivIdAt(link.getAttribute('href'), ORIGIN);
  return arxivIdAt(title.ownerDocument.querySelector('meta[property="og:url"]')?.getAttribute('content'), ORIGIN);
}

/** alphaXiv: paper cards link to `/abs/<id>`; the paper page heads with the title. */
export const alphaxiv: SiteAdapter = {
  id: 'alphaxiv',
  label: 'alphaXiv',
  patterns: ['*://alphaxiv.org/*', '*://www.alphaxiv.org/*'],
  matches: (url) => hostIs(url, 'alphaxiv.org'),
  candidates: (root) => all(root, 'a[href^="/abs/"], h1'),
  textRoots: () => [],
  arxivIdOf,
};

/* Test URLs

https://www.alphaxiv.org/
https://www.alphaxiv.org/abs/1706.03762

*/
