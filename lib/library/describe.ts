/**
 * What PaperLens shows about an imported paper besides the file's fields, made the way the
 * catalog makes it (lib/catalog/build.ts `describePaper`): the TL;DR by lib/summary, the key
 * result, the abstract's links and the topics. A TL;DR the file carries is kept.
 *
 * Summarizing costs about a millisecond an abstract, far more than reading or storing the entry,
 * so an import stores a paper with an abstract first (`undescribed`: no TL;DR, key result, links
 * or topics yet) and describes it after the write (`needsDescription`, `describeImported`).
 */
import { extractLinks } from '../catalog/links';
import { deriveTopics } from '../catalog/topics';
import { keyResult, keyResultRepeats, summarize } from '../summary';
import type { ImportedPaper, LibraryPaper } from './types';

/** The fields `describeImported` makes. */
export type Description = Pick<ImportedPaper, 'tldr' | 'keyResult' | 'links' | 'topics'>;

export function describeImported<T extends Pick<LibraryPaper, 'title' | 'abstract'> & { tldr?: string }>(paper: T): T & Description {
  const { abstract, title } = paper;
  const tldr = paper.tldr || (abstract ? summarize({ title, abstract }) : '');
  const result = abstract ? keyResult(abstract, title) : null;
  return {
    ...paper,
    tldr,
    keyResult: result !== null && keyResultRepeats(result, tldr) ? null : result,
    links: abstract ? extractLinks(abstract) : [],
    topics: deriveTopics(title, abstract),
  };
}

/** A paper whose abstract still waits for its TL;DR (stored by an import, described after it). */
export function needsDescription(paper: { abstract?: string; tldr?: string }): boolean {
  return !paper.tldr && !!paper.abstract?.trim();
}

/**
 * An imported paper as an import first stores it: described at once when that is cheap (no
 * abstract to summarize, or a TL;DR from the file), otherwise with an empty description that
 * `describeImported` fills in after the write.
 */
export function undescribed(paper: LibraryPaper): ImportedPaper {
  if (!needsDescription(paper)) return describeImported({ ...paper, tldr: paper.tldr ?? '' });
  return { ...paper, tldr: '', keyResult: null, links: [], topics: [] };
}
