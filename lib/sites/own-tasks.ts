/**
 * PaperLens's own main-thread work on a page, as it happens: each stretch of the content script
 * (a scan slice, an answer being marked, badges placed, save controls mounted) is timed, and the
 * running figures are left in one performance mark, `paperlens:busy`, whose detail is
 * {@link OwnTasks}. `npm run bench -- scan` / `-- match` read it from the page; it says nothing of
 * the user's data, only durations. One mark, replaced each time (at most every {@link PUBLISH_MS}),
 * so a page open for hours keeps no growing list of entries.
 */
export const BUSY_MARK = 'paperlens:busy';

export interface OwnTasks {
  /** Milliseconds of main thread the content script took so far (JavaScript and the layouts it forced). */
  total: number;
  /** How many stretches of work that was. */
  count: number;
  /** The longest stretches, [start (ms after navigation start), duration, what], longest first. */
  longest: [number, number, string][];
  /** Milliseconds per kind of work (the names given to {@link ownTask}). */
  byName: Record<string, number>;
}

const KEEP = 5;
const figures: OwnTasks = { total: 0, count: 0, longest: [], byName: {} };
let depth = 0;

/**
 * Runs `work` as one stretch of PaperLens's own work, named `what` (nested calls count as part of
 * the outer one). `microtasks`: the stretch ends after the microtasks `work` queued, which run
 * right after it in the same task (a message sent through the messaging library is serialized
 * there, after the library's first `await`).
 */
export function ownTask<T>(what: string, work: () => T, { microtasks = false }: { microtasks?: boolean } = {}): T {
  if (depth > 0) return work();
  depth++;
  const start = performance.now();
  try {
    return work();
  } finally {
    depth--;
    if (microtasks) queueMicrotask(() => record(start, performance.now() - start, what));
    else record(start, performance.now() - start, what);
  }
}

function record(start: number, duration: number, what: string): void {
  figures.total += duration;
  figures.count++;
  figures.byName[what] = (figures.byName[what] ?? 0) + duration;
  const longest = figures.longest;
  if (longest.length < KEEP || duration > longest[longest.length - 1]![1]) {
    longest.push([Math.round(start), Math.round(duration * 10) / 10, what]);
    longest.sort((a, b) => b[1] - a[1]);
    longest.length = Math.min(longest.length, KEEP);
  }
  // Written a little later, once for all the stretches until then: a mark per stretch cost
  // about as much as a short stretch itself.
  if (!pending) {
    pending = true;
    setTimeout(publish, PUBLISH_MS);
  }
}

/** How long the figures may wait before they are written to the mark. */
export const PUBLISH_MS = 100;
let pending = false;

function publish(): void {
  pending = false;
  try {
    performance.clearMarks(BUSY_MARK);
    performance.mark(BUSY_MARK, { detail: { ...figures, longest: [...figures.longest], byName: { ...figures.byName } } });
  } catch {
    // No User Timing here (test DOMs): the figures are only for benchmarks.
  }
}
