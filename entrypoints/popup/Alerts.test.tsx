import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Alerts } from './Alerts';

const render = (props: Partial<Parameters<typeof Alerts>[0]>) =>
  renderToStaticMarkup(<Alerts catalogError={null} recoveryError={null} recovered={0} onCompare={() => {}} {...props} />);

/** The text of each alert, in order. */
const alerts = (html: string) => [...html.matchAll(/<p role="alert"[^>]*>(.*?)<\/p>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));

describe('popup alerts', () => {
  it('says nothing when all is well', () => {
    expect(render({})).toBe('');
  });

  it('shows a recovery failure as its own message, not under the catalog', () => {
    const shown = alerts(render({ recoveryError: 'storage is unavailable' }));
    expect(shown).toEqual(['Unsaved note text from an earlier window could not be recovered: storage is unavailable']);
  });

  it('keeps the two failures apart when both happen', () => {
    const shown = alerts(render({ catalogError: 'catalog.json could not be read', recoveryError: 'storage is unavailable' }));
    expect(shown).toHaveLength(2);
    expect(shown[0]).toBe('The catalog could not be loaded: catalog.json could not be read');
    expect(shown[1]).not.toContain('catalog');
  });

  it('counts recovered notes in words', () => {
    expect(alerts(render({ recovered: 1 }))[0]).toContain('in 1 note was not saved because that note changed');
    expect(alerts(render({ recovered: 3 }))[0]).toContain('in 3 notes was not saved because those notes changed');
  });
});
