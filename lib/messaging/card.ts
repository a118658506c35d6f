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

/** What the card tells the content script that hosts its frame. */
export type CardToHost =
  /** The user pressed Escape inside the card. */
  | { type: 'close' }
  /** The card's content height changed; the host resizes the frame. */
  | { type: 'size'; height: number };

/** Names the one window message of this channel: the host handing the card its end of the port. */
const PORT_HANDOVER = 'paperlens:card-port';

/**
 * Host side of the card ↔ content-script channel: a MessageChannel per load of the card frame,
 * one end handed to the frame by a postMessage targeted at the card's own origin (the
 * extension's), so nothing else can receive it, not even if the frame had been navigated away.
 * From then on the card talks over the port, whose messages page scripts cannot hear (a message
 * posted to the page's window, as before, reached every `message` listener the page had).
 * Returns our end; the card sends only {@link CardToHost} messages, checked by the host.
 */
export function openCardPort(card: Window, cardOrigin: string, onMessage: (data: unknown) => void): MessagePort {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => onMessage(event.data);
  card.postMessage({ type: PORT_HANDOVER }, cardOrigin, [channel.port2]);
  return channel.port1;
}

/**
 * Card side: takes the first port the window framing the card hands over, and ignores any
 * later one. No page script can post into the card (its frame sits in a closed shadow root,
 * outside `window.frames`), and the handover comes from the frame's parent window, checked here.
 */
export function acceptHostPort(self: Window, onPort: (port: MessagePort) => void): void {
  const listener = (event: MessageEvent) => {
    const port = event.ports[0];
    if (event.source !== self.parent || (event.data as { type?: unknown } | null)?.type !== PORT_HANDOVER || !port) return;
    self.removeEventListener('message', listener);
    onPort(port);
  };
  self.addEventListener('message', listener);
}
