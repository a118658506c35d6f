import { hostIs, type SiteAdapter } from './types';

/**
 * Google Scholar results. A linked result's title is the heading's `a`, an older citation's a
 * `span[id]`; `<b>` highlights are inside, the `[PDF]` tags are siblings. Results without a
 * link (`[CITATION][C]`, and `[BOOK]`, `[HTML]`, `[PDF]` ones) put the title in the heading
 * itself as a plain text node after the tags: the heading is the candidate, the matcher strips
 * the tags and marks only the title's text.
 */
export const scholar: SiteAdapter = {
  id: 'scholar',
  label: 'Google Scholar',
  patterns: ['*://scholar.google.com/*'],
  matches: (url) => hostIs(url, 'scholar.google.com'),
  candidates: (root) =>
    Array.from(root.querySelectorAll('h3.gs_rt'), (heading) => {
      for (const child of heading.children) if (child.tagName === 'A' || (child.tagName === 'SPAN' && child.id)) return child;
      return heading;
    }),
  textRoots: () => [],
};

/* Test URLs

https://scholar.google.com/scholar?q=attention+is+all+you+need
https://scholar.google.com/scholar?cites=2960712678066186980

*/
