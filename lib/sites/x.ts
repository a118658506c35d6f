import { all, hostIs, type SiteAdapter } from './types';

/**
 * A link card's title line: the small card's detail holds the domain, the linked page's title and
 * its description, in that order (real X markup of 2023, lib/sites/fixtures/x-timeline-2023.html).
 * A post linking an arXiv paper shows the paper's title there, often with no title in the text.
 */
const CARD_TITLE = '[data-testid="card.layoutSmall.detail"] > div:nth-child(2)';

/** X (Twitter): post text and link cards, an infinite timeline watched by the content script's observer. */
export const x: SiteAdapter = {
  id: 'x',
  label: 'X',
  patterns: ['*://x.com/*', '*://twitter.com/*'],
  matches: (url) => hostIs(url, 'x.com', 'twitter.com'),
  candidates: (root) => all(root, CARD_TITLE),
  textRoots: (root) => all(root, '[data-testid="tweetText"]'),
};

/* Test URLs

https://x.com/_akhaliq
https://x.com/search?q=arxiv.org

*/
