import { browser } from 'wxt/browser';
import { openCardPort } from '@/lib/messaging/card';

/** The card frame's size in CSS pixels. */
const CARD_SIZE = { width: 380, height: 320, maxHeight: 520 } as const;

/**
 * The origin the card page runs at. In Chromium the frame is loaded through the per-session
 * alias of `use_dynamic_url` (runtime.getURL's host), but the page itself runs at the
 * extension id's origin; Firefox (no dynamic URL) runs it at getURL's own origin.
 */
function cardOrigin(src: string): string {
  const url = new URL(src);
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}

/** Where the card is shown: next to the mark, flipped above it when there is no room below. */
function place(host: HTMLElement, anchor: DOMRect, height: number): void {
  const margin = 8;
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const left = Math.max(margin, Math.min(anchor.left, vw - CARD_SIZE.width - margin));
  const below = anchor.bottom + 6;
  const top = below + height <= vh - margin ? below : Math.max(margin, anchor.top - 6 - height);
  host.style.setProperty('left', `${left}px`, 'important');
  host.style.setProperty('top', `${top}px`, 'important');
}

/**
 * The hover card's frame: an extension page in an iframe inside a closed shadow root. The page
 * cannot restyle it (shadow DOM, `all: initial`) and cannot read it (the iframe is another
 * origin, and the closed root hides even the frame element from page scripts).
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private anchor: DOMRect | null = null;
  private height: number = CARD_SIZE.height;
  private shown = 0;
  private port: MessagePort | null = null;
  paperId: string | null = null;

  constructor(private readonly on: { close(): void; enter(): void; leave(): void }) {}

  /** The card's own element (hover over it keeps the card open). */
  get element(): HTMLElement | null {
    return this.host;
  }

  open(paperId: string, anchor: DOMRect): void {
    this.anchor = anchor;
    // A new hash per showing: the card reloads the note, which the popup may have changed.
    this.shown++;
    const src = `${browser.runtime.getURL('/card.html')}#${encodeURIComponent(paperId)}/${this.shown}`;
    if (!this.host || !this.frame) {
      const host = document.createElement('paperlens-card');
      host.setAttribute(
        'style',
        'all: initial !important; position: fixed !important; z-index: 2147483647 !important; display: block !important;',
      );
      const root = host.attachShadow({ mode: 'closed' });
      const frame = document.createElement('iframe');
      frame.title = 'PaperLens';
      frame.setAttribute(
        'style',
        `all: initial; display: block; width: ${CARD_SIZE.width}px; height: ${CARD_SIZE.height}px; border: 0; ` +
          'border-radius: 12px; box-shadow: 0 12px 32px rgba(15, 23, 42, 0.22), 0 2px 6px rgba(15, 23, 42, 0.12); ' +
          'background: transparent; color-scheme: normal;',
      );
      root.appendChild(frame);
      host.addEventListener('mouseenter', () => this.on.enter());
      host.addEventListener('mouseleave', () => this.on.leave());
      // Each load of the card page gets a fresh channel (see openCardPort).
      frame.addEventListener('load', () => {
        this.port?.close();
        this.port = frame.contentWindow ? openCardPort(frame.contentWindow, cardOrigin(frame.src), this.onMessage) : null;
      });
      this.host = host;
      this.frame = frame;
      frame.src = src;
      document.documentElement.appendChild(host);
    } else if (this.paperId !== paperId) {
      this.frame.src = src;
    }
    this.paperId = paperId;
    this.host.style.setProperty('visibility', 'visible', 'important');
    place(this.host, anchor, this.height);
  }

  /** Moves keyboard focus into the card. */
  focus(): void {
    this.frame?.focus();
  }

  close(): void {
    if (!this.host || this.paperId === null) return;
    // Neither Firefox nor Chromium moves focus out of a frame hidden with `visibility: hidden`:
    // without this, keys typed after Escape would go on into the hidden note and be saved there.
    if (document.activeElement === this.host) this.frame?.blur();
    this.host.style.setProperty('visibility', 'hidden', 'important');
    this.paperId = null;
  }

  get isOpen(): boolean {
    return this.paperId !== null;
  }

  /** What the card frame says over its port (a CardToHost message, checked all the same). */
  private readonly onMessage = (message: unknown): void => {
    if (!this.frame) return;
    const data = message as { type?: unknown; height?: unknown } | null;
    if (data?.type === 'close') this.on.close();
    else if (data?.type === 'size' && typeof data.height === 'number' && Number.isFinite(data.height)) {
      this.height = Math.max(120, Math.min(CARD_SIZE.maxHeight, Math.ceil(data.height)));
      this.frame.style.height = `${this.height}px`;
      if (this.host && this.anchor && this.isOpen) place(this.host, this.anchor, this.height);
    }
  };
}
