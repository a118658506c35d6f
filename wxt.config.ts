import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { buildCatalogAsset } from './lib/catalog/read-seeds';
import { MARK_CSS, MARK_CSS_FILE } from './lib/sites/mark';
import { SUGGESTED_SHORTCUT } from './lib/shortcuts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports keep every module readable on its own.
  imports: false,
  // Lets parallel builds (tests, benches) write to their own folders.
  outDir: process.env.PAPERLENS_OUT_DIR ?? '.output',
  // `PAPERLENS_MINIFY=0`: readable function names in CPU profiles (bench/listing-profile.ts).
  vite: () => (process.env.PAPERLENS_MINIFY === '0' ? { build: { minify: false } } : {}),
  // MV3 for Firefox too: opting into more sites needs scripting.registerContentScripts and
  // optional_host_permissions, which Firefox has only in MV3.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'PaperLens',
    description:
      'Recognizes machine-learning papers on arXiv and other pages, explains them on hover, and keeps your notes.',
    // scripting: registering the content script on sites the user opts into from the options page.
    // unlimitedStorage: Chrome exempts the notes database from quota and eviction (Firefox never
    // evicts extension storage anyway), so a large library is not refused (no install warning).
    permissions: ['scripting', 'unlimitedStorage'],
    // Asked for one origin at a time, in the user's gesture, when they add a site.
    optional_host_permissions: ['*://*/*'],
    // A keyboard shortcut opens the popup; users change it on the browser's shortcuts page, and
    // the popup's footer shows the one in force (lib/shortcuts.ts).
    commands: {
      _execute_action: { suggested_key: { default: SUGGESTED_SHORTCUT }, description: 'Open PaperLens' },
    },
    web_accessible_resources: [
      {
        // The hover card is an extension page framed into web pages; the dynamic URL keeps pages
        // from probing for it or framing it on their own.
        resources: ['card.html'],
        matches: ['*://*/*'],
        ...(browser !== 'firefox' && { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'paperlens@paperlens.dev',
          strict_min_version: '128.0',
          // PaperLens sends nothing anywhere.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  hooks: {
    // The catalog is built from seeds/ on every build (`npm run catalog` builds it alone, with
    // the same function); a malformed seed stops the build.
    'build:publicAssets': (wxt, files) => {
      const asset = buildCatalogAsset(resolve(wxt.config.root, 'seeds'));
      files.push({ relativeDest: 'catalog.json', contents: asset.contents });
      wxt.logger.info(asset.summary);
      // The marks' highlight styles, in the page before it is parsed (lib/sites/mark.ts MARK_CSS_FILE
      // says why). Firefox builds leave them to the content script, as before.
      if (wxt.config.browser !== 'firefox') files.push({ relativeDest: MARK_CSS_FILE, contents: MARK_CSS.highlight });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') return;
      for (const script of manifest.content_scripts ?? []) script.css = [...(script.css ?? []), MARK_CSS_FILE];
    },
  },
});
