/**
 * What PaperLens shows about an imported paper besides the file's fields, made the way the
 * catalog makes it (lib/catalog/build.ts `describePaper`): the TL;DR by lib/summary, the key
 * result, the abstract's links and the topics. A TL;DR the file carries is kept.
 */
import { extractLinks } from '../catalog/links';
import { deriveTopics } from '../catalog/topics';
import { keyResult, keyResultRepeats, summarize } from '../summary';
import type { ImportedPaper, LibraryPaper } from './types';

export function describeImported(paper: LibraryPaper): ImportedPaper {
  const { abstract, title } = paper;
  const tldr = paper.tldr ?? (abstract ? summarize({ title, abstract }) : '');
  const result = abstract ? keyResult(abstract, title) : null;
  return {
    ...paper,
    tldr,
    keyResult: result !== null && keyResultRepeats(result, tldr) ? null : result,
    links: abstract ? extractLinks(abstract) : [],
    topics: deriveTopics(title, abstract),
  };
}
