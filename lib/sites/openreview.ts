import { all, hostIs, type SiteAdapter } from './types';

/** OpenReview: venue lists (`.note h4 a`), forum pages (`.forum-title h2`, `.citation_title`). */
export const openreview: SiteAdapter = {
  id: 'openreview',
  label: 'OpenReview',
  patterns: ['*://openreview.net/*'],
  matches: (url) => hostIs(url, 'openreview.net'),
  candidates: (root) => all(root, '.note h4 > a, .forum-title h2, .citation_title, .note_content_title'),
  // Reviews and comments cite other papers in prose.
  textRoots: (root) => all(root, '.note-content, .note_contents'),
};

/* Test URLs

https://openreview.net/group?id=ICLR.cc/2024/Conference
https://openreview.net/forum?id=YicbFdNTTy

*/
