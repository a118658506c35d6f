import { describe, expect, it } from 'vitest';
import { paperCountsText } from './Footer';

describe('popup footer counts', () => {
  it('counts every known paper, then those in the library (saved or imported) in the options page’s words', () => {
    expect(paperCountsText({ catalog: 333, user: 0, library: 0, visit: 0 })).toBe('333 papers · 0 in your library');
    // A catalog paper the user saved counts once, as theirs; visited-only papers are known but not theirs.
    expect(paperCountsText({ catalog: 332, user: 1, library: 4, visit: 2 })).toBe('339 papers · 5 in your library');
    expect(paperCountsText({ catalog: 0, user: 1, library: 0, visit: 0 })).toBe('1 paper · 1 in your library');
  });
});
