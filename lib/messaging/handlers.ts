import type { Catalog, CatalogStatus } from '../catalog/types';
import { getCatalogVersion, loadCatalog, readCatalogStatus } from '../db/catalog-load';
import { saveUserPaper } from '../db/library';
import { saveNote } from '../db/notes';
import { recordVisit } from '../db/history';
import { loadPageIndex } from '../db/page-index';
import { getPaperWithNote } from '../db/papers';
import { learnArxivIds, paperStates } from '../db/paper-state';
import { getRevision } from '../db/revisions';
import type { PaperLensDB } from '../db/schema';
import * as siteSettings from '../db/site-settings';
import { normalizeTitle } from '../match/normalize';
import { matchPage, type PageIndex } from '../library/page-index';
import { findTitle } from '../match/title-index';
import type { NoteSaveResult, PaperWithNote, SavePaperResult } from '../notes/model';
import type { StatedMatch } from '../notes/paper-state';
import type { SiteSettings } from '../sites/registry';
import {
  expectMatchCandidates,
  expectNoteInput,
  expectOrigin,
  expectPaperId,
  expectSavePaperInput,
  expectSiteToggle,
  expectTitles,
  expectVisitInput,
} from './validate';

/** Runs `fn`, leaving its duration as the latest performance measure `name` (read by `npm run bench`). */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.clearMeasures(name);
    performance.measure(name, { start });
  }
}

/** Where the background gets the bundled catalog from (fetch in the extension, a fixture in tests). */
export type CatalogSource = () => Promise<Catalog>;

/**
 * The bundled catalog's version without reading the whole file, or null when it cannot tell:
 * a service worker woken by a page then skips reading and parsing catalog.json (about 1.8 s
 * at 100,000 papers on the shared machine) when the database already holds that version.
 */
export type CatalogVersionSource = () => Promise<string | null>;

/**
 * The background's message handlers as plain functions over a database, so they are unit
 * tested without a browser. Every input is validated: content scripts run beside hostile pages.
 * The catalog is loaded lazily on the first request, which covers a service worker that was
 * woken by a message before `onInstalled` finished.
 */
export function createHandlers(db: PaperLensDB, source: CatalogSource, bundledVersion: CatalogVersionSource = async () => null) {
  let loading: Promise<void> | null = null;
  const load = async (): Promise<void> => {
    const version = await bundledVersion().catch(() => null);
    if (version !== null && version === (await getCatalogVersion(db))) return;
    await loadCatalog(db, await source());
  };
  const ready = (): Promise<void> => {
    const start = performance.now();
    loading ??= load()
      .then(() => {
        performance.measure('paperlens:catalog-ready', { start });
      })
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  };

  // The title and id index is a cache of the database, stored beside it (lib/db/page-index) and
  // rebuilt when the papers change; the measure says which (read by `npm run bench`).
  let index: { key: string; built: Promise<PageIndex> } | null = null;
  const pageIndex = async (): Promise<PageIndex> => {
    const key = String(await getRevision(db, 'papers'));
    // Concurrent scans share one load instead of each reading the whole table.
    if (index?.key !== key) {
      const start = performance.now();
      const built = loadPageIndex(db).then(({ index: loaded, origin }) => {
        const name = origin === 'built' ? 'paperlens:index-build' : 'paperlens:index-load';
        performance.clearMeasures(name);
        performance.measure(name, { start });
        return loaded;
      });
      built.catch(() => {
        if (index?.built === built) index = null;
      });
      index = { key, built };
    }
    return index.built;
  };

  return {
    ready,

    /** Loads the catalog and builds (or reads back) the match index, so the first page is answered from it. */
    async prepareMatching(): Promise<void> {
      await ready();
      await pageIndex();
    },

    async catalogStatus(): Promise<CatalogStatus> {
      await ready();
      return readCatalogStatus(db);
    },

    async lookupTitles(data: unknown): Promise<(string | null)[]> {
      const titles = expectTitles(data);
      await ready();
      const index = (await pageIndex()).titles;
      return titles.map((t) => findTitle(index, normalizeTitle(t)));
    },

    /**
     * Matches a scan and gives each mention its paper's state; arXiv ids the page showed next
     * to known titles are stored (learned), so links to them are recognized from then on.
     */
    async matchPage(data: unknown): Promise<StatedMatch[]> {
      const candidates = expectMatchCandidates(data);
      await ready();
      const found = await pageIndex();
      const matches = timed('paperlens:match', () => matchPage(found, candidates));
      const learned = matches.flatMap((m) => (m.learnedArxivId ? [{ paperId: m.id, arxivId: m.learnedArxivId }] : []));
      if (learned.length) await learnArxivIds(db, learned);
      const states = await paperStates(db, matches.map((m) => m.id));
      return matches.map((m, i) => ({ ...m, state: states[i]! }));
    },

    getSiteSettings(): Promise<SiteSettings> {
      return siteSettings.getSiteSettings(db);
    },

    async setSiteEnabled(data: unknown): Promise<SiteSettings> {
      const { siteId, enabled } = expectSiteToggle(data);
      return siteSettings.setSiteEnabled(db, siteId, enabled);
    },

    async addCustomSite(data: unknown): Promise<SiteSettings> {
      return siteSettings.addCustomSite(db, expectOrigin(data));
    },

    async removeCustomSite(data: unknown): Promise<SiteSettings> {
      return siteSettings.removeCustomSite(db, expectOrigin(data));
    },

    async getPaper(data: unknown): Promise<PaperWithNote | null> {
      const id = expectPaperId(data);
      await ready();
      return getPaperWithNote(db, id);
    },

    async saveNote(data: unknown): Promise<NoteSaveResult> {
      const input = expectNoteInput(data);
      await ready();
      return saveNote(db, input);
    },

    async savePaper(data: unknown): Promise<SavePaperResult> {
      const input = expectSavePaperInput(data);
      await ready();
      return saveUserPaper(db, input);
    },

    async recordVisit(data: unknown): Promise<{ paperId: string | null }> {
      const input = expectVisitInput(data);
      await ready();
      return recordVisit(db, input);
    },
  };
}
