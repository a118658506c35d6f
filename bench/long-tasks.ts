/**
 * Runs in a bench page before its scripts (`page.addInitScript`): records every long task (Long
 * Tasks API) in `window.__tasks`, for the same page with and without PaperLens.
 */
export function observeLongTasks(): void {
  // tsx compiles named arrow functions with an `__name` helper that the page lacks.
  (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}
