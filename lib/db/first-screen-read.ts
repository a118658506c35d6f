import { SETTING_KEYS } from '../settings';
import type { BrowsedPaper } from './browse';
import type { LibraryCounts } from './library-counts';

/*
 * The popup's first screen as last read, stored in one settings row with the papers and notes
 * revisions it was read at, so the popup can paint its first list from one read that starts
 * before its own code has loaded. This module reads it with raw IndexedDB and imports nothing
 * at run time but the settings keys: it is the whole of the small script popup.html runs first
 * (entrypoints/popup-boot.ts), and Dexie (100 kB) would be most of its cost. lib/db/first-screen.ts
 * writes the row through Dexie.
 */

/** The database's name (PaperLensDB's default; its test checks they agree). */
export const DB_NAME = 'paperlens';

/** How many papers the popup lists before anything is typed. */
export const FIRST_LIST_LIMIT = 30;

/** Bumped when the row's shape changes: a row of another shape is not believed. */
export const FIRST_SCREEN_FORMAT = 1;

/** The popup's first list and footer counts, with the revisions they were read at. */
export interface FirstScreen {
  format: typeof FIRST_SCREEN_FORMAT;
  /** The papers and notes revisions the row was read at; it is believed only while both are current. */
  papers: number;
  notes: number;
  /** The papers listed with nothing typed, on a tab where no paper was recognized (browsePapers). */
  browsed: BrowsedPaper[];
  /** The stored footer counts at those revisions (null while none were counted). */
  counts: LibraryCounts | null;
}

/** A revision as lib/db/revisions.ts reads it: 0 before the first write. */
const revisionOf = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * The stored row if it is of this format and was read at the current revisions, else null.
 * Every write to papers or notes bumps its revision in the same transaction, whoever made it
 * (the background, an import worker, a bench seeding raw IndexedDB), so a row that passes is
 * what a read of the tables would give now.
 */
export function currentFirstScreen(row: unknown, papersRevision: unknown, notesRevision: unknown): FirstScreen | null {
  if (typeof row !== 'object' || row === null) return null;
  const screen = row as Partial<FirstScreen>;
  if (screen.format !== FIRST_SCREEN_FORMAT || !Array.isArray(screen.browsed)) return null;
  return screen.papers === revisionOf(papersRevision) && screen.notes === revisionOf(notesRevision) ? (screen as FirstScreen) : null;
}

/**
 * Reads the stored first screen with raw IndexedDB in one transaction (the row and both
 * revisions); null when there is none, it is stale, or anything fails (the popup then reads
 * the tables as before). Never creates the database: a profile without one gets null.
 */
export function readStoredFirstScreen(name = DB_NAME): Promise<FirstScreen | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: creating an empty one here would leave Dexie a version-1 database
    // without its tables. Aborting the upgrade creates nothing (open then fails: null).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      // A schema upgrade elsewhere must not wait for this connection.
      db.onversionchange = () => db.close();
      try {
        const settings = db.transaction('settings', 'readonly').objectStore('settings');
        const keys = [SETTING_KEYS.firstScreen, SETTING_KEYS.papersRevision, SETTING_KEYS.notesRevision];
        const gets = keys.map((key) => settings.get(key));
        settings.transaction.oncomplete = () => {
          db.close();
          const [row, papers, notes] = gets.map((get) => (get.result as { value?: unknown } | undefined)?.value);
          resolve(currentFirstScreen(row, papers, notes));
        };
        settings.transaction.onabort = () => {
          db.close();
          resolve(null);
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
}

/*
 * popup.html runs a small script of its own first (entrypoints/popup-first-screen.ts): it starts
 * the read while the popup's modules are still loading, and leaves its promise on the window for
 * the popup's main module. A global, because the two are separate scripts (the small one must not
 * wait for the module graph); these two functions are their one meeting point.
 */
const STARTED = '__paperlensFirstScreen';
type WithRead = typeof globalThis & { [STARTED]?: Promise<FirstScreen | null> };

/** Run by popup.html's first script: starts reading the stored first screen. */
export function startFirstScreenRead(): void {
  (globalThis as WithRead)[STARTED] = readStoredFirstScreen();
}

/** The read popup.html's first script started, or a new one if that script has not run. */
export function firstScreenRead(): Promise<FirstScreen | null> {
  return (globalThis as WithRead)[STARTED] ?? readStoredFirstScreen();
}
