import Dexie, { type EntityTable } from 'dexie';
import type { StoredPaper } from '../catalog/types';
import { identityKeys } from '../library/identity';
import type { HistoryEntry, ImportSet, LearnedId } from '../library/types';
import type { Note } from '../notes/model';
import type { Setting } from '../settings';
import { contextWakeStamp, wakeStampMiddleware } from './wake-stamp';

/** The extension's database. Only extension pages, the background and the import worker open it. */
export class PaperLensDB extends Dexie {
  papers!: EntityTable<StoredPaper, 'id'>;
  notes!: EntityTable<Note, 'paperId'>;
  settings!: EntityTable<Setting, 'key'>;
  /** Imported library files, one row each (v2). */
  sets!: EntityTable<ImportSet, 'id'>;
  /** The reading history, one row per paper (v2). */
  history!: EntityTable<HistoryEntry, 'id'>;
  /** arXiv ids learned from pages, kept across catalog refreshes (v2). */
  learnedIds!: EntityTable<LearnedId, 'key'>;

  constructor(name = 'paperlens') {
    super(name);
    this.version(1).stores({
      papers: 'id, source',
      notes: 'paperId, updatedAt, status, *tags',
      settings: 'key',
    });
    // v2: one paper, one identity (papers indexed by every key they are known by), import sets,
    // the reading history and learned ids. Every v1 row stays; papers gain their keys.
    this.version(2)
      .stores({
        papers: 'id, source, *keys, *sets',
        sets: 'id, importedAt',
        history: 'id, visitedAt, paperId, *keys',
        learnedIds: 'key, paperId',
      })
      .upgrade((tx) =>
        tx
          .table<StoredPaper, string>('papers')
          .toCollection()
          .modify((paper) => {
            paper.keys = identityKeys(paper);
          }),
      );
  }
}

let shared: PaperLensDB | undefined;

/**
 * The database of this extension context, opened on first use. Its writes replace the wake
 * state's stamp (lib/db/wake-stamp.ts), whatever context makes them.
 */
export function getDb(): PaperLensDB {
  shared ??= new PaperLensDB().use(wakeStampMiddleware(contextWakeStamp()));
  return shared;
}
