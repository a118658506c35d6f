import type { SiteAdapter } from './types';

/**
 * Any other site the user opted into: no known title elements, the whole body is running text
 * (blogs, docs, forums), where quoted, linked or title-cased titles are mentions.
 */
export const generic: SiteAdapter = {
  id: 'generic',
  label: 'Other sites',
  patterns: [],
  matches: () => true,
  candidates: (root) => Array.from(root.querySelectorAll('h1')),
  textRoots: (root) => {
    const body = 'body' in root ? (root as Document).body : (root as Element);
    return body ? [body] : [];
  },
};

/* Test URLs

https://lilianweng.github.io/posts/2023-06-23-agent/
https://jalammar.github.io/illustrated-transformer/

*/
