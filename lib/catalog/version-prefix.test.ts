import { describe, expect, it } from 'vitest';
import { buildCatalogAsset } from './read-seeds';
import { catalogVersionPrefix } from './version-prefix';

describe('catalogVersionPrefix', () => {
  it('reads the version from the first bytes of the catalog.json a build ships', () => {
    const { catalog, contents } = buildCatalogAsset('seeds');
    expect(catalogVersionPrefix(contents.slice(0, 200))).toBe(catalog.version);
  });

  it('reads an escaped version and says null for anything else', () => {
    expect(catalogVersionPrefix(' {\n "version" : "a\\"b", "papers": [')).toBe('a"b');
    expect(catalogVersionPrefix('{"papers":[],"version":"x"}')).toBeNull();
    expect(catalogVersionPrefix('{"version":"cut sh')).toBeNull();
    expect(catalogVersionPrefix('')).toBeNull();
  });
});
