import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CatalogStatus } from '../catalog/types';
import type { MatchCandidate } from '../match/title-index';
import type { NoteInput, NoteSaveResult, PaperWithNote, SavePaperInput, SavePaperResult, VisitInput } from '../notes/model';
import type { StatedMatch } from '../notes/paper-state';
import type { SiteSettings } from '../sites/registry';
import type { SiteToggle } from './validate';

/**
 * Every message sent to the background, by content scripts and by extension pages (popup,
 * options, the hover card). Content scripts cannot open the extension's IndexedDB (theirs is
 * the page's), so everything they know comes through here; the background validates every
 * input (lib/messaging/validate.ts), since content scripts run beside hostile pages.
 */
export interface BackgroundProtocol {
  catalogStatus(): CatalogStatus;
  /** One batched lookup per page scan: for each candidate title, the id it names or null. */
  lookupTitles(titles: string[]): (string | null)[];
  /**
   * One batched match per page scan (all adapter titles and running-text blocks together),
   * answered from an index built once per papers revision.
   */
  matchPage(candidates: MatchCandidate[]): StatedMatch[];
  getSiteSettings(): SiteSettings;
  setSiteEnabled(input: SiteToggle): SiteSettings;
  /**
   * Called by the options page right after `browser.permissions.request` for the origin
   * succeeded; the background registers the content script there.
   */
  addCustomSite(origin: string): SiteSettings;
  removeCustomSite(origin: string): SiteSettings;
  /**
   * Registers the content script again on the opted-in origins that have their permission, after
   * the options page wrote site settings itself (an import); answers the settings.
   */
  syncCustomSites(): SiteSettings;
  getPaper(id: string): PaperWithNote | null;
  saveNote(input: NoteInput): NoteSaveResult;
  /** Adds a paper from the page the user is on to their library ("Save to PaperLens"). */
  savePaper(input: SavePaperInput): SavePaperResult;
  /**
   * Brings the stored search index up to the current papers and notes (lib/db/search-index):
   * sent by a page that wrote papers or notes itself (an import) or found the index stale.
   * Answers once the index is current.
   */
  refreshSearchIndex(): void;
  /**
   * A paper page the user opened (arXiv abs/html/pdf, Hugging Face or alphaXiv paper page), for
   * the reading history; nothing is written while the user paused it. The id of the paper, when
   * PaperLens knows or now remembers it.
   */
  recordVisit(input: VisitInput): { paperId: string | null };
}

/** Content scripts and extension pages send with `toBackground.sendMessage`; only the background listens. */
export const toBackground = defineExtensionMessaging<BackgroundProtocol>();
