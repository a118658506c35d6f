import { describe, expect, it } from 'vitest';
import type { StoredPaper } from '../catalog/types';
import type { Note } from '../notes/model';
import { RowCache, type CachedRow } from './row-cache';

const paper = (id: string): StoredPaper => ({
  id,
  title: `Paper ${id}`,
  abstract: '',
  tldr: '',
  keyResult: null,
  links: [],
  topics: [],
  sources: [],
  source: 'catalog',
});
const note = (paperId: string, text: string): Note => ({
  paperId,
  text,
  tags: [],
  status: 'none',
  starred: false,
  titleSnapshot: '',
  createdAt: 1,
  updatedAt: 1,
});
const row = (id: string, text?: string): CachedRow => ({ paper: paper(id), note: text === undefined ? undefined : note(id, text) });

describe('RowCache', () => {
  it('holds what a read found, rows without a paper too, and names what it lacks', () => {
    const cache = new RowCache();
    expect(cache.put({ papers: 1, notes: 1 }, ['a', 'gone'], [row('a', 'hi'), { paper: undefined, note: undefined }])).toBe(true);
    expect(cache.get('a')?.note?.text).toBe('hi');
    expect(cache.get('gone')).toEqual({ paper: undefined, note: undefined });
    expect(cache.missing(['a', 'b', 'gone', 'c'])).toEqual(['b', 'c']);
  });

  it('drops every row once the revisions move, however it learns of it', () => {
    const cache = new RowCache();
    cache.put({ papers: 1, notes: 1 }, ['a', 'b'], [row('a', 'old'), row('b')]);
    cache.observe({ papers: 1, notes: 1 });
    expect(cache.missing(['a', 'b'])).toEqual([]);
    // A note saved: the live revisions say so.
    cache.observe({ papers: 1, notes: 2 });
    expect(cache.missing(['a', 'b'])).toEqual(['a', 'b']);

    // A read made after a paper changed says so before the live revisions do.
    cache.put({ papers: 1, notes: 2 }, ['a'], [row('a', 'new')]);
    cache.put({ papers: 2, notes: 2 }, ['b'], [row('b')]);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.missing(['a', 'b'])).toEqual(['a']);
  });

  it('refuses a read made before a change it already knows of (a read in flight when a note was saved)', () => {
    const cache = new RowCache();
    cache.observe({ papers: 3, notes: 5 });
    expect(cache.put({ papers: 3, notes: 4 }, ['a'], [row('a', 'before the save')])).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.put({ papers: 3, notes: 5 }, ['a'], [row('a', 'after the save')])).toBe(true);
    // A late live notification of an older state changes nothing.
    cache.observe({ papers: 3, notes: 4 });
    expect(cache.get('a')?.note?.text).toBe('after the save');
  });

  it('keeps at most its limit, dropping the rows least recently read or listed', () => {
    const cache = new RowCache(3);
    const stamp = { papers: 1, notes: 1 };
    cache.put(stamp, ['a', 'b', 'c'], [row('a'), row('b'), row('c')]);
    cache.get('a');
    cache.put(stamp, ['d'], [row('d')]);
    expect(cache.missing(['a', 'b', 'c', 'd'])).toEqual(['b']);
  });
});
