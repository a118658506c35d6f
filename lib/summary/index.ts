export { summarize } from './summarize.ts';
export { keyResult } from './key-result.ts';
export { splitSentences } from './split-sentences.ts';
