import { all, hostIs, type SiteAdapter } from './types';

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
};

/* Test URLs

https://huggingface.co/papers
https://huggingface.co/papers?date=2024-07-31
https://huggingface.co/papers/2407.21783

*/
