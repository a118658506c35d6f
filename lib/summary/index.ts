/**
 * One-sentence TL;DRs of paper abstracts, computed in the browser without a
 * model: pick the sentence that states the contribution, strip its framing,
 * and append the headline number when there is room. See README.md.
 */
export { summarize } from './summarize.ts';
export { keyResult } from './key-result.ts';
export { splitSentences } from './split-sentences.ts';
export { plainText } from './plain-text.ts';
