import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * Messages an extension page (the popup) sends to the content script of one tab, with
 * `toContent.sendMessage(type, data, tabId)`. A separate map from the background's, so neither
 * side can register or send a message meant for the other.
 */
export interface ContentProtocol {
  /** The ids of the papers recognized on that page, in page order. */
  recognizedPapers(): string[];
}

export const toContent = defineExtensionMessaging<ContentProtocol>();
