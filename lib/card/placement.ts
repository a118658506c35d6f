/** A rectangle in viewport coordinates (a DOMRect satisfies it). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the card goes, relative to the part of its mark it explains. */
export type Side = 'below' | 'above' | 'right' | 'left';

export interface Placement {
  side: Side;
  left: number;
  top: number;
  width: number;
  /** Shorter than the card's content when space is short: the card then scrolls inside. */
  height: number;
}

export interface PlacementInput {
  /** What the card must never cover: the title's text and its badge (see lib/card/targets.ts). */
  anchor: Box;
  viewport: { width: number; height: number };
  /** The card's width and the height its content wants. */
  card: { width: number; height: number };
  /** Space kept between the card and the anchor. */
  gap?: number;
  /** Space kept between the card and the window's edges. */
  margin?: number;
}

export const PLACEMENT_DEFAULTS = { gap: 6, margin: 8 } as const;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/**
 * Where to show the hover card so that it never covers its anchor: below it when the whole card
 * fits there, else above, else beside it (right, then left) at full height, else in the taller of
 * the spaces below and above, shrunk to fit (the card scrolls). Everything stays inside the
 * window, `margin` from its edges.
 */
export function placeCard(input: PlacementInput): Placement {
  const { anchor, viewport } = input;
  const gap = input.gap ?? PLACEMENT_DEFAULTS.gap;
  const margin = input.margin ?? PLACEMENT_DEFAULTS.margin;
  const width = Math.max(0, Math.min(input.card.width, viewport.width - 2 * margin));
  // The tallest a card can be anywhere in this window.
  const full = Math.max(0, Math.min(input.card.height, viewport.height - 2 * margin));
  const alignedLeft = clamp(anchor.left, margin, viewport.width - margin - width);

  const belowTop = anchor.bottom + gap;
  const below = viewport.height - margin - belowTop;
  const above = anchor.top - gap - margin;
  const vertical = (side: 'below' | 'above', height: number): Placement => ({
    side,
    left: alignedLeft,
    top: side === 'below' ? belowTop : anchor.top - gap - height,
    width,
    height,
  });
  if (below >= full) return vertical('below', full);
  if (above >= full) return vertical('above', full);

  const besideTop = clamp(anchor.top, margin, viewport.height - margin - full);
  if (viewport.width - margin - (anchor.right + gap) >= width) {
    return { side: 'right', left: anchor.right + gap, top: besideTop, width, height: full };
  }
  if (anchor.left - gap - margin >= width) {
    return { side: 'left', left: anchor.left - gap - width, top: besideTop, width, height: full };
  }

  // Shrunk to the larger space, however small: covering the title would be worse.
  const side = below >= above ? 'below' : 'above';
  return vertical(side, Math.max(0, Math.floor(side === 'below' ? below : above)));
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The smallest box holding every box that has an area (an element not laid out reports an empty
 * box at 0,0, which must not stretch the union to the window's corner).
 */
export function unionBox(boxes: readonly Box[]): Box {
  const real = boxes.filter((b) => b.right > b.left && b.bottom > b.top);
  if (real.length === 0) return boxes[0] ?? { left: 0, top: 0, right: 0, bottom: 0 };
  return real.reduce((u, b) => ({
    left: Math.min(u.left, b.left),
    top: Math.min(u.top, b.top),
    right: Math.max(u.right, b.right),
    bottom: Math.max(u.bottom, b.bottom),
  }));
}
