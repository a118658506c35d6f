import { all, hostIs, type SiteAdapter } from './types';

/** alphaXiv: paper cards link to `/abs/<id>`; the paper page heads with the title. */
export const alphaxiv: SiteAdapter = {
  id: 'alphaxiv',
  label: 'alphaXiv',
  patterns: ['*://alphaxiv.org/*', '*://www.alphaxiv.org/*'],
  matches: (url) => hostIs(url, 'alphaxiv.org'),
  candidates: (root) => all(root, 'a[href^="/abs/"], h1'),
  textRoots: () => [],
};

/* Test URLs

https://www.alphaxiv.org/
https://www.alphaxiv.org/abs/1706.03762

*/
