import { buildPageIndex, isPageIndex, withLearnedIds, type PageIndex } from '../library/page-index';
import { SETTING_KEYS } from '../settings';
import { learnArxivIds, type LearnedArxivId } from './paper-state';
import { loadPapers } from './papers';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';

const PAGE_INDEX_KEY = SETTING_KEYS.pageIndex;
/**
 * A new random token each time an index is stored, in a small row of its own: a copy of the
 * index kept elsewhere (lib/db/page-index-file.ts) names the token of the index it copies, and
 * is believed only while that token is current.
 */
const PAGE_INDEX_TOKEN_KEY = SETTING_KEYS.pageIndexToken;
/**
 * Bumped when the index's shape changes, so an older stored index is rebuilt rather than
 * misread. 2: packed string tables stored as they are (1 was a generic packing split on load).
 */
const PAGE_INDEX_FORMAT = 2;

interface StoredPageIndex {
  format: number;
  /** The papers revision the index was built from. */
  revision: number;
  index: PageIndex;
}

function isStored(value: unknown): value is StoredPageIndex {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as StoredPageIndex).format === PAGE_INDEX_FORMAT &&
    typeof (value as StoredPageIndex).revision === 'number' &&
    isPageIndex((value as StoredPageIndex).index)
  );
}

export interface LoadedPageIndex {
  index: PageIndex;
  revision: number;
  /** The token stored with this index ('' for an index stored before tokens). */
  token: string;
  /** 'stored' when read back from the settings table, 'built' when built from the papers. */
  origin: 'stored' | 'built';
}

/**
 * The stored match index when it was built for the current papers revision, else null; never
 * builds. One read of two settings rows: what a service worker woken by a page needs before it
 * can answer, with nothing else (no catalog check, no papers read). The index comes out of the
 * database in the form it is searched in (packed string tables), with no per-title work.
 */
export async function readStoredPageIndex(db: PaperLensDB): Promise<{ index: PageIndex; revision: number; token: string } | null> {
  const [revision, stored, token] = await db.transaction('r', db.settings, () =>
    Promise.all([getRevision(db, 'papers'), db.settings.get(PAGE_INDEX_KEY), db.settings.get(PAGE_INDEX_TOKEN_KEY)]),
  );
  const value = stored?.value;
  return isStored(value) && value.revision === revision ? { index: value.index, revision, token: tokenOf(token) } : null;
}

/**
 * The papers revision and the token of the stored index (two small rows, one transaction):
 * what a copy of the index kept elsewhere is checked against before it is used.
 */
export async function readPageIndexToken(db: PaperLensDB): Promise<{ revision: number; token: string }> {
  const [revision, token] = await db.transaction('r', db.settings, () =>
    Promise.all([getRevision(db, 'papers'), db.settings.get(PAGE_INDEX_TOKEN_KEY)]),
  );
  return { revision, token: tokenOf(token) };
}

/** The token in its settings row ('' for an index stored before tokens). */
function tokenOf(row: { value: unknown } | undefined): string {
  return typeof row?.value === 'string' ? row.value : '';
}

/**
 * Writes `index` as the stored one for papers revision `revision`, with a new token (inside the
 * caller's transaction on the settings table): the one place the index and its token change.
 */
async function putPageIndex(db: PaperLensDB, index: PageIndex, revision: number): Promise<string> {
  const token = crypto.randomUUID();
  await db.settings.bulkPut([
    { key: PAGE_INDEX_KEY, value: { format: PAGE_INDEX_FORMAT, revision, index } satisfies StoredPageIndex },
    { key: PAGE_INDEX_TOKEN_KEY, value: token },
  ]);
  return token;
}

/**
 * The match index (titles and ids) for the current papers revision: read back from the settings
 * table when it was built for this revision, so a service worker woken by a page answers without
 * reading every paper and rebuilding (seconds at 100,000 papers); otherwise built from the
 * papers and stored for the next wake-up.
 */
export async function loadPageIndex(db: PaperLensDB): Promise<LoadedPageIndex> {
  const stored = await readStoredPageIndex(db);
  if (stored) return { ...stored, origin: 'stored' };
  // Papers and their revision read together, so the stored index is labelled with what it holds.
  const { papers, current } = await db.transaction('r', db.papers, db.settings, async () => ({
    papers: await loadPapers(db),
    current: await getRevision(db, 'papers'),
  }));
  const index = buildPageIndex(papers);
  const token = (await storePageIndex(db, index, current)) ?? '';
  return { index, revision: current, token, origin: 'built' };
}

/**
 * Stores `index` as the one built for papers revision `revision`, unless the papers have moved
 * on meanwhile (a newer revision's index must not be overwritten by an older one). Returns the
 * token stored with it, or null when it was not stored.
 */
export async function storePageIndex(db: PaperLensDB, index: PageIndex, revision: number): Promise<string | null> {
  return db.transaction('rw', db.settings, async () => {
    if ((await getRevision(db, 'papers')) !== revision) return null;
    return putPageIndex(db, index, revision);
  });
}

/**
 * Stores arXiv ids learned from a page (learnArxivIds) and, in the same transaction, the match
 * index with them: `known` is the index of the papers revision before the learning, so the
 * next scan reads the ids straight away instead of rebuilding the whole index because the
 * papers changed. Returns the new index and its revision, or null when nothing was learned or
 * `known` was not the current revision's (the index is then rebuilt as after any change).
 */
export async function learnIntoPageIndex(
  db: PaperLensDB,
  learned: readonly LearnedArxivId[],
  known: { index: PageIndex; revision: number } | null,
): Promise<{ index: PageIndex; revision: number; token: string } | null> {
  return db.transaction('rw', [db.papers, db.learnedIds, db.settings], async () => {
    const before = await getRevision(db, 'papers');
    const taught = await learnArxivIds(db, learned);
    if (taught.length === 0 || known?.revision !== before) return null;
    const index = withLearnedIds(known.index, taught);
    const revision = await getRevision(db, 'papers');
    return { index, revision, token: await putPageIndex(db, index, revision) };
  });
}
