import { all, hostIs, type SiteAdapter } from './types';

/** Semantic Scholar: search results, citation lists and the paper page's heading. */
export const semanticscholar: SiteAdapter = {
  id: 'semanticscholar',
  label: 'Semantic Scholar',
  patterns: ['*://www.semanticscholar.org/*'],
  matches: (url) => hostIs(url, 'semanticscholar.org'),
  candidates: (root) =>
    all(root, '[data-test-id="title-link"], [data-test-id="paper-detail-title"], .cl-paper-title'),
  textRoots: () => [],
};

/* Test URLs

https://www.semanticscholar.org/search?q=attention%20is%20all%20you%20need
https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776

*/
