import { browser } from 'wxt/browser';
import { placeCard, type Box } from '@/lib/card/placement';
import { cardScheme, type Scheme } from '@/lib/card/scheme';
import type { MatchCandidate } from '@/lib/match/title-index';
import { CardRelay, openCardPort } from '@/lib/messaging/card';
import type { StatedMatch } from '@/lib/notes/paper-state';
import { ownTask } from '@/lib/sites/own-tasks';

/** How long a relayed batch waits for the card frame to load before the host gives up on the relay. */
const RELAY_LOAD_MS = 5000;

/** The card frame's size in CSS pixels: its width, its height until the card reports its own, the most it grows to. */
const CARD_SIZE = { width: 380, height: 320, maxHeight: 560 } as const;

/**
 * The origin the card page runs at. In Chromium the frame is loaded through the per-session
 * alias of `use_dynamic_url` (runtime.getURL's host), but the page itself runs at the
 * extension id's origin; Firefox (no dynamic URL) runs it at getURL's own origin.
 */
function cardOrigin(src: string): string {
  const url = new URL(src);
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}

/** Shows the card where placeCard says: never over its title; the frame shrinks (and the card scrolls) when space is short. */
function place(host: HTMLElement, frame: HTMLIFrameElement, anchor: Box, height: number): void {
  const where = placeCard({
    anchor,
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    card: { width: CARD_SIZE.width, height },
  });
  host.style.setProperty('left', `${where.left}px`, 'important');
  host.style.setProperty('top', `${where.top}px`, 'important');
  host.dataset.side = where.side;
  frame.style.width = `${where.width}px`;
  frame.style.height = `${where.height}px`;
}

/** The scheme the card takes over `mark`: the page's colours where the title sits, and the system's. */
export function schemeAt(mark: Element): Scheme {
  const backgrounds: string[] = [];
  for (let el: Element | null = mark; el; el = el.parentElement) backgrounds.push(getComputedStyle(el).backgroundColor);
  return cardScheme({
    backgrounds,
    colorScheme: getComputedStyle(document.documentElement).colorScheme,
    systemDark: matchMedia('(prefers-color-scheme: dark)').matches,
  });
}

/**
 * The hover card's frame: an extension page in an iframe inside a closed shadow root. The page
 * cannot restyle it (shadow DOM, `all: initial`) and cannot read it (the iframe is another
 * origin, and the closed root hides even the frame element from page scripts).
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private anchor: Box | null = null;
  private height: number = CARD_SIZE.height;
  private shown = 0;
  private port: MessagePort | null = null;
  private relay: CardRelay | null = null;
  /** Waiting for the frame's first port, for batches relayed before it loaded. */
  private readonly portWaiters: ((relay: CardRelay | null) => void)[] = [];
  paperId: string | null = null;

  constructor(private readonly on: { close(): void; enter(): void; leave(): void }) {}

  /** The card's own element (hover over it keeps the card open). */
  get element(): HTMLElement | null {
    return this.host;
  }

  /** Opens the card for `paperId` beside `anchor`, the title text and badge it must not cover. */
  open(paperId: string, anchor: Box, scheme: Scheme = 'light'): void {
    this.anchor = anchor;
    // A new hash per showing: the card reloads the note, which the popup may have changed.
    this.shown++;
    const src = `${browser.runtime.getURL('/card.html')}#${encodeURIComponent(paperId)}/${this.shown}/${scheme}`;
    const { host, frame } = this.frameAt(src);
    // A frame made hidden for the relay, or showing another paper, changes its hash only: the
    // card page stays, and so does its port.
    if (this.paperId !== paperId && frame.src !== src) frame.src = src;
    this.paperId = paperId;
    // The frame's own scheme matches its page's, or the browser paints an opaque canvas behind it.
    frame.style.colorScheme = scheme;
    host.style.setProperty('visibility', 'visible', 'important');
    place(host, frame, anchor, this.height);
  }

  /**
   * Sends a scan's batch to the background through the card frame (see HostToCard in
   * lib/messaging/card.ts), loading the frame hidden if no card was shown yet; fails when the
   * frame does not load in time or loads again before answering, for the caller to send it itself.
   */
  matchPage(candidates: MatchCandidate[]): Promise<StatedMatch[]> {
    if (this.relay) return this.relay.matchPage(candidates);
    // Made in a task of its own (tens of milliseconds on a loaded machine), not in the scan's slice.
    if (!this.host && this.portWaiters.length === 0) {
      setTimeout(() => ownTask('card frame: load hidden', () => this.frameAt(browser.runtime.getURL('/card.html'))));
    }
    return new Promise<CardRelay | null>((resolve) => {
      this.portWaiters.push(resolve);
      setTimeout(() => resolve(null), RELAY_LOAD_MS);
    }).then((relay) => {
      if (!relay) throw new Error('the card frame did not load');
      // The batches held for the frame are posted as it loads: PaperLens's work too.
      return ownTask('scan: relay a batch', () => relay.matchPage(candidates));
    });
  }

  /** The card's host and frame, made (hidden, loading `src`) on first use. */
  private frameAt(src: string): { host: HTMLElement; frame: HTMLIFrameElement } {
    if (this.host && this.frame) return { host: this.host, frame: this.frame };
    const host = document.createElement('paperlens-card');
    host.setAttribute(
      'style',
      'all: initial !important; position: fixed !important; z-index: 2147483647 !important; display: block !important; visibility: hidden !important;',
    );
    const root = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.title = 'PaperLens';
    frame.setAttribute(
      'style',
      // `visibility: inherit`: `all: initial` made the frame visible inside its hidden host, so a
      // closed card stayed on screen and took the pointer (e2e/card-placement.spec.ts).
      `all: initial; visibility: inherit; display: block; width: ${CARD_SIZE.width}px; height: ${CARD_SIZE.height}px; border: 0; ` +
        'border-radius: 12px; box-shadow: 0 12px 32px rgba(15, 23, 42, 0.22), 0 2px 6px rgba(15, 23, 42, 0.12); ' +
        'background: transparent;',
    );
    root.appendChild(frame);
    host.addEventListener('mouseenter', () => this.on.enter());
    host.addEventListener('mouseleave', () => this.on.leave());
    // Each load of the card page gets a fresh channel (see openCardPort).
    frame.addEventListener('load', () => {
      this.relay?.close('the card frame loaded again before answering');
      this.port = frame.contentWindow ? openCardPort(frame.contentWindow, cardOrigin(frame.src), this.onMessage) : null;
      this.relay = this.port ? new CardRelay(this.port) : null;
      for (const resolve of this.portWaiters.splice(0)) resolve(this.relay);
    });
    this.host = host;
    this.frame = frame;
    frame.src = src;
    document.documentElement.appendChild(host);
    return { host, frame };
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
    if (!this.frame || this.relay?.settle(message)) return;
    const data = message as { type?: unknown; height?: unknown } | null;
    if (data?.type === 'close') this.on.close();
    else if (data?.type === 'size' && typeof data.height === 'number' && Number.isFinite(data.height)) {
      this.height = Math.max(120, Math.min(CARD_SIZE.maxHeight, Math.ceil(data.height)));
      if (this.host && this.anchor) place(this.host, this.frame, this.anchor, this.height);
    }
  };
}
