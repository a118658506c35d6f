import { describe, expect, it } from 'vitest';
import { overlaps, placeCard, unionBox, type Box, type Placement } from './placement';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });
const cardBox = (p: Placement): Box => box(p.left, p.top, p.width, p.height);
const inside = (b: Box, vw: number, vh: number, margin = 8) =>
  b.left >= margin && b.top >= margin && b.right <= vw - margin && b.bottom <= vh - margin;

describe('placeCard', () => {
  const card = { width: 380, height: 420 };

  it('goes below the title when the whole card fits there', () => {
    const anchor = box(40, 100, 500, 24);
    const p = placeCard({ anchor, viewport: { width: 1280, height: 800 }, card });
    expect(p).toEqual({ side: 'below', left: 40, top: 130, width: 380, height: 420 });
  });

  it('goes above when only above has room', () => {
    const anchor = box(40, 600, 500, 24);
    const p = placeCard({ anchor, viewport: { width: 1280, height: 800 }, card });
    expect(p).toMatchObject({ side: 'above', top: 600 - 6 - 420, height: 420 });
  });

  it('goes beside a title 355–440 px down an 800 px window, where neither below nor above fits (it used to be pinned over it)', () => {
    for (const top of [355, 380, 410, 440]) {
      const anchor = box(40, top, 640, 44);
      const p = placeCard({ anchor, viewport: { width: 1280, height: 800 }, card: { width: 380, height: 520 } });
      expect(p.side).toBe('right');
      expect(p.left).toBe(40 + 640 + 6);
      expect(p.height).toBe(520);
      expect(overlaps(cardBox(p), anchor)).toBe(false);
      expect(inside(cardBox(p), 1280, 800)).toBe(true);
    }
  });

  it('goes left of a title at the right edge', () => {
    const anchor = box(800, 380, 440, 24);
    const p = placeCard({ anchor, viewport: { width: 1280, height: 800 }, card: { width: 380, height: 520 } });
    expect(p).toMatchObject({ side: 'left', left: 800 - 6 - 380 });
    expect(overlaps(cardBox(p), anchor)).toBe(false);
  });

  it('shrinks into the larger of the spaces below and above when the title spans the width (the card scrolls)', () => {
    const anchor = box(20, 380, 1240, 44);
    const p = placeCard({ anchor, viewport: { width: 1280, height: 800 }, card: { width: 380, height: 520 } });
    expect(p.side).toBe('above');
    expect(p.height).toBe(380 - 6 - 8);
    expect(p.top).toBe(8);
    expect(overlaps(cardBox(p), anchor)).toBe(false);
  });

  it('never covers the title nor leaves the window, whatever the window and title', () => {
    for (const vh of [300, 500, 650, 800, 1000]) {
      for (const vw of [420, 800, 1280]) {
        for (let top = 0; top + 30 <= vh; top += 17) {
          for (const [left, width] of [[10, 200], [20, vw - 40], [vw - 220, 200]] as const) {
            for (const height of [150, 420, 560]) {
              const anchor = box(left, top, width, 30);
              const p = placeCard({ anchor, viewport: { width: vw, height: vh }, card: { width: 380, height } });
              const placed = cardBox(p);
              expect(overlaps(placed, anchor), `vw ${vw} vh ${vh} title at ${left},${top}`).toBe(false);
              expect(inside(placed, vw, vh), `vw ${vw} vh ${vh} title at ${left},${top}`).toBe(true);
              expect(p.height).toBeLessThanOrEqual(height);
            }
          }
        }
      }
    }
  });

  it('narrows the card to a window narrower than it', () => {
    const p = placeCard({ anchor: box(10, 10, 100, 20), viewport: { width: 300, height: 800 }, card: { width: 380, height: 200 } });
    expect(p).toMatchObject({ side: 'below', left: 8, width: 284 });
  });
});

describe('unionBox', () => {
  it('holds the title text and its badge, ignoring a badge not laid out', () => {
    const text = box(100, 10, 600, 41);
    const badge = box(701, 8, 9, 9);
    expect(unionBox([text, badge])).toEqual({ left: 100, top: 8, right: 710, bottom: 51 });
    expect(unionBox([text, box(0, 0, 0, 0)])).toEqual(text);
  });
});
