import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StoredPaper } from '@/lib/catalog/types';
import type { Note } from '@/lib/notes/model';
import { FIELD } from '@/lib/search/text-index';
import { ResultList, type ResultRow } from './ResultList';
import { parseTags } from './TagInput';

const paper: StoredPaper = {
  id: 'itransformer-1',
  title: 'iTransformer: Inverted Transformers',
  abstract: 'We invert the <b>duty</b> of attention and feed-forward networks.',
  tldr: 'Attention over variates.',
  keyResult: null,
  links: [],
  topics: [],
  sources: [],
  source: 'catalog',
};
const note: Note = {
  paperId: paper.id,
  text: 'A <script>alert(1)</script> zanzibarite note',
  tags: ['forecasting'],
  status: 'to-read',
  starred: true,
  titleSnapshot: paper.title,
  createdAt: 1,
  updatedAt: 1,
};

function render(fields: number, terms: string[], withNote = true) {
  const row: ResultRow = {
    hit: { id: paper.id, ordinal: 0, score: 1, fields },
    title: paper.title,
    hasCode: true,
    paper,
    note: withNote ? note : undefined,
  };
  return renderToStaticMarkup(
    <ResultList id="r" rows={[row]} terms={new Set(terms)} active={0} onOpen={() => {}} onHover={() => {}} />,
  );
}

describe('ResultList', () => {
  it('is a listbox of options with the active one selected', () => {
    const html = render(1 << FIELD.title, ['itransformer']);
    expect(html).toMatch(/^<ul id="r" role="listbox"/);
    expect(html).toContain('id="r-0" role="option" aria-selected="true"');
  });

  it('highlights title matches with <mark>', () => {
    expect(render(1 << FIELD.title, ['itransformer'])).toContain('<mark>iTransformer</mark>: Inverted');
  });

  it('shows the note snippet, escaped, when the note matched', () => {
    const html = render(1 << FIELD.notes, ['zanzibarite']);
    expect(html).toContain('Note: </span>');
    expect(html).toContain('<mark>zanzibarite</mark>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('shows an abstract snippet for abstract-only hits, escaped', () => {
    const html = render(1 << FIELD.abstract, ['invert'], false);
    expect(html).toContain('Abstract: </span>');
    expect(html).toContain('<mark>invert</mark>');
    expect(html).toContain('&lt;b&gt;duty');
  });

  it('shows star, read-later, code and tag badges', () => {
    const html = render(1 << FIELD.title, ['forecasting']);
    expect(html).toContain('★');
    expect(html).toContain('To read');
    expect(html).toContain('Code');
    expect(html).toContain('#<mark>forecasting</mark>');
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, lowercases, drops # and duplicates', () => {
    expect(parseTags(' #Vision, time series,vision,, ', ['survey'])).toEqual(['survey', 'vision', 'time series']);
  });
});
