/**
 * Reading status a user gives a paper. A module of its own so the note editor takes the list
 * without the schemas in ./model.ts (the hover card's bundle stays free of them).
 */
export const READING_STATUS = ['none', 'to-read', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUS)[number];
