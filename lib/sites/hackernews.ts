import { all, hostIs, type SiteAdapter } from './types';

/** Hacker News: story titles (`.titleline > a`) and comment text. */
export const hackernews: SiteAdapter = {
  id: 'hackernews',
  label: 'Hacker News',
  patterns: ['*://news.ycombinator.com/*'],
  matches: (url) => hostIs(url, 'news.ycombinator.com'),
  candidates: (root) => all(root, '.titleline > a'),
  textRoots: (root) => all(root, '.commtext, .toptext'),
};

/* Test URLs

https://news.ycombinator.com/
https://news.ycombinator.com/item?id=39386156

*/
