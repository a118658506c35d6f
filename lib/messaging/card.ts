import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MatchCandidate } from '../match/title-index';
import type { NoteInput } from '../notes/model';
import type { StatedMatch } from '../notes/paper-state';
import type { BackgroundProtocol } from './to-background';

/**
 * What the hover card frame asks the background: its paper and note, note saves, and the scan
 * batches it relays for its host ({@link HostToCard}). A typed subset of the background's
 * protocol (same messages, same handlers), so the card can send nothing else.
 */
export type CardRequests = Pick<BackgroundProtocol, 'getPaper' | 'saveNote' | 'matchPage'>;
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
  | { type: 'size'; height: number }
  /** The background's answer to a relayed batch ({@link HostToCard}), or why there is none. */
  | { type: 'matched'; id: number; matches: StatedMatch[] }
  | { type: 'matched'; id: number; error: string };

/**
 * What the content script asks of its card frame: a scan's batch, which the frame sends on to the
 * background as its own `matchPage`. On a large page this is what keeps the batches' cost off the
 * page's main thread: Chromium's runtime.sendMessage copies a message's bytes on the sending
 * thread (a 2,000-entry arXiv listing's 330 kB of titles cost tens of milliseconds there), while a
 * MessagePort's structured clone to the frame, whose sendMessage runs in the extension's own
 * process, costs a millisecond or two.
 */
export type HostToCard = { type: 'matchPage'; id: number; candidates: MatchCandidate[] };

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

/**
 * Host side of the batches relayed through the card frame: each gets an id, and its answer
 * (a `matched` message on the same port) settles it.
 */
export class CardRelay {
  private next = 0;
  private readonly pending = new Map<number, { resolve(matches: StatedMatch[]): void; reject(error: Error): void }>();

  constructor(private readonly port: MessagePort) {}

  matchPage(candidates: MatchCandidate[]): Promise<StatedMatch[]> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ type: 'matchPage', id, candidates } satisfies HostToCard);
    });
  }

  /** Settles the batch a card message answers; false when the message is no answer of this relay. */
  settle(message: unknown): boolean {
    const data = message as { type?: unknown; id?: unknown; matches?: unknown; error?: unknown } | null;
    if (data?.type !== 'matched' || typeof data.id !== 'number') return false;
    const waiting = this.pending.get(data.id);
    if (!waiting) return true;
    this.pending.delete(data.id);
    if (Array.isArray(data.matches)) waiting.resolve(data.matches as StatedMatch[]);
    else waiting.reject(new Error(typeof data.error === 'string' ? data.error : 'the card frame answered a batch with neither matches nor an error'));
    return true;
  }

  /** The port is gone (the frame loaded again): the batches still owed fail, for the host to send them another way. */
  close(reason: string): void {
    for (const { reject } of this.pending.values()) reject(new Error(reason));
    this.pending.clear();
    this.port.close();
  }
}

/** Card side: answers the host's relayed batches with the background's answers, over the host's port. */
export function serveHost(port: MessagePort, matchPage: (candidates: MatchCandidate[]) => Promise<StatedMatch[]>): void {
  port.onmessage = (event: MessageEvent) => {
    const data = event.data as Partial<HostToCard> | null;
    if (data?.type !== 'matchPage' || typeof data.id !== 'number' || !Array.isArray(data.candidates)) return;
    const { id } = data;
    // The background validates the candidates, as it does a content script's.
    matchPage(data.candidates).then(
      (matches) => port.postMessage({ type: 'matched', id, matches } satisfies CardToHost),
      (error: unknown) => port.postMessage({ type: 'matched', id, error: error instanceof Error ? error.message : String(error) } satisfies CardToHost),
    );
  };
}
