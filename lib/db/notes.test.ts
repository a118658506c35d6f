import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { createHandlers } from '../messaging/handlers';
import { allTags } from './notes';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const paper = catalog.papers[0]!;
let db!: PaperLensDB;
useFreshDb('notes', (fresh) => (db = fresh));

describe('saving a note through the background', () => {
  it('treats an editor that started from no note as stale once a note was created elsewhere', async () => {
    const h = createHandlers(db, async () => catalog);
    await h.saveNote({ paperId: paper.id, text: 'written in the card' });
    const popup = await h.saveNote({ paperId: paper.id, text: 'written in the popup', baseUpdatedAt: null });
    expect(popup.ok).toBe(false);
    expect(!popup.ok && popup.conflict.text).toBe('written in the card');
    // Same text is no conflict: nothing would be lost.
    expect((await h.saveNote({ paperId: paper.id, text: 'written in the card', baseUpdatedAt: null })).ok).toBe(true);
    // The first note of a paper saves with a null base.
    const other = catalog.papers[1]!;
    expect((await h.saveNote({ paperId: other.id, text: 'first', baseUpdatedAt: null })).ok).toBe(true);
  });
});

describe('allTags', () => {
  it('lists every tag once, most used first', async () => {
    const h = createHandlers(db, async () => catalog);
    await h.saveNote({ paperId: catalog.papers[0]!.id, text: '', tags: ['survey', 'cite'] });
    await h.saveNote({ paperId: catalog.papers[1]!.id, text: 'x', tags: ['cite'] });
    await h.saveNote({ paperId: catalog.papers[2]!.id, text: 'y', tags: ['baseline', 'cite', 'survey'] });
    expect(await allTags(db)).toEqual(['cite', 'survey', 'baseline']);
  });
});
