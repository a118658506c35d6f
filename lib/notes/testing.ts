import type { Note } from './model';

/** A stored note on paper `p1` with this text and update time, for tests. */
export function testNote(text: string, updatedAt: number): Note {
  return { paperId: 'p1', text, tags: [], status: 'none', starred: false, titleSnapshot: 'T', createdAt: 1, updatedAt };
}
