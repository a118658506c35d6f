import Dexie, { type EntityTable } from 'dexie';
import type { Paper } from '../catalog/types';

/** Where a stored paper came from: the bundled catalog, or saved by the user from a page. */
export type PaperSource = 'catalog' | 'user';

/** A paper in the database; catalog refreshes replace `catalog` rows and never touch `user` ones. */
export interface StoredPaper extends Paper {
  source: PaperSource;
  /** When the user saved it (user papers only), ms since epoch. */
  savedAt?: number;
  /** The page it was saved from (user papers only). */
  url?: string;
  /** Author names as the page lists them (user papers only; the catalog has none). */
  authors?: string[];
  /** Publication year (user papers only), for citations. */
  year?: number;
}

/** Reading status a user gives a paper. */
export const READING_STATUS = ['none', 'to-read', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUS)[number];

/**
 * The user's note on a paper. Its own table keyed by paper id, holding a title snapshot, so
 * catalog updates cannot delete it and a note outlives a paper renamed or removed.
 */
export interface Note {
  paperId: string;
  /** Markdown. */
  text: string;
  tags: string[];
  status: ReadingStatus;
  starred: boolean;
  /** The paper's title when the note was last saved. */
  titleSnapshot: string;
  createdAt: number;
  updatedAt: number;
}

/** Small key/value settings (catalog version, enabled sites, …). */
export interface Setting {
  key: string;
  value: unknown;
}

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
