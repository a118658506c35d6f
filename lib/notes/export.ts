import { CATALOG_VERSION_KEY } from '../db/catalog-load';
import type { StoredPaper } from '../catalog/types';
import type { PaperLensDB, Setting } from '../db/schema';
import type { Note } from './model';
import { isInternalSetting } from './library';

/** Marks a file as ours, so a foreign JSON file is rejected by name rather than by accident. */
export const EXPORT_FORMAT = 'paperlens-export';
/** Bumped on any incompatible change; import refuses versions it does not know. */
export const EXPORT_VERSION = 1;

/**
 * Everything that is the user's, as one JSON document. Lossless: importing it into an empty
 * database gives back exactly these notes, user papers and settings. Catalog papers are not in
 * it (the extension ships them); `catalogVersion` says which catalog the notes were written against.
 */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ms since epoch. */
  exportedAt: number;
  catalogVersion: string | null;
  notes: Note[];
  /** Papers saved from pages (`source: 'user'`). */
  userPapers: StoredPaper[];
  /** The user's settings (enabled sites, …), without the catalog's bookkeeping keys. */
  settings: Setting[];
}

/** Reads the user's data in one read transaction, so the file is a consistent snapshot. */
export async function exportData(db: PaperLensDB, now = Date.now()): Promise<ExportFile> {
  return db.transaction('r', db.notes, db.papers, db.settings, async () => {
    const version = (await db.settings.get(CATALOG_VERSION_KEY))?.value;
    const settings = await db.settings.toArray();
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: now,
      catalogVersion: typeof version === 'string' ? version : null,
      notes: await db.notes.orderBy('paperId').toArray(),
      userPapers: await db.papers.where('source').equals('user').sortBy('id'),
      settings: settings.filter((s) => !isInternalSetting(s.key)),
    };
  });
}

/**
 * The file's text. JSON.stringify writes lone surrogates and control characters as `\u` escapes,
 * so any string a note holds survives the UTF-8 file unchanged.
 */
export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file, null, 1);
}

/** A file name that sorts by date: `paperlens-2026-11-22.json`. */
export function exportFileName(exportedAt: number, extension: 'json' | 'md' | 'bib'): string {
  return `paperlens-${new Date(exportedAt).toISOString().slice(0, 10)}.${extension}`;
}
