import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCatalogAsset } from '../lib/catalog/read-seeds';

const dir = mkdtempSync(join(tmpdir(), 'paperlens-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run catalog', () => {
  it('writes the catalog.json a build ships, built by the same function', () => {
    const out = join(dir, 'catalog.json');
    const printed = execFileSync('npm', ['run', '--silent', 'catalog', '--', out], { encoding: 'utf8' });
    const asset = buildCatalogAsset('seeds');
    expect(readFileSync(out, 'utf8')).toBe(asset.contents);
    expect(asset.catalog.papers).toHaveLength(333);
    expect(printed).toContain(`catalog.json: 333 papers, version ${asset.catalog.version}`);
    // It starts npm and tsx: seconds on a loaded machine.
  }, 60_000);
});
