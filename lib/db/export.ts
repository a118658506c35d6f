import { type ExportFile, EXPORT_FORMAT, EXPORT_VERSION } from '../notes/export';
import { isUserSetting, SETTING_KEYS } from '../settings';
import type { PaperLensDB } from './schema';

/** Reads the user's data in one read transaction, so the file is a consistent snapshot. */
export async function exportData(db: PaperLensDB, now = Date.now()): Promise<ExportFile> {
  return db.transaction('r', db.notes, db.papers, db.settings, async () => {
    const version = (await db.settings.get(SETTING_KEYS.catalogVersion))?.value;
    const settings = await db.settings.toArray();
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: now,
      catalogVersion: typeof version === 'string' ? version : null,
      notes: await db.notes.orderBy('paperId').toArray(),
      // The index query returns exactly the rows whose source is 'user'.
      // Identity keys are derived (the import recomputes them), so the file leaves them out.
      userPapers: (await db.papers.where('source').equals('user').sortBy('id')).map(({ keys: _, ...paper }) => paper) as ExportFile['userPapers'],
      // Only the user's settings: never bookkeeping or caches (a search index is typed arrays and stale elsewhere).
      settings: settings.filter((s) => isUserSetting(s.key)),
    };
  });
}
