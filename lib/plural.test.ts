import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from './plural';

describe('plural', () => {
  it('says 1 note, 0 notes, 2 notes', () => {
    expect(plural(1, 'note', 'notes')).toBe('1 note');
    expect(plural(0, 'note', 'notes')).toBe('0 notes');
    expect(plural(2, 'note', 'notes')).toBe('2 notes');
  });

  it('groups thousands and treats a fraction as plural', () => {
    expect(plural(10000, 'paper', 'papers')).toBe('10,000 papers');
    expect(plural(1.5, 'MB', 'MB')).toBe('1.5 MB');
  });

  it('falls back to the other form when a category has no word', () => {
    expect(pluralWord(1, { other: 'sheep' })).toBe('sheep');
    expect(pluralWord(1, { one: 'saved paper', other: 'saved papers' })).toBe('saved paper');
  });
});
