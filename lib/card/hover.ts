/** The hover card as the hover logic drives it: the content script's frame host, a fake in tests. */
export interface HoverCardView<Mark> {
  /** Shows the card for `mark` (or moves it there). */
  show(mark: Mark): void;
  hide(): void;
  readonly isOpen: boolean;
  /** Whether the pointer is over the card or the keyboard is in it; either keeps it open. */
  inUse(): boolean;
}

/** The timer functions the hover logic schedules with; tests pass fake ones. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const HOVER_DELAYS = {
  /** Hover this long before the card opens, so passing the mouse over a list opens nothing. */
  openMs: 300,
  /** Grace period to move the mouse from the mark into the card. */
  closeMs: 250,
} as const;

const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * When the hover card opens and closes. Pointing at a mark opens it after a delay; leaving the
 * mark closes it after a grace period, unless the pointer reached the card or the keyboard is
 * in it; focusing or activating a mark opens it at once; Escape closes it. The content script
 * turns DOM events into these calls.
 */
export class HoverCard<Mark> {
  private openTimer: unknown;
  private closeTimer: unknown;

  constructor(
    private readonly card: HoverCardView<Mark>,
    private readonly timers: Timers = globalTimers,
    private readonly delays: { openMs: number; closeMs: number } = HOVER_DELAYS,
  ) {}

  /** The pointer went onto a mark. */
  pointAt(mark: Mark): void {
    this.cancel();
    this.openTimer = this.timers.setTimeout(() => this.open(mark), this.delays.openMs);
  }

  /** The pointer left a mark, or the keyboard left a badge, or the pointer left the card. */
  leave(): void {
    this.cancel();
    this.closeTimer = this.timers.setTimeout(() => {
      if (!this.card.inUse()) this.card.hide();
    }, this.delays.closeMs);
  }

  /** Opens the card for `mark` now (focus on its badge, a click, Enter). */
  open(mark: Mark): void {
    this.timers.clearTimeout(this.closeTimer);
    this.card.show(mark);
  }

  /** The pointer reached the card: it stays open. */
  enterCard(): void {
    this.timers.clearTimeout(this.closeTimer);
  }

  /** Closes the card now (Escape, in the page or inside the card). */
  close(): void {
    this.cancel();
    this.card.hide();
  }

  /** Escape in the page closes an open card. */
  escape(): void {
    if (this.card.isOpen) this.close();
  }

  private cancel(): void {
    this.timers.clearTimeout(this.openTimer);
    this.timers.clearTimeout(this.closeTimer);
  }
}
