import { all, hostIs, type SiteAdapter } from './types';

/** Reddit (new and old): post titles, post bodies and comments. */
export const reddit: SiteAdapter = {
  id: 'reddit',
  label: 'Reddit',
  patterns: ['*://www.reddit.com/*', '*://old.reddit.com/*'],
  matches: (url) => hostIs(url, 'reddit.com', 'old.reddit.com'),
  candidates: (root) => all(root, 'a[slot="title"], h1[slot="title"], a.title'),
  textRoots: (root) => all(root, '[slot="text-body"], [slot="comment"], .usertext-body .md'),
};

/* Test URLs

https://www.reddit.com/r/MachineLearning/
https://old.reddit.com/r/MachineLearning/comments/1b7nxqg/

*/
