/**
 * The shapes an imported library takes on its way in: what a file's entry says (`LibraryEntry`),
 * what the database will keep of it (`LibraryPaper`), and what reading a file reports.
 */

import type { PaperLink } from '../catalog/types';

/** The import formats PaperLens reads, detected from the file's content. */
export const LIBRARY_FORMAT = {
  bibtex: 'bibtex',
  cslJson: 'csl-json',
  ris: 'ris',
  paperlensJson: 'paperlens-json',
  paperlensJsonLines: 'paperlens-jsonl',
} as const;
export type LibraryFormat = (typeof LIBRARY_FORMAT)[keyof typeof LIBRARY_FORMAT];

/**
 * One entry of an imported file, in the file's own words but cleaned: TeX decoded to Unicode
 * (NFC), markup stripped, ids canonical. `line` points the user back at the entry in the file.
 */
export interface LibraryEntry {
  title: string;
  /** Display names, "Given Family" (or the literal name an export gives). */
  authors: string[];
  year?: number;
  /** Journal, proceedings or book title. */
  venue?: string;
  /** Canonical DOI (see `normalizeDoi`). */
  doi?: string;
  /** Canonical arXiv id, without version (see `parseArxivId`). */
  arxivId?: string;
  url?: string;
  /** Plain text. */
  abstract?: string;
  /** The file's keywords, deduplicated. */
  tags: string[];
  /** The file's own key for the entry (BibTeX key, RIS `ID`, CSL `id`), for messages. */
  key?: string;
  /** A TL;DR the file already carries (PaperLens JSON), so the caller need not make one. */
  tldr?: string;
  /** 1-based line where the entry starts. */
  line: number;
}

/** An entry that was not imported, and why, in words the user can act on. */
export interface ParseProblem {
  line: number;
  reason: string;
}

/** What reading a file gives: its format, the entries that import, and those that do not. */
export interface ParseResult {
  format: LibraryFormat;
  entries: LibraryEntry[];
  problems: ParseProblem[];
}

/**
 * An imported paper as the database will store it, under the catalog's id scheme (the id comes
 * from the normalized title), so the same title from the catalog, a save or another import
 * lands on the same record. The TL;DR, key result, links and topics are not computed here.
 */
export interface LibraryPaper extends Omit<LibraryEntry, 'key' | 'line' | 'abstract'> {
  id: string;
  /** Plain text; empty when the file had none. */
  abstract: string;
}

/**
 * An imported paper with what PaperLens shows about it besides the file's fields: the TL;DR
 * (made by lib/summary when the file has an abstract and no TL;DR), the key result, the links in
 * the abstract and the topics. This is what an import writes to the database.
 */
export interface ImportedPaper extends LibraryPaper {
  tldr: string;
  keyResult: string | null;
  links: PaperLink[];
  topics: string[];
}

/**
 * One imported file, kept as a unit the user can re-import (updated in place, matched by the
 * file's name) or remove. Papers name the sets holding them; notes never depend on a set.
 */
export interface ImportSet {
  /** The name of the file that first made the set, which identifies it across re-imports. */
  id: string;
  /** The name of the file it was last imported from (a set can be updated from a renamed file). */
  name: string;
  format: LibraryFormat;
  /** Papers the set holds (after merging duplicates within the file). */
  count: number;
  importedAt: number;
}

/**
 * One paper in the reading history: the latest visit to any of its pages. Keyed by the paper's
 * id, or by its `arxiv:`/`doi:` key while no paper with a title is known (a PDF opened by link).
 */
export interface HistoryEntry {
  id: string;
  paperId: string | null;
  /** Identity keys the visits named, so a later visit with a title joins a PDF-only one. */
  keys: string[];
  /** The title when visited (or `arXiv:<id>` for a PDF alone), shown even if the paper goes. */
  title: string;
  url: string;
  visitedAt: number;
  firstVisitedAt: number;
  visits: number;
}

/**
 * An arXiv id learned from a page that showed a known title next to it. Kept apart from the
 * paper rows, so a catalog refresh (which replaces catalog rows) does not forget it.
 */
export interface LearnedId {
  /** `arxiv:<id>`. */
  key: string;
  paperId: string;
  learnedAt: number;
}
