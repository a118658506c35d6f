import { describe, expect, it } from 'vitest';
import { titleHasWords } from './search-interim';

describe('the stand-in match while the search index loads', () => {
  const title = 'iTransformer: Inverted Transformers Are Effective for Time Series Forecasting';
  it('needs every typed word to start a word of the title, in any case and order', () => {
    expect(titleHasWords(title, 'itrans')).toBe(true);
    expect(titleHasWords(title, 'forecasting TIME')).toBe(true);
    expect(titleHasWords(title, 'series graph')).toBe(false);
    expect(titleHasWords(title, 'former')).toBe(false);
  });
  it('matches nothing for a query without words', () => {
    expect(titleHasWords(title, '  ')).toBe(false);
    expect(titleHasWords(title, '—')).toBe(false);
  });
});
