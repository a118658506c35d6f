import type { Catalog, CatalogStatus, StoredPaper } from '../catalog/types';
import { SETTING_KEYS } from '../settings';
import { withKeys } from './identity';
import { readLibraryCounts, refreshLibraryCounts, type LibraryCounts } from './library-counts';
import { reapplyLearnedIds } from './paper-state';
import { bumpRevision } from './revisions';
import type { PaperLensDB } from './schema';

const CATALOG_VERSION_KEY = SETTING_KEYS.catalogVersion;

/** What loading a catalog did, for logs and tests. */
export interface CatalogLoadResult {
  version: string;
  /** False when the database already held this version. */
  changed: boolean;
  papers: number;
}

/** Fails loudly on a catalog that would corrupt the database (wrong shape or duplicate ids). */
export function assertCatalog(value: unknown): asserts value is Catalog {
  const c = value as Catalog | null;
  if (!c || typeof c !== 'object' || typeof c.version !== 'string' || !Array.isArray(c.papers)) {
    throw new Error('catalog.json is not a { version, papers } object');
  }
  const ids = new Set<string>();
  for (const p of c.papers) {
    if (!p || typeof p.id !== 'string' || typeof p.title !== 'string' || typeof p.abstract !== 'string') {
      throw new Error('catalog.json has a paper without id, title or abstract');
    }
    if (ids.has(p.id)) throw new Error(`catalog.json has the id ${p.id} twice`);
    ids.add(p.id);
  }
}

/**
 * Makes the database hold `catalog`: in one transaction, and only when its version differs
 * from the stored one, replaces the catalog papers. Notes and the user's papers (saved,
 * imported, visited) are never touched: a catalog paper that is one of them (same id) keeps the
 * user's row, marked `inCatalog`. Catalog rows get their identity keys and the arXiv ids
 * learned for them from pages.
 */
export async function loadCatalog(db: PaperLensDB, catalog: Catalog): Promise<CatalogLoadResult> {
  assertCatalog(catalog);
  return db.transaction('rw', [db.papers, db.settings, db.learnedIds], async () => {
    const current = await db.settings.get(CATALOG_VERSION_KEY);
    if (current?.value === catalog.version) {
      return { version: catalog.version, changed: false, papers: catalog.papers.length };
    }
    const userRows = await db.papers.where('source').noneOf(['catalog']).toArray();
    const catalogIds = new Set(catalog.papers.map((p) => p.id));
    const userIds = new Set(userRows.map((p) => p.id));
    await db.papers.where('source').equals('catalog').delete();
    const rows: StoredPaper[] = catalog.papers
      .filter((p) => !userIds.has(p.id))
      .map((p) => withKeys({ ...p, source: 'catalog' }));
    await db.papers.bulkPut(rows);
    const marked = userRows.filter((p) => (p.inCatalog ?? false) !== catalogIds.has(p.id));
    await db.papers.bulkPut(marked.map(({ inCatalog: _, ...p }) => (catalogIds.has(p.id) ? { ...p, inCatalog: true } : p)));
    await reapplyLearnedIds(db);
    await db.settings.put({ key: CATALOG_VERSION_KEY, value: catalog.version });
    await bumpRevision(db, 'papers');
    return { version: catalog.version, changed: true, papers: catalog.papers.length };
  });
}

/** The catalog version the database holds (null before the first load). */
export async function getCatalogVersion(db: PaperLensDB): Promise<string | null> {
  const version = (await db.settings.get(CATALOG_VERSION_KEY))?.value;
  return typeof version === 'string' ? version : null;
}

/** The catalog version held and how many papers and notes there are (counts as readLibraryCounts gives them: read only). */
export async function readCatalogStatus(db: PaperLensDB): Promise<CatalogStatus> {
  const [version, counts] = await Promise.all([getCatalogVersion(db), readLibraryCounts(db)]);
  return catalogStatusOf(version, counts);
}

/** The same, storing any count it had to make, so the next status (or the popup's footer) is two small reads. */
export async function refreshCatalogStatus(db: PaperLensDB): Promise<CatalogStatus> {
  const [version, counts] = await Promise.all([getCatalogVersion(db), refreshLibraryCounts(db)]);
  return catalogStatusOf(version, counts);
}

function catalogStatusOf(version: string | null, { papers, notes }: LibraryCounts): CatalogStatus {
  return { version, papers: papers.catalog + papers.user + papers.library + papers.visit, userPapers: papers.user, notes };
}
