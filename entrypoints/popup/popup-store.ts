import { create } from 'zustand';
import type { FirstScreen } from '@/lib/db/first-screen-read';
import { NO_FILTERS, type SearchFilters } from '@/lib/search/filters';

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
  searchSettled: () => void;
  setQuery: (query: string) => void;
  setFilter: <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => void;
  /** Moves the highlight by `delta` within `count` results, wrapping around. */
  move: (delta: number, count: number) => void;
  setActive: (active: number) => void;
  openPaper: (id: string) => void;
  closePaper: () => void;
}

export const usePopupStore = create<PopupState>()((set) => ({
  query: '',
  filters: NO_FILTERS,
  active: -1,
  openPaperId: null,
  searchReady: false,
  firstScreen: null,
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
}));
