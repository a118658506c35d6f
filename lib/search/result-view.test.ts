import { describe, expect, it } from 'vitest';
import type { StoredPaper } from '../catalog/types';
import type { Note } from '../notes/model';
import { resultView, sameResultView, stableViews, type ResultRow } from './result-view';
import { FIELD } from './text-index';

const paper: StoredPaper = {
  id: 'itransformer-1',
  title: 'iTransformer: Inverted Transformers',
  abstract: 'We invert the duty of attention and feed-forward networks for forecasting.',
  tldr: 'Attention over variates.',
  keyResult: null,
  links: [],
  topics: [],
  sources: [],
  source: 'catalog',
};
const note: Note = {
  paperId: paper.id,
  text: 'Good baseline for zanzibarite data',
  tags: ['forecasting'],
  status: 'to-read',
  starred: true,
  titleSnapshot: paper.title,
  createdAt: 1,
  updatedAt: 1,
};

const row = (fields: number, over: Partial<ResultRow> = {}): ResultRow => ({
  hit: { id: paper.id, ordinal: 0, score: 1, fields },
  title: paper.title,
  hasCode: false,
  paper,
  note,
  ...over,
});
const TITLE = 1 << FIELD.title;

describe('resultView', () => {
  it('highlights the title and shows the TL;DR under a title hit, with the note badges', () => {
    const v = resultView(row(TITLE), new Set(['itransformer', 'forecasting']));
    expect(v.title).toEqual({ text: paper.title, ranges: [{ start: 0, end: 12 }] });
    expect(v.detail).toEqual({ where: null, text: { text: paper.tldr, ranges: [] } });
    expect(v).toMatchObject({ starred: true, toRead: true, hasCode: false });
    expect(v.tags).toEqual([{ text: '#forecasting', ranges: [{ start: 1, end: 12 }] }]);
  });

  it('shows where an abstract-only or note hit matched', () => {
    expect(resultView(row(1 << FIELD.abstract), new Set(['invert'])).detail?.where).toBe('Abstract');
    const v = resultView(row(1 << FIELD.notes), new Set(['zanzibarite']));
    expect(v.detail?.where).toBe('Note');
    expect(v.detail?.text.ranges).toHaveLength(1);
  });

  it('has no line under the title while the paper is not read yet', () => {
    expect(resultView(row(TITLE, { paper: undefined, note: undefined }), new Set()).detail).toBeNull();
  });
});

describe('stableViews', () => {
  it('keeps the previous view of a row that displays the same, and replaces one that does not', () => {
    const first = stableViews([row(TITLE)], new Set(['itransformer']), new Map());
    // Another query whose matched words highlight the row alike ("itransf" → "itransformer").
    const same = stableViews([row(TITLE)], new Set(['itransformer', 'itransformers']), first.byId);
    expect(same.views[0]).toBe(first.views[0]);
    // A word that highlights more of it.
    const more = stableViews([row(TITLE)], new Set(['itransformer', 'inverted']), same.byId);
    expect(more.views[0]).not.toBe(first.views[0]);
    expect(more.views[0]!.title.ranges).toHaveLength(2);
    // The note read later (a star) changes the view too.
    const unstarred = stableViews([row(TITLE, { note: { ...note, starred: false } })], new Set(['itransformer', 'inverted']), more.byId);
    expect(unstarred.views[0]!.starred).toBe(false);
  });

  it('compares every part a row shows', () => {
    const base = resultView(row(TITLE), new Set(['attention']));
    expect(sameResultView(base, resultView(row(TITLE), new Set(['attention'])))).toBe(true);
    expect(sameResultView(base, resultView(row(TITLE, { hasCode: true }), new Set(['attention'])))).toBe(false);
    expect(sameResultView(base, resultView(row(TITLE, { note: { ...note, tags: ['vision'] } }), new Set(['attention'])))).toBe(false);
    expect(sameResultView(base, resultView(row(1 << FIELD.abstract), new Set(['attention'])))).toBe(false);
    expect(sameResultView(base, resultView(row(TITLE, { paper: undefined }), new Set(['attention'])))).toBe(false);
  });
});
