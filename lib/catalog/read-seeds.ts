import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog, type SeedFile } from './build';
import type { Catalog } from './types';

/** Reads every `*.txt` seed in a folder (build time and tests only; Node APIs). */
export function readSeedDir(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The catalog as the extension ships it: built from a seeds folder, and the text of its catalog.json. */
export interface CatalogAsset {
  catalog: Catalog;
  /** What catalog.json holds. */
  contents: string;
  /** One line for build logs: `catalog.json: 333 papers, version …`. */
  summary: string;
}

/**
 * Builds catalog.json from a seeds folder: what every extension build ships (wxt.config.ts) and
 * what `npm run catalog` writes (scripts/build-catalog.ts). A malformed seed throws a SeedError
 * naming its file and line.
 */
export function buildCatalogAsset(seedDir: string): CatalogAsset {
  const catalog = buildCatalog(readSeedDir(seedDir));
  return {
    catalog,
    contents: JSON.stringify(catalog),
    summary: `catalog.json: ${catalog.papers.length} papers, version ${catalog.version}`,
  };
}
