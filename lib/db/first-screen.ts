import { SETTING_KEYS } from '../settings';
import { browsePapers } from './browse';
import { currentFirstScreen, FIRST_LIST_LIMIT, FIRST_SCREEN_FORMAT, type FirstScreen } from './first-screen-read';
import { storedLibraryCounts } from './library-counts';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';

/**
 * The popup's first screen read now, with the revisions it was read at (one transaction, so a
 * write made meanwhile cannot pair new revisions with an old list), stored in its settings row
 * when it differs from what is there. Whoever calls it after the tables changed makes the next
 * popup's first paint one read again; a stale row is never believed (first-screen-read.ts), so
 * a writer that does not call it costs the next popup the longer path, never a wrong list.
 */
export async function refreshFirstScreen(db: PaperLensDB): Promise<FirstScreen> {
  return db.transaction('rw', db.papers, db.notes, db.settings, async () => {
    const [papers, notes, stored] = await Promise.all([
      getRevision(db, 'papers'),
      getRevision(db, 'notes'),
      db.settings.get(SETTING_KEYS.firstScreen),
    ]);
    const [browsed, counts] = await Promise.all([browsePapers(db, [], FIRST_LIST_LIMIT), storedLibraryCounts(db)]);
    const screen: FirstScreen = { format: FIRST_SCREEN_FORMAT, papers, notes, browsed, counts };
    // An unchanged row is not written again (a write wakes every live query on the settings row).
    const current = currentFirstScreen(stored?.value, papers, notes);
    if (!current || JSON.stringify(current) !== JSON.stringify(screen)) await db.settings.put({ key: SETTING_KEYS.firstScreen, value: screen });
    return screen;
  });
}
