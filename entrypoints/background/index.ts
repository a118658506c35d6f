import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Catalog } from '@/lib/catalog/types';
import { catalogVersionPrefix } from '@/lib/catalog/version-prefix';
import { refreshFirstScreen } from '@/lib/db/first-screen';
import { opfsIndexFile } from '@/lib/db/page-index-file';
import { getDb } from '@/lib/db/schema';
import { opfsWakeStateFile } from '@/lib/db/wake-state';
import { contextWakeStamp } from '@/lib/db/wake-stamp';
import { searchIndexRefresher } from '@/lib/db/search-index';
import { createHandlers, ScanSources } from '@/lib/messaging/handlers';
import { DRAFT_PORT } from '@/lib/messaging/card';
import { relayDrafts } from '@/lib/messaging/draft-relay';
import { toBackground } from '@/lib/messaging/to-background';
import { toContent } from '@/lib/messaging/to-content';
import { syncCustomContentScripts } from './custom-scripts';

async function fetchBundledCatalog(): Promise<Catalog> {
  // A generated asset, so not in WXT's typed public paths; the path resolves against the extension origin.
  const response = await fetch('/catalog.json');
  if (!response.ok) throw new Error(`catalog.json could not be read (HTTP ${response.status})`);
  return (await response.json()) as Catalog;
}

/** The bundled catalog's version from the first chunk of catalog.json only (see catalogVersionPrefix). */
async function peekBundledCatalogVersion(): Promise<string | null> {
  const response = await fetch('/catalog.json');
  const reader = response.body?.getReader();
  if (!response.ok || !reader) return null;
  const { value } = await reader.read();
  await reader.cancel();
  return catalogVersionPrefix(new TextDecoder().decode(value?.subarray(0, 512)));
}

/** Where WXT writes entrypoints/content, registered again for the user's opted-in origins. */
const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

export default defineBackground(() => {
  // When this worker's script had been evaluated, after its start (read by `npm run bench`).
  performance.mark('paperlens:worker-main');
  // Opened now rather than by the first message's first query.
  const opening = performance.now();
  const opened = getDb()
    .open()
    .then(() => performance.measure('paperlens:db-open', { start: opening }));
  opened.catch((error: unknown) => console.error('PaperLens: opening the database failed', error));
  const handlers = createHandlers(getDb(), fetchBundledCatalog, peekBundledCatalogVersion, opfsIndexFile(), {
    files: { state: opfsWakeStateFile(), stamp: contextWakeStamp() },
    opened,
    correct: ({ tabId, frameId }, states) =>
      toContent.sendMessage('paperStates', states, { tabId, frameId }).catch((error: unknown) => {
        // The page may have gone meanwhile.
        console.warn('PaperLens: could not correct the marks of a page', error);
      }),
  });
  // The match index file and the wake state are read while IndexedDB opens: a page woke this worker, most likely.
  handlers.prefetchIndex();
  // The search index is built here, off every page's UI thread, after each write that changes it.
  const searchIndex = searchIndexRefresher(getDb());
  const refreshSearchIndex = () =>
    searchIndex.request().catch((error: unknown) => console.error('PaperLens: updating the search index failed', error));
  // The popup's stored first screen follows the writes made here (a note from the hover card), so
  // the next popup lists from one read; one it finds stale it reads the long way and stores again.
  const refreshPopupFirstScreen = () =>
    refreshFirstScreen(getDb()).catch((error: unknown) => console.error("PaperLens: storing the popup's first screen failed", error));
  const thenRefresh = <T>(result: Promise<T>): Promise<T> => {
    void result.then(() => Promise.all([refreshSearchIndex(), refreshPopupFirstScreen()]), () => undefined);
    return result;
  };

  // Registered synchronously: a message may be what wakes the service worker.
  toBackground.onMessage('catalogStatus', () => handlers.catalogStatus());
  toBackground.onMessage('lookupTitles', ({ data }) => handlers.lookupTitles(data));
  toBackground.onMessage('getPaper', ({ data }) => handlers.getPaper(data));
  toBackground.onMessage('saveNote', ({ data }) => thenRefresh(handlers.saveNote(data)));
  // Each page (document) keeps its own record of which ids it showed beside which titles.
  // (A large page's later batches come from its hover card frame, which relays them: see ScanSources.)
  const scanSources = new ScanSources();
  toBackground.onMessage('matchPage', ({ data, sender }) => {
    const { page, target } = scanSources.of(sender);
    return handlers.matchPage(data, page, target);
  });
  toBackground.onMessage('getSiteSettings', () => handlers.getSiteSettings());
  toBackground.onMessage('setSiteEnabled', ({ data }) => handlers.setSiteEnabled(data));
  toBackground.onMessage('addCustomSite', async ({ data }) => {
    const settings = await handlers.addCustomSite(data);
    await syncCustomContentScripts(settings.custom, CONTENT_SCRIPT_FILE);
    return settings;
  });
  toBackground.onMessage('removeCustomSite', async ({ data }) => {
    const settings = await handlers.removeCustomSite(data);
    await syncCustomContentScripts(settings.custom, CONTENT_SCRIPT_FILE);
    return settings;
  });
  toBackground.onMessage('syncCustomSites', async () => {
    const settings = await handlers.getSiteSettings();
    await syncCustomContentScripts(settings.custom, CONTENT_SCRIPT_FILE);
    return settings;
  });
  toBackground.onMessage('savePaper', ({ data }) => thenRefresh(handlers.savePaper(data)));
  toBackground.onMessage('refreshSearchIndex', () => searchIndex.request());
  toBackground.onMessage('recordVisit', ({ data }) => thenRefresh(handlers.recordVisit(data)));

  // The hover card's unsaved drafts, saved here if its tab closes first.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === DRAFT_PORT && port.sender?.id === browser.runtime.id) relayDrafts(port, (input) => thenRefresh(handlers.saveNote(input)));
  });

  // Registrations survive restarts, but a permission revoked in the browser's settings must drop
  // its origin: checked when it is revoked and when the browser starts, not on every wake-up of
  // this worker, where it would hold up the page that woke it.
  const syncSites = () =>
    handlers
      .getSiteSettings()
      .then((s) => syncCustomContentScripts(s.custom, CONTENT_SCRIPT_FILE))
      .catch((error: unknown) => console.error('PaperLens: registering opted-in sites failed', error));
  browser.permissions.onRemoved.addListener(() => void syncSites());
  browser.runtime.onStartup.addListener(() => void syncSites());

  browser.runtime.onInstalled.addListener(() => {
    void syncSites();
    handlers
      // Built here, once per catalog version, so the first page and the first popup opening read them back instead.
      .prepareMatching()
      .then(() => searchIndex.request())
      .catch((error: unknown) => console.error('PaperLens: loading the catalog failed', error));
  });
});
