import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Paper } from '../catalog/types';
import type { Note, ReadingStatus } from '../db/schema';

/** State of the bundled catalog in the database, for status displays. */
export interface CatalogStatus {
  version: string | null;
  papers: number;
  userPapers: number;
  notes: number;
}

/** A paper with the user's note on it, as the hover card and popup show it. */
export interface PaperWithNote {
  paper: Paper;
  note: Note | null;
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

/**
 * What the content script asks about in one scan. `title` candidates are elements a site
 * adapter says hold exactly one title (with site prefixes and suffixes around it); `text`
 * candidates are blocks of running text searched for titles inside them.
 */
export interface MatchCandidate {
  kind: 'title' | 'text';
  text: string;
}

/** A recognized mention: which candidate, which paper, and where in the candidate's text. */
export interface PageMatch {
  candidate: number;
  id: string;
  /** Source character range of the mention inside the candidate's text. */
  start: number;
  end: number;
}

/** Which default sites the user switched off, and which other origins they opted into. */
export interface SiteSettings {
  /** Ids from `SITES` in lib/sites/registry.ts. */
  disabled: string[];
  /** Origins such as `https://example.org`, each granted as an optional host permission. */
  custom: string[];
}

/**
 * Every message sent to the background, one typed map. Content scripts cannot open the
 * extension's IndexedDB (theirs is the page's), so everything they know comes through here.
 */
export interface ProtocolMap {
  catalogStatus(): CatalogStatus;
  /** One batched lookup per page scan: for each candidate title, the id it names or null. */
  lookupTitles(titles: string[]): (string | null)[];
  /**
   * One batched match per page scan (all adapter titles and running-text blocks together),
   * answered from an index built once per papers revision.
   */
  matchPage(candidates: MatchCandidate[]): PageMatch[];
  getSiteSettings(): SiteSettings;
  setSiteEnabled(input: { siteId: string; enabled: boolean }): SiteSettings;
  /**
   * Called by the options page right after `browser.permissions.request` for the origin
   * succeeded; the background registers the content script there.
   */
  addCustomSite(origin: string): SiteSettings;
  removeCustomSite(origin: string): SiteSettings;
  getPaper(id: string): PaperWithNote | null;
  saveNote(input: NoteInput): NoteSaveResult;
  /** Adds a paper from the page the user is on to their library ("Save to PaperLens"). */
  savePaper(input: SavePaperInput): SavePaperResult;
  /**
   * Sent by the popup to the active tab's content script (not the background): the ids of the
   * catalog papers recognized on that page, in page order.
   */
  recognizedPapers(): string[];
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
