import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SitesSection } from './SitesSection';

const render = (custom: string[], granted: string[]) =>
  renderToStaticMarkup(
    <SitesSection
      sites={[{ id: 'arxiv', label: 'arXiv', patterns: ['*://arxiv.org/*'] }]}
      settings={{ disabled: [], custom }}
      granted={new Set(granted)}
      onToggle={() => {}}
      onAdd={() => {}}
      onRemove={() => {}}
    />,
  );

/** Each opted-in site's row, as text. */
const rows = (html: string) =>
  [...html.matchAll(/<li[^>]*data-testid="custom-site"[^>]*>(.*?)<\/li>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());

describe('the opted-in sites', () => {
  it('lists a site this browser has not allowed (an imported one) as needing permission, with a button to allow it', () => {
    expect(rows(render(['https://example.org', 'https://lab.example.com'], ['https://example.org']))).toEqual([
      'https://example.org Remove',
      'https://lab.example.com needs permission Allow Remove',
    ]);
  });
});
