import type { StoredPaper } from '../catalog/types';

/** Reading status a user gives a paper. */
export const READING_STATUS = ['none', 'to-read', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUS)[number];

/**
 * The user's note on a paper. Its own table keyed by paper id, holding a title snapshot, so
 * catalog updates cannot delete it and a note outlives a paper renamed or removed.
 */
export interface Note {
  paperId: string;
  /** Markdown. */
  text: string;
  tags: string[];
  status: ReadingStatus;
  starred: boolean;
  /** The paper's title when the note was last saved. */
  titleSnapshot: string;
  createdAt: number;
  updatedAt: number;
}

/** Fields a note save may change; omitted fields keep their stored value. */
export interface NoteInput {
  paperId: string;
  text?: string;
  tags?: string[];
  status?: ReadingStatus;
  starred?: boolean;
  /**
   * `updatedAt` of the note the editor started from. When the stored note is newer and its
   * text differs, the save is refused as a conflict instead of overwriting newer text.
   */
  baseUpdatedAt?: number | null;
}

/** A save either lands, or reports the newer note it would have overwritten. */
export type NoteSaveResult = { ok: true; note: Note } | { ok: false; conflict: Note };

/** A paper with the user's note on it, as the hover card and popup show it. */
export interface PaperWithNote {
  paper: StoredPaper;
  note: Note | null;
}

/**
 * A paper that is not in the catalog, as the save-paper content script reads it from an arXiv
 * or Hugging Face page; the background describes it with the catalog's own summarizer.
 */
export interface SavePaperInput {
  title: string;
  abstract: string;
  arxivId?: string;
  url: string;
  authors?: string[];
  year?: number;
}

/** The id the saved paper has (`created` is false when it was already known). */
export interface SavePaperResult {
  id: string;
  created: boolean;
}
