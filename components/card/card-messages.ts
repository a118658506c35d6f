/** Messages the card frame posts to the content script that hosts it (checked by `event.source`). */
export const CARD_MESSAGE = {
  /** The user pressed Escape inside the card. */
  close: 'paperlens-card-close',
  /** The card's content height changed; the host resizes the frame. */
  size: 'paperlens-card-size',
} as const;

/** The card frame's size in CSS pixels. */
export const CARD_SIZE = { width: 380, height: 320, maxHeight: 520 } as const;
