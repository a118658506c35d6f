/**
 * Builds the catalog alone, without the extension: checks every seed (a malformed one exits 1
 * naming its file and line) and writes the catalog.json a build would ship, with the same
 * function the build uses (buildCatalogAsset in lib/catalog/read-seeds.ts).
 *
 * Usage: `npm run catalog` writes .output/catalog.json; `npm run catalog -- path/to/catalog.json`
 * writes there. It does not write into public/: the build makes catalog.json itself, and a copy
 * in public/ would be shipped beside it (and go stale when the seeds change).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogAsset } from '../lib/catalog/read-seeds.ts';
import { SeedError } from '../lib/catalog/seeds.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? resolve(repoRoot, '.output/catalog.json'));

try {
  const asset = buildCatalogAsset(resolve(repoRoot, 'seeds'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, asset.contents);
  console.log(`${asset.summary} → ${relative(process.cwd(), out) || out}`);
} catch (error) {
  if (!(error instanceof SeedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
