import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import type { Catalog } from '../catalog/types';
import { identityKeys } from '../library/identity';
import { SETTING_KEYS } from '../settings';
import { loadCatalog } from './catalog-load';
import { saveNote } from './notes';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
const CATALOG_VERSION_KEY = SETTING_KEYS.catalogVersion;
let db!: PaperLensDB;
useFreshDb('test', (fresh) => (db = fresh));

/** The next catalog version: the first paper renamed (so a new id), the second removed. */
function nextCatalog(): Catalog {
  const [first, , ...rest] = catalog.papers;
  const papers = [{ ...first!, id: 'renamed-paper-00000000', title: `${first!.title} (v2)` }, ...rest];
  return { version: 'next-version', papers };
}

describe('loadCatalog', () => {
  it('loads every paper once and records the version', async () => {
    const result = await loadCatalog(db, catalog);
    expect(result).toEqual({ version: catalog.version, changed: true, papers: 333 });
    expect(await db.papers.count()).toBe(333);
    expect((await db.settings.get(CATALOG_VERSION_KEY))?.value).toBe(catalog.version);
    const stored = await db.papers.get(catalog.papers[0]!.id);
    expect(stored).toEqual({ ...catalog.papers[0], source: 'catalog', keys: identityKeys(catalog.papers[0]!) });
  });

  it('is idempotent, also when called concurrently', async () => {
    const results = await Promise.all([loadCatalog(db, catalog), loadCatalog(db, catalog), loadCatalog(db, catalog)]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await db.papers.count()).toBe(333);
  });

  it('re-seeding with a new version replaces papers and keeps every note', async () => {
    await loadCatalog(db, catalog);
    const [first, second, third] = catalog.papers;
    for (const p of [first!, second!, third!]) {
      const saved = await saveNote(db, { paperId: p.id, text: `my thoughts on ${p.title}`, tags: ['keep'] });
      expect(saved.ok).toBe(true);
    }
    const notesBefore = await db.notes.toArray();

    const result = await loadCatalog(db, nextCatalog());
    expect(result.changed).toBe(true);
    expect(await db.papers.count()).toBe(332);
    expect(await db.papers.get(first!.id)).toBeUndefined();
    expect(await db.papers.get(second!.id)).toBeUndefined();
    expect(await db.notes.toArray()).toEqual(notesBefore);
    // The orphaned notes still say which paper they were about.
    expect((await db.notes.get(second!.id))?.titleSnapshot).toBe(second!.title);

    await loadCatalog(db, catalog);
    expect(await db.papers.count()).toBe(333);
    expect(await db.notes.toArray()).toEqual(notesBefore);
  });

  it('never removes or overwrites a paper the user saved', async () => {
    await loadCatalog(db, catalog);
    const mine = { ...catalog.papers[5]!, source: 'user' as const, tldr: 'my own summary', savedAt: 1 };
    await db.papers.put(mine);
    await db.papers.put({ ...catalog.papers[6]!, id: 'user-only-paper-1', title: 'User Only Paper', source: 'user' });
    await loadCatalog(db, nextCatalog());
    // The user's row stays as it was, marked as a paper the catalog has too.
    expect(await db.papers.get(mine.id)).toEqual({ ...mine, inCatalog: true });
    expect(await db.papers.get('user-only-paper-1')).toBeDefined();
  });

  it('rejects a catalog that is not one, changing nothing', async () => {
    await loadCatalog(db, catalog);
    const dup = { version: 'x', papers: [catalog.papers[0]!, catalog.papers[0]!] };
    await expect(loadCatalog(db, dup)).rejects.toThrow(/id .* twice/);
    await expect(loadCatalog(db, { papers: [] } as unknown as Catalog)).rejects.toThrow(/not a \{ version, papers \}/);
    expect(await db.papers.count()).toBe(333);
    expect((await db.settings.get(CATALOG_VERSION_KEY))?.value).toBe(catalog.version);
  });
});

describe('revisions', () => {
  it('count catalog loads that changed papers and note saves', async () => {
    const { getRevision } = await import('./revisions');
    await loadCatalog(db, catalog);
    await loadCatalog(db, catalog);
    expect(await getRevision(db, 'papers')).toBe(1);
    await saveNote(db, { paperId: catalog.papers[0]!.id, text: 'a' });
    await saveNote(db, { paperId: catalog.papers[0]!.id, text: 'b' });
    expect(await getRevision(db, 'notes')).toBe(2);
    await loadCatalog(db, nextCatalog());
    expect(await getRevision(db, 'papers')).toBe(2);
  });
});
