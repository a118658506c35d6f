/**
 * Which items of a long list in page order (a listing's 2,000 entries) are within `margin` px of
 * the viewport, found by a binary search on their boxes: about a dozen box reads whatever the
 * list's length, where an IntersectionObserver watching every item cost tens of milliseconds to
 * set up and more in every frame after. Items are expected to run down the page in order; an
 * item without a box (hidden) is passed over. Hand-written: a few lines, and no library offers it.
 */

/** What is needed of an item's box (a DOMRect, in viewport coordinates). */
export interface Box {
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** Whether a box is laid out at all (display: none gives all zeros). */
function shown(box: Box): boolean {
  return box.width > 0 || box.height > 0;
}

/**
 * The indices [from, to) from the first to the last item whose box reaches into the zone
 * (-margin, viewport + margin), where `boxOf(i)` reads item i's box; empty when none does.
 */
export function nearViewport(count: number, boxOf: (i: number) => Box, viewport: number, margin: number): [number, number] {
  const above = -margin;
  const below = viewport + margin;
  // The first item whose bottom is below the zone's top edge; hidden items are read past forwards.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let probe = mid;
    let box = boxOf(probe);
    while (!shown(box) && probe + 1 < hi) box = boxOf(++probe);
    if (!shown(box)) hi = mid;
    else if (box.bottom <= above) lo = probe + 1;
    else hi = mid;
  }
  let from = -1;
  let to = lo;
  for (let i = lo; i < count; i++) {
    const box = boxOf(i);
    if (!shown(box)) continue;
    if (box.top >= below) break;
    if (from === -1) from = i;
    to = i + 1;
  }
  return from === -1 ? [lo, lo] : [from, to];
}
