import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Catalog } from '@/lib/catalog/types';
import { getDb } from '@/lib/db/schema';
import { createHandlers } from '@/lib/messaging/handlers';
import { onMessage } from '@/lib/messaging/protocol';

async function fetchBundledCatalog(): Promise<Catalog> {
  // A generated asset, so not in WXT's typed public paths; the path resolves against the extension origin.
  const response = await fetch('/catalog.json');
  if (!response.ok) throw new Error(`catalog.json could not be read (HTTP ${response.status})`);
  return (await response.json()) as Catalog;
}

export default defineBackground(() => {
  const handlers = createHandlers(getDb(), fetchBundledCatalog);

  // Registered synchronously: a message may be what wakes the service worker.
  onMessage('catalogStatus', () => handlers.catalogStatus());
  onMessage('lookupTitles', ({ data }) => handlers.lookupTitles(data));
  onMessage('getPaper', ({ data }) => handlers.getPaper(data));
  onMessage('saveNote', ({ data }) => handlers.saveNote(data));
  onMessage('savePaper', ({ data }) => handlers.savePaper(data));

  browser.runtime.onInstalled.addListener(() => {
    handlers.ready().catch((error: unknown) => console.error('PaperLens: loading the catalog failed', error));
  });
});
