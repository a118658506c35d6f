import { describe, expect, it } from 'vitest';
import { nearViewport, type Box } from './near-viewport';

/** `count` items 100 px tall, one under the other, the page scrolled by `scroll`. */
function list(count: number, scroll: number, hidden: number[] = []): Box[] {
  return Array.from({ length: count }, (_, i) =>
    hidden.includes(i) ? { top: 0, bottom: 0, width: 0, height: 0 } : { top: i * 100 - scroll, bottom: i * 100 + 100 - scroll, width: 600, height: 100 },
  );
}

function near(boxes: Box[], viewport: number, margin: number): { range: [number, number]; reads: number } {
  let reads = 0;
  const range = nearViewport(boxes.length, (i) => (reads++, boxes[i]!), viewport, margin);
  return { range, reads };
}

describe('nearViewport', () => {
  it('finds the items within the margin above and below the viewport', () => {
    // Viewport 500 px at 10,000 px: items 100..104 are in it, 90..114 within 1,000 px of it.
    expect(near(list(2000, 10_000), 500, 1000).range).toEqual([90, 115]);
    expect(near(list(2000, 0), 500, 1000).range).toEqual([0, 15]);
    expect(near(list(2000, 199_600), 500, 1000).range).toEqual([1986, 2000]);
  });

  it('reads about a dozen boxes beyond the ones it returns, whatever the length', () => {
    const { range, reads } = near(list(2000, 100_000), 500, 1000);
    expect(reads - (range[1] - range[0])).toBeLessThanOrEqual(14);
  });

  it('passes over hidden items, in the search and in the range', () => {
    const hidden = [95, 96, 97, 1000, 1001];
    expect(near(list(2000, 10_000, hidden), 500, 1000).range).toEqual([90, 115]);
    expect(near(list(2000, 10_000, [89, 90, 91]), 500, 1000).range).toEqual([92, 115]);
  });

  it('is empty when the list is scrolled far away, or hidden, or empty', () => {
    const [from, to] = near(list(100, 50_000), 500, 1000).range;
    expect(to - from).toBe(0);
    const all = Array.from({ length: 50 }, (_, i) => i);
    const [a, b] = near(list(50, 0, all), 500, 1000).range;
    expect(b - a).toBe(0);
    expect(near([], 500, 1000).range).toEqual([0, 0]);
  });
});
