/**
 * One-sentence TL;DRs of paper abstracts, computed in the browser by a small model trained on
 * SciTLDR (model.json): candidate sentences, clause cuts and joins of the abstract, ranked by
 * how many words a human TL;DR would keep, among those that read on their own. See README.md.
 */
export { summarize } from './summarize.ts';
export { keyResult, keyResultRepeats } from './key-result.ts';
export { readabilityIssues, READABILITY_ISSUES, type ReadabilityIssue } from './readability.ts';
export { splitSentences } from './split-sentences.ts';
export { plainText } from './plain-text.ts';
