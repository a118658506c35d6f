import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import type { Paper } from '../catalog/types';
import { buildPageIndex, matchPage, type IndexedPaper } from '../library/page-index';
import { MARK_ATTR, applyMatches, collectScan, toCandidates } from './scan';
import type { SiteAdapter } from './types';

/** Real saved pages beside the checkout (never copied into the repository); tests run from the repo root. */
export const SHARED_PAGES = resolve('..', 'shared', 'fixtures', 'pages');
export const hasSharedPages = existsSync(SHARED_PAGES);

export function sharedPage(name: string): string {
  return readFileSync(resolve(SHARED_PAGES, name), 'utf8');
}

export const catalog = buildCatalog(readSeedDir(resolve('seeds')));
const catalogIndex = buildPageIndex(catalog.papers);

export function paper(titleStart: string): Paper {
  const found = catalog.papers.find((p) => p.title.startsWith(titleStart));
  if (!found) throw new Error(`no catalog paper starts with "${titleStart}"`);
  return found;
}

/**
 * Runs the content script's pipeline on a page without a browser: the adapter's scan, one
 * batched match against the real catalog (or `papers`), marking. Returns the document, the
 * marks and the matches. `url` is the page's address, for its relative links.
 */
export function scanPage(html: string, adapter: SiteAdapter, options: { url?: string; papers?: IndexedPaper[] } = {}) {
  const { document } = parseHTML(html);
  const scan = collectScan(document as unknown as Document, adapter, undefined, options.url);
  const index = options.papers ? buildPageIndex(options.papers) : catalogIndex;
  const matches = matchPage(index, toCandidates(scan));
  applyMatches(document as unknown as Document, scan, matches);
  const marks = Array.from(document.querySelectorAll(`[${MARK_ATTR}]`)) as unknown as Element[];
  return { document: document as unknown as Document, scan, matches, marks, ids: marks.map((m) => m.getAttribute(MARK_ATTR)) };
}
