import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StoredPaper } from '@/lib/catalog/types';
import type { NoteStore } from '@/lib/notes/model';
import { keyResultToShow } from '@/lib/summary/key-result-repeats';
import { PaperCardView } from './card/PaperCard';
import { PaperView } from './PaperView';

const notes: NoteStore = { subscribe: () => () => {}, save: () => Promise.reject(new Error('not in this test')) };

/** A saved paper whose key result says its TL;DR again, word for word but for case. */
const repeating: StoredPaper = {
  id: 'user-1',
  title: 'Primer: Searching for Efficient Transformers',
  abstract: '',
  tldr: 'Primer reduces the training cost of language models by 4X.',
  keyResult: 'Primer reduces the training cost by 4X',
  links: [],
  topics: [],
  sources: [],
  source: 'user',
};
/** One whose key result adds a number the TL;DR does not have. */
const adding: StoredPaper = { ...repeating, id: 'user-2', tldr: 'Primer searches for a Transformer with a smaller training cost.' };

const popup = (paper: StoredPaper) => renderToStaticMarkup(<PaperView paper={paper} notes={notes} onBack={() => {}} />);
const card = (paper: StoredPaper) => renderToStaticMarkup(<PaperCardView paper={paper} notes={notes} popupUrl={(id) => id} />);

describe('the key result under a TL;DR', () => {
  it('is shown only when it adds something', () => {
    expect(keyResultToShow(repeating.keyResult, repeating.tldr)).toBeNull();
    expect(keyResultToShow(adding.keyResult, adding.tldr)).toBe('Primer reduces the training cost by 4X');
    expect(keyResultToShow(null, 'x')).toBeNull();
    expect(keyResultToShow('  ', 'x')).toBeNull();
  });

  it('follows that rule in both the popup and the card', () => {
    expect(popup(repeating)).not.toContain('Key result');
    expect(card(repeating)).not.toContain('card__key');
    expect(popup(adding)).toContain('<strong>Key result</strong> Primer reduces the training cost by 4X');
    expect(card(adding)).toContain('<p class="card__key">Primer reduces the training cost by 4X</p>');
  });
});
