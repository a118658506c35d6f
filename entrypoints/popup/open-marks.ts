/**
 * Performance marks of the popup's opening, read by `npm run bench -- search-popup`: its scripts
 * evaluated, its first render committed, its first list painted (set in the frame it is painted in).
 */
export const OPEN_MARKS = { scripts: 'paperlens:scripts', rendered: 'paperlens:rendered', firstResults: 'paperlens:first-results' } as const;

/** Sets the mark unless it is set already: an opening's marks name its first render and list. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}
