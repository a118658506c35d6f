import { all, hostIs, type SiteAdapter } from './types';

/**
 * Google Scholar results: the title link in `h3.gs_rt`, or its `span[id]` for citations
 * without a link. `<b>` highlights are inside; the `[PDF]` tags are siblings.
 */
export const scholar: SiteAdapter = {
  id: 'scholar',
  label: 'Google Scholar',
  patterns: ['*://scholar.google.com/*'],
  matches: (url) => hostIs(url, 'scholar.google.com'),
  candidates: (root) => all(root, 'h3.gs_rt > a, h3.gs_rt > span[id]'),
  textRoots: () => [],
};

/* Test URLs

https://scholar.google.com/scholar?q=attention+is+all+you+need
https://scholar.google.com/scholar?cites=2960712678066186980

*/
