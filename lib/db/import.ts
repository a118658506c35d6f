import type { StoredPaper } from '../catalog/types';
import type { ExportFile } from '../notes/export';
import type { Note } from '../notes/model';
import type { Setting } from '../settings';
import { withKeys } from './identity';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

/** One change an import would make (or skip), for the preview. */
export interface ImportItem {
  kind: 'note' | 'paper' | 'setting';
  id: string;
  /** Paper title, or the setting key. */
  label: string;
  /** Why it is skipped or what changes. */
  reason: string;
}

/** What applying a file would do: shown to the user before anything is written. */
export interface ImportPreview {
  add: ImportItem[];
  update: ImportItem[];
  skip: ImportItem[];
}

/**
 * The merge rules: a note is added when absent, replaces the stored note only when strictly
 * newer (`updatedAt`), and is skipped otherwise; a user paper or setting is added when absent
 * and never replaces what is there. Run inside a transaction by `applyImport`.
 */
async function plan(db: PaperLensDB, file: ExportFile): Promise<ImportPreview & { notes: Note[]; papers: StoredPaper[]; settings: Setting[] }> {
  const preview = { add: [] as ImportItem[], update: [] as ImportItem[], skip: [] as ImportItem[] };
  const write = { notes: [] as Note[], papers: [] as StoredPaper[], settings: [] as Setting[] };

  const storedPapers = await db.papers.bulkGet(file.userPapers.map((p) => p.id));
  file.userPapers.forEach((paper, i) => {
    const item: ImportItem = { kind: 'paper', id: paper.id, label: paper.title, reason: 'saved paper' };
    const stored = storedPapers[i];
    if (stored) {
      preview.skip.push({ ...item, reason: stored.source === 'catalog' ? 'now in the catalog' : 'already in your library' });
    } else {
      preview.add.push(item);
      write.papers.push(paper);
    }
  });

  const storedNotes = await db.notes.bulkGet(file.notes.map((n) => n.paperId));
  file.notes.forEach((note, i) => {
    const item: ImportItem = { kind: 'note', id: note.paperId, label: note.titleSnapshot || note.paperId, reason: 'note' };
    const stored = storedNotes[i];
    if (!stored) {
      preview.add.push(item);
      write.notes.push(note);
    } else if (note.updatedAt > stored.updatedAt) {
      preview.update.push({ ...item, reason: 'the imported note is newer' });
      write.notes.push(note);
    } else {
      preview.skip.push({
        ...item,
        reason: note.updatedAt === stored.updatedAt ? 'same as your note' : 'your note is newer',
      });
    }
  });

  const storedSettings = await db.settings.bulkGet(file.settings.map((s) => s.key));
  file.settings.forEach((setting, i) => {
    const item: ImportItem = { kind: 'setting', id: setting.key, label: setting.key, reason: 'setting' };
    if (storedSettings[i]) preview.skip.push({ ...item, reason: 'you already have this setting' });
    else {
      preview.add.push(item);
      write.settings.push(setting);
    }
  });
  return { ...preview, ...write };
}

/** What an import would do, without writing anything. */
export async function previewImport(db: PaperLensDB, file: ExportFile): Promise<ImportPreview> {
  const { add, update, skip } = await db.transaction('r', db.notes, db.papers, db.settings, () => plan(db, file));
  return { add, update, skip };
}

/**
 * Applies a validated file in ONE transaction (the plan is recomputed inside it, so edits made
 * since the preview are respected): either everything lands, or on any error nothing changes.
 */
export async function applyImport(db: PaperLensDB, file: ExportFile): Promise<ImportPreview> {
  return db.transaction('rw', db.notes, db.papers, db.settings, async () => {
    const { add, update, skip, notes, papers, settings } = await plan(db, file);
    if (papers.length) {
      await db.papers.bulkAdd(papers.map((p) => withKeys({ ...p })));
      await bumpRevision(db, 'papers');
    }
    if (notes.length) {
      await db.notes.bulkPut(notes);
      await bumpRevision(db, 'notes');
    }
    if (settings.length) await db.settings.bulkAdd(settings);
    return { add, update, skip };
  });
}
