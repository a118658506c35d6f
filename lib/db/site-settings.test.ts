import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { createHandlers } from '../messaging/handlers';
import { LIMITS } from '../messaging/validate';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const autoformer = catalog.papers.find((p) => p.title.startsWith('Autoformer'))!;
let db!: PaperLensDB;
useFreshDb('sites', (fresh) => (db = fresh));

describe('site settings messages', () => {
  it('start with every default site on and no other site', async () => {
    const h = createHandlers(db, async () => catalog);
    expect(await h.getSiteSettings()).toEqual({ disabled: [], custom: [] });
  });

  it('switch a default site off and on again, and refuse unknown sites', async () => {
    const h = createHandlers(db, async () => catalog);
    expect(await h.setSiteEnabled({ siteId: 'reddit', enabled: false })).toEqual({ disabled: ['reddit'], custom: [] });
    expect(await h.setSiteEnabled({ siteId: 'reddit', enabled: false })).toEqual({ disabled: ['reddit'], custom: [] });
    expect(await h.setSiteEnabled({ siteId: 'reddit', enabled: true })).toEqual({ disabled: [], custom: [] });
    await expect(h.setSiteEnabled({ siteId: 'myspace', enabled: false })).rejects.toThrow('unknown site "myspace"');
    await expect(h.setSiteEnabled({ siteId: 'x', enabled: 'no' })).rejects.toThrow('enabled must be true or false');
  });

  it('keep opted-in sites as origins, and refuse what is not an http(s) address', async () => {
    const h = createHandlers(db, async () => catalog);
    expect(await h.addCustomSite('https://blog.example.org/some/post?x=1')).toEqual({
      disabled: [],
      custom: ['https://blog.example.org'],
    });
    await h.addCustomSite('http://localhost:8080');
    expect((await h.getSiteSettings()).custom).toEqual(['https://blog.example.org', 'http://localhost:8080']);
    expect(await h.removeCustomSite('https://blog.example.org')).toEqual({ disabled: [], custom: ['http://localhost:8080'] });
    await expect(h.addCustomSite('file:///etc/passwd')).rejects.toThrow('only http and https');
    await expect(h.addCustomSite('not a url')).rejects.toThrow('is not a web address');
  });
});

describe('matchPage', () => {
  it('answers one batch of titles and running text', async () => {
    const h = createHandlers(db, async () => catalog);
    const matches = await h.matchPage([
      { kind: 'title', text: `Title:${autoformer.title}` },
      { kind: 'text', text: 'nothing to see here' },
      { kind: 'text', text: `We build on “${autoformer.title}”.` },
    ]);
    expect(matches.map((m) => [m.candidate, m.id])).toEqual([
      [0, autoformer.id],
      [2, autoformer.id],
    ]);
  });

  it('rebuilds its index when the papers change', async () => {
    const h = createHandlers(db, async () => catalog);
    const mine = { kind: 'title' as const, text: 'My Own Saved Paper About Things' };
    expect(await h.matchPage([mine])).toEqual([]);
    await db.transaction('rw', db.papers, db.settings, async () => {
      await db.papers.put({ ...autoformer, id: 'mine', title: mine.text, source: 'user' });
      await bumpRevision(db, 'papers');
    });
    expect((await h.matchPage([mine]))[0]?.id).toBe('mine');
  });

  it('refuses malformed or oversized scans with a reason', async () => {
    const h = createHandlers(db, async () => catalog);
    await expect(h.matchPage('titles')).rejects.toThrow('candidates must be an array');
    await expect(h.matchPage([{ kind: 'html', text: 'x' }])).rejects.toThrow("kind must be 'title', 'text' or 'link'");
    const huge = Array.from({ length: 5 }, () => ({ kind: 'text', text: 'a'.repeat(LIMITS.scanChars / 4) }));
    await expect(h.matchPage(huge)).rejects.toThrow(`at most ${LIMITS.scanChars} characters`);
  });
});
