import { describe, expect, it, vi } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import type { PaperLensDB } from '../db/schema';
import type { NoteInput } from './model';
import { saveNote } from '../db/notes';
import { clearJournal, forgetSave, journaledSave, journalSave, JOURNAL_KEY, replayPendingSaves, settleSave, type JournalStorage } from './pending-saves';
import { useFreshDb } from '../db/testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const [a, b] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0]];

function memoryStorage(): JournalStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

let db!: PaperLensDB;
useFreshDb('pending', (fresh) => (db = fresh), catalog);

describe('the note save journal', () => {
  it('replays a save that never got an answer, then forgets it', async () => {
    const storage = memoryStorage();
    const first = await saveNote(db, { paperId: a.id, text: 'v1' }, 100);
    const lost: NoteInput = { paperId: a.id, text: 'typed before the page closed', baseUpdatedAt: first.ok ? first.note.updatedAt : null };
    journalSave(storage, lost);
    expect(await replayPendingSaves(storage, (input) => saveNote(db, input, 200))).toEqual([]);
    expect((await db.notes.get(a.id))?.text).toBe('typed before the page closed');
    expect(JSON.parse(storage.map.get(JOURNAL_KEY)!)).toEqual({});
  });

  it('keeps a newer journaled save when an older one is answered', () => {
    const storage = memoryStorage();
    journalSave(storage, { paperId: a.id, text: 'one', baseUpdatedAt: 1 });
    journalSave(storage, { paperId: a.id, text: 'two', baseUpdatedAt: 1 });
    journalSave(storage, { paperId: b.id, starred: true });
    settleSave(storage, { paperId: a.id, text: 'one', baseUpdatedAt: 1 });
    expect(JSON.parse(storage.map.get(JOURNAL_KEY)!)).toEqual({
      [a.id]: { paperId: a.id, text: 'two', baseUpdatedAt: 1 },
      [b.id]: { paperId: b.id, starred: true },
    });
    settleSave(storage, { paperId: a.id, text: 'two', baseUpdatedAt: 5 });
    expect(Object.keys(JSON.parse(storage.map.get(JOURNAL_KEY)!))).toEqual([b.id]);
  });

  it('never overwrites a newer note written elsewhere: the replay reports it for the user to choose', async () => {
    const storage = memoryStorage();
    journalSave(storage, { paperId: a.id, text: 'mine, never sent', baseUpdatedAt: null });
    await saveNote(db, { paperId: a.id, text: 'written in the popup meanwhile' }, 300);
    const conflicts = await replayPendingSaves(storage, (input) => saveNote(db, input, 400));
    expect(conflicts.map((c) => [c.input.text, c.stored.text])).toEqual([['mine, never sent', 'written in the popup meanwhile']]);
    expect((await db.notes.get(a.id))?.text).toBe('written in the popup meanwhile');
    // Still journaled until the user decides.
    expect(JSON.parse(storage.map.get(JOURNAL_KEY)!)[a.id].text).toBe('mine, never sent');
  });

  it('forgets a conflicted save the user chose to drop, so the next replay neither saves nor reports it', async () => {
    const storage = memoryStorage();
    const save = journaledSave(storage, (input) => saveNote(db, input, 600));
    await saveNote(db, { paperId: a.id, text: 'written elsewhere' }, 500);
    journalSave(storage, { paperId: b.id, text: 'another note, still pending' });
    const result = await save({ paperId: a.id, text: 'typed here', baseUpdatedAt: 100 });
    expect(result.ok).toBe(false);
    forgetSave(storage, a.id);
    const replayed: string[] = [];
    const conflicts = await replayPendingSaves(storage, async (input) => {
      replayed.push(input.paperId);
      return saveNote(db, input, 700);
    });
    expect(conflicts).toEqual([]);
    expect(replayed).toEqual([b.id]);
    expect((await db.notes.get(a.id))?.text).toBe('written elsewhere');
    forgetSave(storage, 'never-journaled');
  });

  it('keeps a save whose replay fails, survives a corrupt journal, and can be cleared', async () => {
    const storage = memoryStorage();
    journalSave(storage, { paperId: a.id, text: 'x' });
    // The failure is expected here: it is logged (and checked), not printed into the test output.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unreachable = new Error('worker unreachable');
    try {
      expect(await replayPendingSaves(storage, () => Promise.reject(unreachable))).toEqual([]);
      expect(warn).toHaveBeenCalledExactlyOnceWith('PaperLens: replaying a note save failed; it stays journaled', unreachable);
    } finally {
      warn.mockRestore();
    }
    expect(JSON.parse(storage.map.get(JOURNAL_KEY)!)[a.id].text).toBe('x');
    clearJournal(storage);
    expect(JSON.parse(storage.map.get(JOURNAL_KEY)!)).toEqual({});
    storage.map.set(JOURNAL_KEY, '{not json');
    journalSave(storage, { paperId: b.id, text: 'y' });
    expect(JSON.parse(storage.map.get(JOURNAL_KEY)!)).toEqual({ [b.id]: { paperId: b.id, text: 'y' } });
  });
});

describe('journaledSave', () => {
  it('journals a save before sending and settles it once answered', async () => {
    const fake = memoryStorage();
    const storage = fake.map;
    let seenWhileSending = '';
    const save = journaledSave(fake, async (input) => {
      seenWhileSending = storage.get(JOURNAL_KEY) ?? '';
      return { ok: true, note: { paperId: input.paperId } as never };
    });
    await save({ paperId: 'p1', text: 'draft' });
    expect(JSON.parse(seenWhileSending)).toEqual({ p1: { paperId: 'p1', text: 'draft' } });
    expect(JSON.parse(storage.get(JOURNAL_KEY)!)).toEqual({});
  });

  it('keeps the journal entry when the save is refused or fails', async () => {
    const fake = memoryStorage();
    const storage = fake.map;
    const refused = journaledSave(fake, async () => ({ ok: false, conflict: {} as never }));
    await refused({ paperId: 'p1', text: 'mine' });
    const failing = journaledSave(fake, async () => {
      throw new Error('worker asleep');
    });
    await expect(failing({ paperId: 'p2', text: 'lost?' })).rejects.toThrow('worker asleep');
    expect(Object.keys(JSON.parse(storage.get(JOURNAL_KEY)!))).toEqual(['p1', 'p2']);
  });
});
