/**
 * The user's library, in pure logic: reading exports (BibTeX, RIS, CSL-JSON, PaperLens JSON),
 * knowing a paper by its ids and title, and folding several records of one paper into one.
 * No database, browser or React here; lib/db and the pages wire it in.
 */
export { checkLibraryFileSize, LibraryFileError, MAX_LIBRARY_BYTES } from './file-error';
export {
  arxivIdInText,
  identityKeys,
  idsFromUrl,
  normalizeDoi,
  parseArxivId,
  parseDoi,
  type IdentifiedPaper,
  type PaperIds,
} from './identity';
export { findDuplicates, groupByIdentity, mergeByIdentity, mergePapers, type MergeablePaper } from './merge';
export { parseLibraryFile, type ParseOptions } from './parse-library';
export { describeImported, needsDescription, undescribed, type Description } from './describe';
export { toPaper } from './to-paper';
export {
  LIBRARY_FORMAT,
  type HistoryEntry,
  type ImportedPaper,
  type ImportSet,
  type LearnedId,
  type LibraryEntry, type LibraryFormat, type LibraryPaper, type ParseProblem, type ParseResult } from './types';
