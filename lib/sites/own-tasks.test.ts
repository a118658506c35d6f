import { describe, expect, it } from 'vitest';
import { BUSY_MARK, PUBLISH_MS, ownTask, type OwnTasks } from './own-tasks';

const figures = () => (performance.getEntriesByName(BUSY_MARK)[0] as PerformanceMark).detail as OwnTasks;
/** The figures are written to the mark a moment after the work. */
const published = () => new Promise((resolve) => setTimeout(resolve, 3 * PUBLISH_MS));

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('ownTask', () => {
  it('adds each stretch of work to one replaced mark: the total, the count and the longest, named', async () => {
    const before = performance.getEntriesByName(BUSY_MARK).length ? figures() : { total: 0, count: 0, longest: [], byName: {} };
    expect(ownTask('short', () => 7)).toBe(7);
    ownTask('long', () => spin(15));
    await published();
    const after = figures();
    expect(performance.getEntriesByName(BUSY_MARK)).toHaveLength(1);
    expect(after.count).toBe(before.count + 2);
    expect(after.total - before.total).toBeGreaterThanOrEqual(15);
    expect(after.longest[0]![2]).toBe('long');
    expect(after.longest[0]![1]).toBeGreaterThanOrEqual(15);
    expect(after.byName.long).toBeGreaterThanOrEqual(15);
  });

  it('counts work nested in another stretch once, as part of the outer one', async () => {
    const before = figures();
    ownTask('outer', () => ownTask('inner', () => spin(2)));
    await published();
    expect(figures().count).toBe(before.count + 1);
    expect(figures().longest.some(([, , what]) => what === 'inner')).toBe(false);
  });

  it('counts the microtasks a stretch queued when asked to (a message serialized after an await)', async () => {
    const before = figures();
    ownTask('sent', () => {
      void Promise.resolve().then(() => spin(12));
    }, { microtasks: true });
    await published();
    expect(figures().byName.sent! - (before.byName.sent ?? 0)).toBeGreaterThanOrEqual(12);
  });

  it('records a stretch that threw, and lets the error through', async () => {
    const before = figures();
    expect(() => ownTask('failing', () => { throw new Error('no'); })).toThrow('no');
    await published();
    expect(figures().count).toBe(before.count + 1);
  });
});
