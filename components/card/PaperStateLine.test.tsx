import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NoteStore } from '@/lib/notes/model';
import { BLANK_STATE } from '@/lib/notes/paper-state';
import { PaperStateLine, stateParts } from './PaperStateLine';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 12);

describe("the card's state line", () => {
  it('says a paper in the catalog only is just that', () => {
    expect(stateParts(BLANK_STATE, NOW)).toEqual([{ key: 'catalog', text: 'In the PaperLens catalog' }]);
  });

  it('says everything the user did with a paper, in words', () => {
    const state = { inLibrary: true, hasNote: true, status: 'to-read' as const, starred: true, visitedAt: NOW - 3 * DAY };
    expect(stateParts(state, NOW).map((p) => p.text)).toEqual(['In your library', 'To read', '★ Starred', 'Has a note', 'Opened 3 days ago']);
    expect(stateParts({ ...BLANK_STATE, status: 'read', visitedAt: NOW - 1000 }, NOW).map((p) => p.text)).toEqual([
      'In the PaperLens catalog',
      'Read',
      'Opened just now',
    ]);
  });

  it('renders the state it was opened with until the note store answers', () => {
    const silent: NoteStore = { subscribe: () => () => {}, save: () => Promise.reject(new Error('unused')) };
    const html = renderToStaticMarkup(<PaperStateLine paperId="p" state={{ ...BLANK_STATE, inLibrary: true, starred: true }} notes={silent} />);
    expect(html).toContain('aria-label="Your paper"');
    expect(html).toContain('<li class="card__state-library">In your library</li>');
    expect(html).toContain('<li class="card__state-starred">★ Starred</li>');
  });
});
