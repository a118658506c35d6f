import { create } from 'zustand';
import type { FirstScreen } from '@/lib/db/first-screen-read';
import { hasActiveFilter, NO_FILTERS, type SearchFilters } from '@/lib/search/filters';

/**
 * The popup's UI state only. Papers and notes stay in Dexie (read live), so nothing here can
 * go stale against an edit made in another window.
 */
export interface PopupState {
  query: string;
  filters: SearchFilters;
  /** Index of the highlighted result (aria-activedescendant), -1 for none. */
  active: number;
  /** The paper whose view is open, or null for the result list. */
  openPaperId: string | null;
  /**
   * The first read of the search index is over (loaded, none stored yet, or failed). Heavier
   * reads wait for it: they would queue before it in IndexedDB.
   */
  searchReady: boolean;
  /**
   * The stored first screen (lib/db/first-screen.ts) when it was current as the popup opened:
   * what its first render lists until the live reads answer. Set once, before that render.
   */
  firstScreen: FirstScreen | null;
  /**
   * The query Enter was pressed on before its answer came (the index still loading): its first
   * result opens once it comes, so a typed-ahead Enter is not lost. Null when none is waiting.
   */
  openWhenAnswered: string | null;
  searchSettled: () => void;
  setQuery: (query: string) => void;
  setFilter: <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => void;
  /** Moves the highlight by `delta` within `count` results, wrapping around. */
  move: (delta: number, count: number) => void;
  setActive: (active: number) => void;
  openPaper: (id: string) => void;
  closePaper: () => void;
  /**
   * A key pressed in the search field, over the listed papers' ids (`answered`: they answer what
   * is typed now): arrows move the highlight, Enter opens the highlighted paper or the first (or
   * waits for the answer, openWhenAnswered), Escape clears the query, then the filters. Returns
   * whether the key was one of these, and 'close' for an Escape with nothing left to clear.
   */
  searchKey: (key: string, listed: readonly string[], answered: boolean) => boolean | 'close';
}

export const usePopupStore = create<PopupState>()((set, get) => ({
  query: '',
  filters: NO_FILTERS,
  active: -1,
  openPaperId: null,
  searchReady: false,
  firstScreen: null,
  openWhenAnswered: null,
  searchSettled: () => set({ searchReady: true }),
  setQuery: (query) => set({ query, active: -1 }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, active: -1 })),
  move: (delta, count) =>
    set((s) => {
      if (count === 0) return { active: -1 };
      if (s.active < 0) return { active: delta > 0 ? 0 : count - 1 };
      return { active: (s.active + delta + count) % count };
    }),
  setActive: (active) => set({ active }),
  openPaper: (id) => set({ openPaperId: id }),
  closePaper: () => set({ openPaperId: null }),
  searchKey: (key, listed, answered) => {
    const { query, filters, active, move, openPaper, setQuery } = get();
    if (key === 'ArrowDown' || key === 'ArrowUp') move(key === 'ArrowDown' ? 1 : -1, listed.length);
    else if (key === 'Enter') {
      const id = listed[active >= 0 ? active : 0];
      if (active < 0 && !answered) set({ openWhenAnswered: query });
      else if (id !== undefined) openPaper(id);
    } else if (key === 'Escape') {
      if (query) setQuery('');
      else if (hasActiveFilter(filters)) set({ filters: NO_FILTERS });
      else return 'close';
    } else return false;
    return true;
  },
}));
