import { describe, expect, it } from 'vitest';
import { BLANK_STATE } from '../notes/paper-state';
import { markStates } from './mark-state';

describe('the states a mark shows', () => {
  it('are none for a paper in the catalog only, visited or not', () => {
    expect(markStates(BLANK_STATE)).toEqual([]);
    expect(markStates({ ...BLANK_STATE, visitedAt: 1 })).toEqual([]);
  });

  it('name the library, the note, the star and the reading status, most prominent first', () => {
    expect(markStates({ ...BLANK_STATE, inLibrary: true })).toEqual(['library']);
    expect(markStates({ inLibrary: true, hasNote: true, status: 'read', starred: true, visitedAt: 5 })).toEqual([
      'starred',
      'note',
      'library',
      'read',
    ]);
    expect(markStates({ ...BLANK_STATE, hasNote: true, status: 'to-read' })).toEqual(['note', 'to-read']);
  });
});
