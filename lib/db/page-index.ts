import { buildPageIndex, type PageIndex } from '../library/page-index';
import { pack, unpack } from '../match/pack';
import { SETTING_KEYS } from '../settings';
import { loadPapers } from './papers';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';

const PAGE_INDEX_KEY = SETTING_KEYS.pageIndex;
/** Bumped when the index's shape changes, so an older stored index is rebuilt rather than misread. */
const PAGE_INDEX_FORMAT = 1;

interface StoredPageIndex {
  format: number;
  /** The papers revision the index was built from. */
  revision: number;
  index: unknown;
}

function isStored(value: unknown): value is StoredPageIndex {
  return typeof value === 'object' && value !== null && (value as StoredPageIndex).format === PAGE_INDEX_FORMAT;
}

export interface LoadedPageIndex {
  index: PageIndex;
  revision: number;
  /** 'stored' when read back from the settings table, 'built' when built from the papers. */
  origin: 'stored' | 'built';
}

/**
 * The match index (titles and ids) for the current papers revision: read back from the settings
 * table when it was built for this revision, so a service worker woken by a page answers without
 * reading every paper and rebuilding (seconds at 100,000 papers); otherwise built from the
 * papers and stored for the next wake-up.
 */
export async function loadPageIndex(db: PaperLensDB): Promise<LoadedPageIndex> {
  const [revision, stored] = await Promise.all([getRevision(db, 'papers'), db.settings.get(PAGE_INDEX_KEY)]);
  if (isStored(stored?.value) && stored.value.revision === revision) {
    return { index: unpack(stored.value.index) as PageIndex, revision, origin: 'stored' };
  }
  // Papers and their revision read together, so the stored index is labelled with what it holds.
  const { papers, current } = await db.transaction('r', db.papers, db.settings, async () => ({
    papers: await loadPapers(db),
    current: await getRevision(db, 'papers'),
  }));
  const index = buildPageIndex(papers);
  const value: StoredPageIndex = { format: PAGE_INDEX_FORMAT, revision: current, index: pack(index) };
  await db.transaction('rw', db.settings, async () => {
    // A newer papers revision may have landed meanwhile; its index must not be overwritten.
    if ((await getRevision(db, 'papers')) === current) await db.settings.put({ key: PAGE_INDEX_KEY, value });
  });
  return { index, revision: current, origin: 'built' };
}
