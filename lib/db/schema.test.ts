import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { identityKeys } from '../library/identity';
import { PaperLensDB } from './schema';

/** The v1 database as the previous release created it, opened by Dexie without the v2 schema. */
function openV1(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({ papers: 'id, source', notes: 'paperId, updatedAt, status, *tags', settings: 'key' });
  return v1;
}

describe('schema v2', () => {
  it('keeps every v1 row and indexes each paper by its identity keys', async () => {
    const name = 'upgrade-from-v1';
    const v1 = openV1(name);
    const catalogPaper = { id: 'attention-1', title: 'Attention Is All You Need', abstract: 'a', tldr: 't', keyResult: null, links: [], topics: [], sources: ['s'], source: 'catalog' };
    const saved = { ...catalogPaper, id: 'bert-2', title: 'BERT: Pre-training of Deep Bidirectional Transformers', source: 'user', arxivId: '1810.04805v2', savedAt: 7 };
    const note = { paperId: 'bert-2', text: 'mine', tags: ['nlp'], status: 'read', starred: true, titleSnapshot: saved.title, createdAt: 1, updatedAt: 2 };
    const settings = [{ key: 'revision:papers', value: 4 }, { key: 'sites', value: { disabled: ['x'], custom: [] } }];
    await v1.table('papers').bulkAdd([catalogPaper, saved]);
    await v1.table('notes').add(note);
    await v1.table('settings').bulkAdd(settings);
    v1.close();

    const db = new PaperLensDB(name);
    try {
      expect(db.verno).toBe(2);
      expect(await db.papers.get('attention-1')).toEqual({ ...catalogPaper, keys: identityKeys(catalogPaper) });
      expect(await db.papers.get('bert-2')).toEqual({ ...saved, keys: ['arxiv:1810.04805', expect.stringMatching(/^title:bert pre training/)] });
      expect(await db.notes.toArray()).toEqual([note]);
      expect(await db.settings.toArray()).toEqual(settings);
      // The new indexes answer.
      expect((await db.papers.where('keys').equals('arxiv:1810.04805').first())?.id).toBe('bert-2');
      expect(await db.sets.count()).toBe(0);
      expect(await db.history.count()).toBe(0);
      expect(await db.learnedIds.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });
});
