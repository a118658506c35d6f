import { all, hostIs, type SiteAdapter } from './types';

/** X (Twitter): post text, an infinite timeline watched by the content script's observer. */
export const x: SiteAdapter = {
  id: 'x',
  label: 'X',
  patterns: ['*://x.com/*', '*://twitter.com/*'],
  matches: (url) => hostIs(url, 'x.com', 'twitter.com'),
  candidates: () => [],
  textRoots: (root) => all(root, '[data-testid="tweetText"]'),
};

/* Test URLs

https://x.com/_akhaliq
https://x.com/search?q=arxiv.org

*/
