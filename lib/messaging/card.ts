import { defineExtensionMessaging } from '@webext-core/messaging';
import type { NoteInput } from '../notes/model';
import type { BackgroundProtocol } from './to-background';

/**
 * What the hover card frame asks the background: its paper and note, and note saves. A typed
 * subset of the background's protocol (same messages, same handlers), so the card can send
 * nothing else.
 */
export type CardRequests = Pick<BackgroundProtocol, 'getPaper' | 'saveNote'>;
export const cardToBackground = defineExtensionMessaging<CardRequests>();

/**
 * The port the card streams its unsaved draft over (see lib/messaging/draft-relay.ts). It stays
 * a port beside the messages above because Chromium drops a runtime message sent while a tab
 * closes, and denies the framed card localStorage and IndexedDB, so the card cannot journal its
 * last keystrokes itself; a port's disconnect, though, always reaches the background.
 */
export const DRAFT_PORT = 'paperlens:note-drafts';

/** What the card posts over {@link DRAFT_PORT}: a note's whole unsaved draft, or null once that note is saved. */
export interface DraftMessage {
  paperId: string;
  draft: NoteInput | null;
}

/** Messages the card frame posts to the content script that hosts it (checked by `event.source`). */
export const CARD_MESSAGE = {
  /** The user pressed Escape inside the card. */
  close: 'paperlens-card-close',
  /** The card's content height changed; the host resizes the frame. */
  size: 'paperlens-card-size',
} as const;
