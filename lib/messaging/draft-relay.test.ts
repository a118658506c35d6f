import { describe, expect, it, vi } from 'vitest';
import type { NoteInput, NoteSaveResult } from '../notes/model';
import { testNote as note } from '../notes/testing';
import { CONFLICT_MARKER, relayDrafts, type DraftPort } from './draft-relay';

function fakePort() {
  let onMessage: (m: unknown) => void = () => undefined;
  let onDisconnect: () => void = () => undefined;
  const port: DraftPort = {
    onMessage: { addListener: (l) => (onMessage = l) },
    onDisconnect: { addListener: (l) => (onDisconnect = l) },
  };
  return { port, post: (m: unknown) => onMessage(m), disconnect: () => onDisconnect() };
}

describe('relayDrafts', () => {
  it('saves the latest unsaved draft of each note when the card goes away', async () => {
    const save = vi.fn(async (input: NoteInput): Promise<NoteSaveResult> => ({ ok: true, note: note(input.text ?? '', 5) }));
    const { port, post, disconnect } = fakePort();
    relayDrafts(port, save);
    post({ paperId: 'p1', draft: { paperId: 'p1', baseUpdatedAt: 3, text: 'dra' } });
    post({ paperId: 'p1', draft: { paperId: 'p1', baseUpdatedAt: 3, text: 'draft' } });
    post({ paperId: 'p2', draft: { paperId: 'p2', baseUpdatedAt: null, text: 'other' } });
    disconnect();
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls.map(([input]) => input.text)).toEqual(['draft', 'other']);
  });

  it('saves nothing once the card reported the draft saved', async () => {
    const save = vi.fn(async (): Promise<NoteSaveResult> => ({ ok: true, note: note('', 5) }));
    const { port, post, disconnect } = fakePort();
    relayDrafts(port, save);
    post({ paperId: 'p1', draft: { paperId: 'p1', text: 'draft' } });
    post({ paperId: 'p1', draft: null });
    disconnect();
    await Promise.resolve();
    expect(save).not.toHaveBeenCalled();
  });

  it('keeps a draft that meets a newer note by appending it below', async () => {
    const saved: NoteInput[] = [];
    const save = async (input: NoteInput): Promise<NoteSaveResult> => {
      saved.push(input);
      return saved.length === 1 ? { ok: false, conflict: note('newer text', 9) } : { ok: true, note: note(input.text ?? '', 10) };
    };
    const { port, post, disconnect } = fakePort();
    relayDrafts(port, save);
    post({ paperId: 'p1', draft: { paperId: 'p1', baseUpdatedAt: 3, text: 'my draft' } });
    disconnect();
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual({ paperId: 'p1', baseUpdatedAt: 9, text: `newer text${CONFLICT_MARKER}my draft` });
  });

  it('saves a draft over the card’s own autosave that landed after it, without a conflict marker', async () => {
    const saved: NoteInput[] = [];
    const save = async (input: NoteInput): Promise<NoteSaveResult> => {
      saved.push(input);
      // The card's autosave of 'my draf' reached the database first.
      return saved.length === 1 ? { ok: false, conflict: note('my draf', 9) } : { ok: true, note: note(input.text ?? '', 10) };
    };
    const { port, post, disconnect } = fakePort();
    relayDrafts(port, save);
    post({ paperId: 'p1', draft: { paperId: 'p1', baseUpdatedAt: 3, text: 'my draf' } });
    post({ paperId: 'p1', draft: { paperId: 'p1', baseUpdatedAt: 3, text: 'my draft' } });
    disconnect();
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual({ paperId: 'p1', baseUpdatedAt: 9, text: 'my draft' });
  });

  it('ignores malformed drafts', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const save = vi.fn(async (): Promise<NoteSaveResult> => ({ ok: true, note: note('', 5) }));
    const { port, post, disconnect } = fakePort();
    relayDrafts(port, save);
    post({ paperId: 'p1', draft: { paperId: 42, text: 'x' } });
    post('garbage');
    post(null);
    disconnect();
    await Promise.resolve();
    expect(save).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
