import { all, hostIs, type SiteAdapter } from './types';

/** GitHub: rendered Markdown (READMEs such as "awesome" lists, issues, discussions). */
export const github: SiteAdapter = {
  id: 'github',
  label: 'GitHub',
  patterns: ['*://github.com/*'],
  matches: (url) => hostIs(url, 'github.com'),
  candidates: () => [],
  textRoots: (root) => all(root, '.markdown-body'),
};

/* Test URLs

https://github.com/dair-ai/ML-Papers-of-the-Week
https://github.com/Hannibal046/Awesome-LLM
https://github.com/huggingface/transformers/issues/1

*/
