/**
 * Performance marks of the popup's opening, read by `npm run bench -- search-popup`: its scripts
 * evaluated, its first render committed (the first list's own mark is set where it is painted).
 */
export const OPEN_MARKS = { scripts: 'paperlens:scripts', rendered: 'paperlens:rendered' } as const;
