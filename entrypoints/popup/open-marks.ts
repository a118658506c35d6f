/**
 * Performance marks of the popup's opening, read by `npm run bench -- search-popup`: its scripts
 * evaluated, its first render committed, its first list painted (set in the frame it is painted in).
 */
export const OPEN_MARKS = { scripts: 'paperlens:scripts', rendered: 'paperlens:rendered', firstResults: 'paperlens:first-results' } as const;
