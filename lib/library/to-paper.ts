/**
 * An imported entry as the record the database keeps. The id comes from the catalog's own
 * scheme (lib/catalog/id.ts: a slug and hash of the normalized title), imported rather than
 * re-derived, so an imported paper and the catalog's copy of it get the same id. The TL;DR
 * is left to the caller: summarizing 100,000 abstracts at parse time would take minutes.
 */
import { paperId } from '../catalog/id';
import type { LibraryEntry, LibraryPaper } from './types';

/** The stored record for an entry whose title has a letter or digit (every entry `parseLibraryFile` returns). */
export function toPaper(entry: LibraryEntry): LibraryPaper {
  const paper: LibraryPaper = {
    id: paperId(entry.title),
    title: entry.title,
    authors: [...entry.authors],
    abstract: entry.abstract ?? '',
    tags: [...entry.tags],
  };
  if (entry.year !== undefined) paper.year = entry.year;
  if (entry.venue) paper.venue = entry.venue;
  if (entry.doi) paper.doi = entry.doi;
  if (entry.arxivId) paper.arxivId = entry.arxivId;
  if (entry.url) paper.url = entry.url;
  if (entry.tldr) paper.tldr = entry.tldr;
  return paper;
}
