import Dexie, { type EntityTable } from 'dexie';
import type { StoredPaper } from '../catalog/types';
import type { Note } from '../notes/model';
import type { Setting } from '../settings';

/** The extension's database. Only extension pages and the background open it. */
export class PaperLensDB extends Dexie {
  papers!: EntityTable<StoredPaper, 'id'>;
  notes!: EntityTable<Note, 'paperId'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = 'paperlens') {
    super(name);
    this.version(1).stores({
      papers: 'id, source',
      notes: 'paperId, updatedAt, status, *tags',
      settings: 'key',
    });
  }
}

let shared: PaperLensDB | undefined;

/** The database of this extension context, opened on first use. */
export function getDb(): PaperLensDB {
  shared ??= new PaperLensDB();
  return shared;
}
