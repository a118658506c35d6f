import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { browsePapers } from './browse';
import { saveNote } from './notes';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const [a, b, c, d] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0], (typeof catalog.papers)[0], (typeof catalog.papers)[0]];
let db!: PaperLensDB;
useFreshDb('browse', (fresh) => (db = fresh), catalog);

describe('the popup list before anything is typed', () => {
  it('is empty with no note and nothing on the tab', async () => {
    expect(await browsePapers(db, [], 30)).toEqual([]);
  });

  it('lists the tab\'s papers first, then starred, then noted ones, each once, with their notes', async () => {
    await saveNote(db, { paperId: b.id, text: 'older note' }, 100);
    await saveNote(db, { paperId: c.id, text: '', starred: true }, 200);
    await saveNote(db, { paperId: a.id, text: 'newest note' }, 300);
    const listed = await browsePapers(db, [d.id, 'not-a-paper', a.id], 30);
    expect(listed.map((x) => x.paper.id)).toEqual([d.id, a.id, c.id, b.id]);
    expect(listed[0]!.note).toBeUndefined();
    expect(listed[1]!.note?.text).toBe('newest note');
    expect(listed[2]!.note?.starred).toBe(true);
    expect(listed[3]!.paper.title).toBe(b.title);
  });

  it('stops at the limit, reading a long list of the tab\'s papers a screenful at a time', async () => {
    const onTab = catalog.papers.slice(0, 200).map((p) => p.id);
    const listed = await browsePapers(db, ['unknown-1', ...onTab], 30);
    expect(listed.map((x) => x.paper.id)).toEqual(onTab.slice(0, 30));
  });
});
