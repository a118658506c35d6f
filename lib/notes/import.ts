import type { LinkKind, PaperLink } from '../catalog/types';
import { bumpRevision } from '../db/revisions';
import type { StoredPaper } from '../catalog/types';
import type { PaperLensDB, Setting } from '../db/schema';
import { READING_STATUS, type Note, type ReadingStatus } from './model';
import { LIMITS } from '../messaging/validate';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from './export';
import { isInternalSetting } from './library';
import { errorMessage } from '../errors';

/** A file that cannot be imported; the message says what is wrong with it, in words. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Larger files are refused before reading: no export of notes comes near it. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const LINK_KINDS: readonly LinkKind[] = ['code', 'project', 'other'];

type Obj = Record<string, unknown>;

function object(value: unknown, path: string): Obj {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ImportError(`${path} must be an object`);
  return value as Obj;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ImportError(`${path} must be an array`);
  return value;
}

function string(value: unknown, path: string, maxChars: number = Number.MAX_SAFE_INTEGER): string {
  if (typeof value !== 'string') throw new ImportError(`${path} must be a string`);
  if (value.length > maxChars) throw new ImportError(`${path} is longer than ${maxChars} characters`);
  return value;
}

function id(value: unknown, path: string): string {
  const s = string(value, path, LIMITS.idChars);
  if (!s) throw new ImportError(`${path} must not be empty`);
  return s;
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ImportError(`${path} must be a number`);
  return value;
}

function strings(value: unknown, path: string): string[] {
  return array(value, path).map((s, i) => string(s, `${path}[${i}]`));
}

function validateNote(value: unknown, path: string): Note {
  const v = object(value, path);
  const status = v.status;
  if (!READING_STATUS.includes(status as ReadingStatus)) {
    throw new ImportError(`${path}.status must be one of ${READING_STATUS.join(', ')}`);
  }
  if (typeof v.starred !== 'boolean') throw new ImportError(`${path}.starred must be true or false`);
  const tags = strings(v.tags, `${path}.tags`);
  if (tags.length > LIMITS.tags) throw new ImportError(`${path}.tags has more than ${LIMITS.tags} tags`);
  return {
    paperId: id(v.paperId, `${path}.paperId`),
    text: string(v.text, `${path}.text`, LIMITS.noteChars),
    tags,
    status: status as ReadingStatus,
    starred: v.starred,
    titleSnapshot: string(v.titleSnapshot, `${path}.titleSnapshot`, LIMITS.titleChars),
    createdAt: number(v.createdAt, `${path}.createdAt`),
    updatedAt: number(v.updatedAt, `${path}.updatedAt`),
  };
}

function validateLink(value: unknown, path: string): PaperLink {
  const v = object(value, path);
  if (!LINK_KINDS.includes(v.kind as LinkKind)) throw new ImportError(`${path}.kind must be one of ${LINK_KINDS.join(', ')}`);
  return { url: string(v.url, `${path}.url`), kind: v.kind as LinkKind, label: string(v.label, `${path}.label`) };
}

function validatePaper(value: unknown, path: string): StoredPaper {
  const v = object(value, path);
  if (v.source !== 'user') throw new ImportError(`${path}.source must be "user" (catalog papers are not imported)`);
  if (v.keyResult !== null && typeof v.keyResult !== 'string') {
    throw new ImportError(`${path}.keyResult must be a string or null`);
  }
  const paper: StoredPaper = {
    id: id(v.id, `${path}.id`),
    title: string(v.title, `${path}.title`, LIMITS.titleChars),
    abstract: string(v.abstract, `${path}.abstract`, LIMITS.abstractChars),
    tldr: string(v.tldr, `${path}.tldr`),
    keyResult: v.keyResult,
    links: array(v.links, `${path}.links`).map((l, i) => validateLink(l, `${path}.links[${i}]`)),
    topics: strings(v.topics, `${path}.topics`),
    sources: strings(v.sources, `${path}.sources`),
    source: 'user',
  };
  if (v.arxivId !== undefined) paper.arxivId = string(v.arxivId, `${path}.arxivId`, 40);
  if (v.savedAt !== undefined) paper.savedAt = number(v.savedAt, `${path}.savedAt`);
  if (v.url !== undefined) paper.url = string(v.url, `${path}.url`, LIMITS.urlChars);
  if (v.authors !== undefined) paper.authors = strings(v.authors, `${path}.authors`);
  if (v.year !== undefined) paper.year = number(v.year, `${path}.year`);
  return paper;
}

function validateSetting(value: unknown, path: string): Setting {
  const v = object(value, path);
  const key = id(v.key, `${path}.key`);
  if (isInternalSetting(key)) throw new ImportError(`${path}.key "${key}" is PaperLens's own bookkeeping, not part of an export`);
  // JSON drops an undefined value, so a missing one is what an undefined setting exports as.
  return { key, value: v.value };
}

function unique<T>(items: T[], key: (t: T) => string, path: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw new ImportError(`${path}[${i}] repeats "${k}"`);
    seen.add(k);
  });
}

/**
 * Checks every field of a parsed file and returns a clean copy holding only known fields.
 * The first problem found is reported with its path, e.g. `notes[3].updatedAt must be a number`.
 */
export function validateExport(value: unknown): ExportFile {
  const v = object(value, 'The file');
  if (v.format !== EXPORT_FORMAT) {
    throw new ImportError('This is not a PaperLens export (its "format" is not "paperlens-export").');
  }
  if (v.version !== EXPORT_VERSION) {
    throw new ImportError(
      `This export has version ${JSON.stringify(v.version)}; this PaperLens reads version ${EXPORT_VERSION}. ` +
        'Update PaperLens to import it.',
    );
  }
  if (v.catalogVersion !== null && typeof v.catalogVersion !== 'string') {
    throw new ImportError('catalogVersion must be a string or null');
  }
  const notes = array(v.notes, 'notes').map((n, i) => validateNote(n, `notes[${i}]`));
  const userPapers = array(v.userPapers, 'userPapers').map((p, i) => validatePaper(p, `userPapers[${i}]`));
  const settings = array(v.settings, 'settings').map((s, i) => validateSetting(s, `settings[${i}]`));
  unique(notes, (n) => n.paperId, 'notes');
  unique(userPapers, (p) => p.id, 'userPapers');
  unique(settings, (s) => s.key, 'settings');
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: number(v.exportedAt, 'exportedAt'),
    catalogVersion: v.catalogVersion,
    notes,
    userPapers,
    settings,
  };
}

/** Line and column of a character offset, for pointing at a JSON syntax error. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Parses and validates a file's text; every failure is an ImportError saying what is wrong. */
export function parseExport(text: string): ExportFile {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new ImportError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; no PaperLens export is that big.`);
  }
  if (!text.trim()) throw new ImportError('The file is empty.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = errorMessage(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineAndColumn(text, Number(at[1]))}` : /end of JSON input|Unterminated/i.test(message) ? ' (it ends too early: is it truncated?)' : '';
    throw new ImportError(`The file is not valid JSON${where}: ${message}`);
  }
  return validateExport(value);
}

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
      await db.papers.bulkAdd(papers);
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
