import { describe, expect, it } from 'vitest';
import { suggestTags } from './tag-suggest';

const known = ['must-read', 'survey', 'deep-learning', 'reproduce', 'cite', 'time-series', 'teaching'];

describe('suggestTags', () => {
  it('suggests the tags that begin with or contain what is typed, best first', () => {
    expect(suggestTags(known, 'sur', [])[0]).toBe('survey');
    expect(suggestTags(known, 'series', [])).toEqual(['time-series']);
  });

  it('tolerates typos and a leading #', () => {
    expect(suggestTags(known, 'reprodcue', [])[0]).toBe('reproduce');
    expect(suggestTags(known, '#lern', [])).toContain('deep-learning');
  });

  it('leaves out tags the note has, the exact text typed, and suggests nothing for an empty field', () => {
    expect(suggestTags(known, 'sur', ['survey'])).not.toContain('survey');
    expect(suggestTags(known, 'cite', [])).not.toContain('cite');
    expect(suggestTags(known, '  ', [])).toEqual([]);
  });

  it('suggests nothing that does not fit', () => {
    expect(suggestTags(known, 'zanzibar', [])).toEqual([]);
  });

  it('shows at most six', () => {
    const many = Array.from({ length: 20 }, (_, i) => `paper-${i}`);
    expect(suggestTags(many, 'paper', []).length).toBe(6);
  });
});
