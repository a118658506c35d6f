import { all, arxivIdAt, hostIs, type SiteAdapter } from './types';

const ORIGIN = 'https://huggingface.co/';

/** A paper card's link names its arXiv id (`/papers/2407.21783`); a paper page's `og:url` does. */
function arxivIdOf(title: Element): string | undefined {
  const link = title.closest('a[href^="/papers/"]');
  if (link) return arxivIdAt(link.getAttribute('href'), ORIGIN);
  return arxivIdAt(title.ownerDocument.querySelector('meta[property="og:url"]')?.getAttribute('content'), ORIGIN);
}

/**
 * Hugging Face papers: the daily list (`h3 > a[href^="/papers/"]`) and paper pages (`h1`).
 * Every title also sits in a JSON `data-props` attribute, which is never read.
 */
export const huggingface: SiteAdapter = {
  id: 'huggingface',
  label: 'Hugging Face papers',
  patterns: ['*://huggingface.co/papers*'],
  matches: (url) => hostIs(url, 'huggingface.co') && url.pathname.startsWith('/papers'),
  candidates: (root) => all(root, 'h3 > a[href^="/papers/"], main h1, a[href^="/papers/"] > h3'),
  textRoots: () => [],
  arxivIdOf,
};

/* Test URLs

https://huggingface.co/papers
https://huggingface.co/papers?date=2024-07-31
https://huggingface.co/papers/2407.21783

*/
