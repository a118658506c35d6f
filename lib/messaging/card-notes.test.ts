import { describe, expect, it, vi } from 'vitest';
import type { Note, NoteInput, NoteSaveResult, PaperWithNote } from '../notes/model';
import { paperState } from '../notes/paper-state';
import { testNote as note } from '../notes/testing';
import type { DraftMessage } from './card';
import { cardNotes, streamDrafts, type DraftSender } from './card-notes';

const withNote = (n: Note | null): PaperWithNote => ({
  paper: { id: 'p1', title: 'T', abstract: '', tldr: '', keyResult: null, links: [], topics: [], sources: [], source: 'catalog' },
  note: n,
  state: paperState({ note: n }),
});

describe('the card’s notes', () => {
  it('discarding a note’s unsaved text withdraws the draft the background holds for it', () => {
    const drafts: [string, NoteInput | null][] = [];
    const notes = cardNotes({ getPaper: vi.fn(), saveNote: vi.fn() }, (paperId, draft) => drafts.push([paperId, draft]));
    notes.draft?.('p1', { paperId: 'p1', text: 'typed', baseUpdatedAt: 1 });
    notes.discard?.('p1');
    expect(drafts).toEqual([
      ['p1', { paperId: 'p1', text: 'typed', baseUpdatedAt: 1 }],
      ['p1', null],
    ]);
  });

  it('tell the editor the note each load brings and each landed save, and nothing a refused save carried', async () => {
    let stored = note('v1', 1);
    const background = {
      getPaper: vi.fn(async () => withNote(stored)),
      saveNote: vi.fn(async (input: NoteInput): Promise<NoteSaveResult> =>
        input.baseUpdatedAt === stored.updatedAt ? { ok: true, note: (stored = note(input.text ?? '', stored.updatedAt + 1)) } : { ok: false, conflict: stored },
      ),
    };
    const notes = cardNotes(background, () => undefined);
    const seen: (string | undefined)[] = [];
    const stop = notes.subscribe('p1', (n) => seen.push(n?.text), () => undefined);
    expect(seen).toEqual([]);
    await notes.load('p1');
    expect((await notes.save({ paperId: 'p1', text: 'v2', baseUpdatedAt: 1 })).ok).toBe(true);
    expect((await notes.save({ paperId: 'p1', text: 'stale', baseUpdatedAt: 1 })).ok).toBe(false);
    stored = note('from the popup', 9);
    await notes.load('p1');
    expect(seen).toEqual(['v1', 'v2', 'from the popup']);
    stop();
    await notes.load('p1');
    expect(seen).toHaveLength(3);
    // A late subscriber gets what is known at once; an unknown paper has nothing to say yet.
    const late = vi.fn();
    notes.subscribe('p1', late, () => undefined);
    expect(late).toHaveBeenCalledWith(stored);
  });

  it('say "no note yet" for a paper without one', async () => {
    const notes = cardNotes({ getPaper: async () => withNote(null), saveNote: vi.fn() }, () => undefined);
    await notes.load('p1');
    const onNote = vi.fn();
    notes.subscribe('p1', onNote, () => undefined);
    expect(onNote).toHaveBeenCalledWith(undefined);
  });
});

describe('streamDrafts', () => {
  function fakeConnect() {
    const ports: { sent: DraftMessage[]; disconnect: () => void }[] = [];
    const connect = (): DraftSender => {
      const entry = { sent: [] as DraftMessage[], disconnect: () => undefined as void };
      ports.push(entry);
      return {
        postMessage: (m) => entry.sent.push(m),
        onDisconnect: { addListener: (l) => (entry.disconnect = l) },
      };
    };
    return { ports, connect };
  }

  it('opens the port on the first draft, not for a saved note', () => {
    const { ports, connect } = fakeConnect();
    const send = streamDrafts(connect);
    send('p1', null);
    expect(ports).toHaveLength(0);
    send('p1', { paperId: 'p1', text: 'a' });
    send('p1', null);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.sent).toEqual([
      { paperId: 'p1', draft: { paperId: 'p1', text: 'a' } },
      { paperId: 'p1', draft: null },
    ]);
  });

  it('reopens the port with every unsaved draft when the worker went away', () => {
    const { ports, connect } = fakeConnect();
    const send = streamDrafts(connect);
    send('p1', { paperId: 'p1', text: 'one' });
    send('p2', { paperId: 'p2', text: 'two' });
    send('p2', null);
    ports[0]!.disconnect();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent).toEqual([{ paperId: 'p1', draft: { paperId: 'p1', text: 'one' } }]);
  });
});
