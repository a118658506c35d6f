import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { saveNote } from './notes';
import { readResultRows } from './result-rows';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const [a, b] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0]];
let db!: PaperLensDB;
useFreshDb('result-rows', (fresh) => (db = fresh), catalog);

describe('readResultRows', () => {
  it('reads the papers and notes of the ids in their order, with the revisions they are current at', async () => {
    await saveNote(db, { paperId: b.id, text: 'on b' });
    const read = await readResultRows(db, [b.id, 'no-such-paper', a.id]);
    expect(read.rows.map((r) => r.paper?.id)).toEqual([b.id, undefined, a.id]);
    expect(read.rows.map((r) => r.note?.text)).toEqual(['on b', undefined, undefined]);
    expect(read.stamp).toEqual({ papers: await getRevision(db, 'papers'), notes: await getRevision(db, 'notes') });
  });

  it('is stamped anew by a note saved since, so a cache can tell the two reads apart', async () => {
    const before = await readResultRows(db, [a.id]);
    await saveNote(db, { paperId: a.id, text: 'new' });
    const after = await readResultRows(db, [a.id]);
    expect(after.stamp.notes).toBeGreaterThan(before.stamp.notes);
    expect(after.stamp.papers).toBe(before.stamp.papers);
    expect(after.rows[0]!.note?.text).toBe('new');
  });
});
