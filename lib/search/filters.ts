import type { Note } from '../notes/model';

/** The filter chips of the popup; all active ones must hold. */
export interface SearchFilters {
  hasCode: boolean;
  hasNote: boolean;
  starred: boolean;
  /** Reading status "to read". */
  readLater: boolean;
  /** A topic label, or null for any topic. */
  topic: string | null;
}

export const NO_FILTERS: SearchFilters = { hasCode: false, hasNote: false, starred: false, readLater: false, topic: null };

export function hasActiveFilter(f: SearchFilters): boolean {
  return f.hasCode || f.hasNote || f.starred || f.readLater || f.topic !== null;
}

/** What the filters need to know about one paper. */
export interface FilterFacts {
  hasCode: boolean;
  topics: readonly string[];
  hasNote: boolean;
  starred: boolean;
  toRead: boolean;
}

export function noteHasText(note: Note | undefined): boolean {
  return note !== undefined && note.text.trim() !== '';
}

export function passesFilters(f: SearchFilters, facts: FilterFacts): boolean {
  if (f.hasCode && !facts.hasCode) return false;
  if (f.hasNote && !facts.hasNote) return false;
  if (f.starred && !facts.starred) return false;
  if (f.readLater && !facts.toRead) return false;
  if (f.topic !== null && !facts.topics.includes(f.topic)) return false;
  return true;
}
