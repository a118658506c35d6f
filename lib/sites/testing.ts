import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import type { Paper } from '../catalog/types';
import { buildTitleIndex, matchCandidates } from '../match/title-index';
import { MARK_ATTR, applyMatches, collectScan, toCandidates } from './scan';
import type { SiteAdapter } from './types';

/** Real saved pages beside the checkout (never copied into the repository); tests run from the repo root. */
export const SHARED_PAGES = resolve('..', 'shared', 'fixtures', 'pages');
export const hasSharedPages = existsSync(SHARED_PAGES);

export function sharedPage(name: string): string {
  return readFileSync(resolve(SHARED_PAGES, name), 'utf8');
}

export const catalog = buildCatalog(readSeedDir(resolve('seeds')));
const index = buildTitleIndex(catalog.papers);

export function paper(titleStart: string): Paper {
  const found = catalog.papers.find((p) => p.title.startsWith(titleStart));
  if (!found) throw new Error(`no catalog paper starts with "${titleStart}"`);
  return found;
}

/**
 * Runs the content script's pipeline on a page without a browser: the adapter's scan, one
 * batched match against the real catalog, marking. Returns the document and the marks.
 */
export function scanPage(html: string, adapter: SiteAdapter) {
  const { document } = parseHTML(html);
  const scan = collectScan(document as unknown as Document, adapter);
  const matches = matchCandidates(index, toCandidates(scan));
  applyMatches(document as unknown as Document, scan, matches);
  const marks = Array.from(document.querySelectorAll(`[${MARK_ATTR}]`)) as unknown as Element[];
  return { document: document as unknown as Document, scan, marks, ids: marks.map((m) => m.getAttribute(MARK_ATTR)) };
}
