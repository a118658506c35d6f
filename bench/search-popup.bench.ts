/**
 * `npm run bench -- search-popup`: the search in real Chromium on popup.html, with the real
 * catalog and with 100,000 papers (10,000 notes) in the extension's IndexedDB. Needs a build
 * (`npm run build`, or PAPERLENS_OUT_DIR=… npx wxt build). SEARCH_POPUP_SIZES=333,20000 picks sizes.
 */
import { buildCatalog } from '../lib/catalog/build';
import { readSeedDir } from '../lib/catalog/read-seeds';
import { benchPopup } from './search.bench';

export default async function bench(): Promise<void> {
  const real = buildCatalog(readSeedDir('seeds')).papers;
  const sizes = (process.env.SEARCH_POPUP_SIZES ?? `${real.length},100000`).split(',').map(Number);
  for (const size of sizes) await benchPopup(real, size);
}
