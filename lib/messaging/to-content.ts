import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PaperState } from '../notes/paper-state';

/**
 * Messages an extension page (the popup) or the background sends to the content script of one tab, with
 * `toContent.sendMessage(type, data, tabId)`. A separate map from the background's, so neither
 * side can register or send a message meant for the other.
 */
export interface ContentProtocol {
  /** The ids of the papers recognized on that page, in page order. */
  recognizedPapers(): string[];
  /**
   * From the background: the current states of papers whose marks it answered from its wake
   * state before the database was open, where that copy turned out stale (lib/messaging/handlers.ts).
   */
  paperStates(states: Record<string, PaperState>): void;
}

export const toContent = defineExtensionMessaging<ContentProtocol>();
