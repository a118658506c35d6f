import type { Catalog, CatalogStatus } from '../catalog/types';
import { getCatalogVersion, loadCatalog, refreshCatalogStatus } from '../db/catalog-load';
import { saveUserPaper } from '../db/library';
import { saveNote } from '../db/notes';
import { recordVisit } from '../db/history';
import { learnIntoPageIndex, loadPageIndex, readPageIndexToken, readStoredPageIndex } from '../db/page-index';
import { decodeIndexFile, encodeIndexFile, type IndexFileContents, type IndexFileStore } from '../db/page-index-file';
import { getPaperWithNote } from '../db/papers';
import { paperStates } from '../db/paper-state';
import { readWakeState, sameState, writeWakeState, type WakeFiles, type WakeState } from '../db/wake-state';
import { getRevision } from '../db/revisions';
import type { PaperLensDB } from '../db/schema';
import * as siteSettings from '../db/site-settings';
import { normalizeTitle } from '../match/normalize';
import { matchPage, newPagePairings, pairedOneToOne, type PageIndex, type PagePairings } from '../library/page-index';
import { findTitle } from '../match/title-index';
import type { NoteSaveResult, PaperWithNote, SavePaperResult } from '../notes/model';
import { BLANK_STATE, type PaperState, type StatedMatch } from '../notes/paper-state';
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

/** Leaves `name` as a measure from `start` to now the first time in this context's life only (read by `npm run bench`). */
function measureFirst(name: string, start: number): void {
  if (performance.getEntriesByName(name).length === 0) performance.measure(name, { start });
}

/** How long a page's batches must have stopped before the ids it taught are stored. */
const LEARN_AFTER_MS = 2000;
/** Pages whose pairings are kept at once (each a few small maps). */
const REMEMBERED_PAGES = 16;

/** Where the background gets the bundled catalog from (fetch in the extension, a fixture in tests). */
export type CatalogSource = () => Promise<Catalog>;

/**
 * The bundled catalog's version without reading the whole file, or null when it cannot tell:
 * a service worker woken by a page then skips reading and parsing catalog.json (about 1.8 s
 * at 100,000 papers on the shared machine) when the database already holds that version.
 */
export type CatalogVersionSource = () => Promise<string | null>;

/** The frame a scan came from, where corrections of its marks are sent. */
export interface PageTarget {
  tabId: number;
  frameId: number;
}

/** What the browser says of a message's sender, as far as {@link ScanSources} reads it. */
export interface ScanSender {
  documentId?: string;
  frameId?: number;
  url?: string;
  tab?: { id?: number };
}

/**
 * The page a `matchPage` came from: the key of the background's memory of that page (which ids it
 * showed beside which titles) and the frame its corrections go to. A large page sends its first
 * batches itself and the rest through its hover card frame (an extension page, lib/messaging/card.ts
 * HostToCard), which relays them for the content script hosting it in its tab's top frame; so a
 * relayed batch belongs to the page whose top frame last sent from that tab. The browser names
 * only the sender, so each tab's top document is remembered as its batches come: one string per
 * tab that sent any, for the worker's life (no tabs.onRemoved listener: it would wake a stopped
 * worker at every tab closed).
 */
export class ScanSources {
  private readonly tops = new Map<number, string>();

  of(sender: ScanSender): { page: string; target: PageTarget | undefined } {
    const tabId = sender.tab?.id;
    const relayed = /^(?:chrome|moz)-extension:/.test(sender.url ?? '');
    const own = sender.documentId ?? `${tabId}/${sender.frameId}/${sender.url}`;
    let page = own;
    if (tabId !== undefined && relayed) page = this.tops.get(tabId) ?? own;
    else if (tabId !== undefined && (sender.frameId ?? 0) === 0) this.tops.set(tabId, own);
    return { page, target: tabId === undefined ? undefined : { tabId, frameId: relayed ? 0 : (sender.frameId ?? 0) } };
  }
}

/**
 * How a woken worker answers before IndexedDB has opened: the wake state (lib/db/wake-state.ts),
 * the database's open, and where states answered from a copy that turned out stale are corrected
 * (the content script's `paperStates` message).
 */
export interface WakeOptions {
  files: WakeFiles;
  opened: Promise<unknown>;
  correct: (target: PageTarget, states: Record<string, PaperState>) => Promise<unknown>;
}

/** How long after the background's own last watched write the wake state is written again. */
const WAKE_STATE_REWRITE_MS = 1000;

/**
 * The background's message handlers as plain functions over a database, so they are unit
 * tested without a browser. Every input is validated: content scripts run beside hostile pages.
 * The catalog is loaded lazily on the first request, which covers a service worker that was
 * woken by a message before `onInstalled` finished.
 */
export function createHandlers(
  db: PaperLensDB,
  source: CatalogSource,
  bundledVersion: CatalogVersionSource = async () => null,
  /** A copy of the match index in a file (lib/db/page-index-file.ts), read on waking while IndexedDB opens; none in most tests. */
  indexFile: IndexFileStore | null = null,
  /** Answering from the wake state until IndexedDB is open; none in most tests. */
  wake: WakeOptions | null = null,
) {
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
  let index: { revision: number; built: Promise<PageIndex> } | null = null;
  const remember = (revision: number, built: Promise<PageIndex>): Promise<PageIndex> => {
    built.catch(() => {
      if (index?.built === built) index = null;
    });
    index = { revision, built };
    return built;
  };
  const pageIndex = async (): Promise<PageIndex> => {
    const revision = await getRevision(db, 'papers');
    // Concurrent scans share one load instead of each reading the whole table.
    if (index?.revision === revision) return index.built;
    const start = performance.now();
    return remember(
      revision,
      loadPageIndex(db).then(({ index: loaded, origin, revision: loadedRevision, token }) => {
        const name = origin === 'built' ? 'paperlens:index-build' : 'paperlens:index-load';
        performance.clearMeasures(name);
        performance.measure(name, { start });
        copyToFile({ index: loaded, revision: loadedRevision, token });
        return loaded;
      }),
    );
  };

  /**
   * The index file: read once per worker life, from when the worker starts (`prefetchIndex`),
   * and written after the worker used an index the file did not hold (one write at a time,
   * after the current answers, skipped once a newer index replaced it).
   */
  let fileRead: Promise<IndexFileContents | null> | null = null;
  const readFile = (): Promise<IndexFileContents | null> => {
    fileRead ??= indexFile
      ? (() => {
          const start = performance.now();
          return indexFile
            .read()
            .then((bytes) => {
              performance.measure('paperlens:index-file-read', { start });
              return bytes && decodeIndexFile(bytes);
            })
            .catch((error: unknown) => {
              console.error('PaperLens: reading the match index file failed', error);
              return null;
            });
        })()
      : Promise.resolve(null);
    return fileRead;
  };
  let fileHolds = '';
  let writing = Promise.resolve();
  const copyToFile = (contents: IndexFileContents) => {
    const file = indexFile;
    if (!file || !contents.token || fileHolds === contents.token) return;
    fileHolds = contents.token;
    writing = writing
      .then(() => new Promise((resolve) => setTimeout(resolve)))
      .then(async () => {
        if (fileHolds !== contents.token) return;
        await file.write(encodeIndexFile(contents));
      })
      .catch((error: unknown) => {
        if (fileHolds === contents.token) fileHolds = '';
        console.error('PaperLens: writing the match index file failed', error);
      });
  };

  /**
   * The wake state (lib/db/wake-state.ts), read once per worker life from its start. Until
   * IndexedDB has opened (the phase 'trusting') a copy carrying the current stamp answers the
   * site settings, vouches for the index file and gives the matched papers' states, so a page
   * that woke the worker is answered without waiting for the database. Once it is open, what was
   * answered from the copy is checked against it: states that differ are sent to the page again,
   * and a copy found missing, stale or wrong is written anew. A watched write in this worker ends
   * the trust at once (the copy in memory no longer says what the database does).
   */
  let phase: 'trusting' | 'checked' = wake ? 'trusting' : 'checked';
  let wakeStateRead: Promise<WakeState | null> | null = null;
  const readWake = (): Promise<WakeState | null> => {
    wakeStateRead ??= wake
      ? (() => {
          const start = performance.now();
          return readWakeState(wake.files)
            .then((copy) => {
              performance.measure('paperlens:wake-state-read', { start, detail: copy ? 'current' : 'none or stale' });
              return copy;
            })
            .catch((error: unknown) => {
              console.error('PaperLens: reading the wake state failed', error);
              return null;
            });
        })()
      : Promise.resolve(null);
    return wakeStateRead;
  };
  const trusted = async (): Promise<WakeState | null> => {
    if (phase !== 'trusting') return null;
    const copy = await readWake();
    return phase === 'trusting' ? copy : null;
  };
  /** States answered from the copy, with the frame they went to, until the check. */
  const answeredFromCopy: { target: PageTarget | undefined; states: Map<string, PaperState> }[] = [];
  let rewriteTimer: ReturnType<typeof setTimeout> | undefined;
  let rewriting: Promise<unknown> = Promise.resolve();
  const rewriteNow = () => {
    rewriteTimer = undefined;
    if (!wake) return;
    rewriting = rewriting
      .then(() => writeWakeState(db, wake.files))
      .catch((error: unknown) => console.error('PaperLens: writing the wake state failed', error));
  };
  const rewriteWakeState = (delay: number) => {
    clearTimeout(rewriteTimer);
    rewriteTimer = setTimeout(rewriteNow, delay);
  };
  wake?.files.stamp.onStamp(() => {
    phase = 'checked';
    rewriteWakeState(WAKE_STATE_REWRITE_MS);
  });
  let checking: Promise<void> | null = null;
  const checkWakeState = (): Promise<void> => {
    checking ??= (async () => {
      if (!wake) return;
      // Trust ends with the open, whether it opened or failed (its errors are then the answers').
      await wake.opened.finally(() => (phase = 'checked'));
      const copy = await readWake();
      const answers = answeredFromCopy.splice(0);
      const ids = [...new Set(answers.flatMap((a) => [...a.states.keys()]))];
      const [current, notesRevision, sites, states] = await Promise.all([
        readPageIndexToken(db),
        getRevision(db, 'notes'),
        siteSettings.getSiteSettings(db),
        paperStates(db, ids),
      ]);
      const now = new Map(ids.map((id, i) => [id, states[i]!]));
      // Notes changed since it was computed: written anew, whatever it answered.
      let stale = !copy || copy.notesRevision !== notesRevision;
      if (copy && (copy.index.revision !== current.revision || copy.index.token !== current.token)) {
        // Pages matched against it are not matched again; the next scan reads the current index.
        console.warn('PaperLens: the wake state named a match index that was no longer current');
        if (index && index.revision === copy.index.revision) index = null;
        stale = true;
      }
      if (copy && JSON.stringify(copy.sites) !== JSON.stringify(sites)) {
        console.warn('PaperLens: the wake state held site settings that were no longer current');
        stale = true;
      }
      for (const { target, states: sent } of answers) {
        const changed = [...sent].filter(([id, state]) => !sameState(state, now.get(id)!));
        if (changed.length === 0) continue;
        stale = true;
        if (target) await wake.correct(target, Object.fromEntries(changed.map(([id]) => [id, now.get(id)!])));
      }
      if (stale) rewriteWakeState(0);
    })();
    return checking;
  };

  /** The index file, when the wake state vouches for it: the first scans then need no IndexedDB. */
  let indexFromCopy = false;
  const copiedIndex = async (): Promise<{ copy: WakeState; index: PageIndex } | null> => {
    const copy = await trusted();
    if (!copy?.index.token) return null;
    const file = await readFile();
    if (!file || file.token !== copy.index.token || file.revision !== copy.index.revision) return null;
    if (!indexFromCopy) {
      indexFromCopy = true;
      fileHolds = file.token;
      if (index?.revision !== file.revision) remember(file.revision, Promise.resolve(file.index));
      performance.measure('paperlens:index-load', { start: performance.now(), detail: 'file, vouched for by the wake state' });
      checkCatalogAfterAnswer = true;
    }
    return { copy, index: file.index };
  };

  /**
   * The index a scan is matched against. A worker woken by a page reads the stored index and
   * answers from it before anything else: making sure the bundled catalog is loaded (and, were
   * it not, loading it and rebuilding) waits until the first answer is out. Only a database
   * with no index stored for its papers (the first run, or a catalog never loaded) waits for
   * the catalog first.
   */
  let wakeRead: Promise<void> | null = null;
  let checkCatalogAfterAnswer = false;
  const matchIndex = async (): Promise<PageIndex> => {
    wakeRead ??= (async () => {
      const start = performance.now();
      // The file (its read began when the worker started) if it copies the current stored index…
      const [file, current] = await Promise.all([readFile(), readPageIndexToken(db)]);
      const fromFile = file && file.revision === current.revision && file.token === current.token && current.token !== '';
      if (fromFile) fileHolds = file.token;
      // …else the index stored in IndexedDB, copied to the file for the next wake-up.
      const stored = fromFile ? file : await readStoredPageIndex(db);
      if (!stored) return;
      performance.clearMeasures('paperlens:index-load');
      performance.measure('paperlens:index-load', { start, detail: fromFile ? 'file' : 'database' });
      if (index?.revision !== stored.revision) remember(stored.revision, Promise.resolve(stored.index));
      if (!fromFile) copyToFile(stored);
      checkCatalogAfterAnswer = true;
      // Unreadable: the index is built the ordinary way below.
    })().catch((error: unknown) => console.error('PaperLens: reading the stored match index failed', error));
    await wakeRead;
    if (index && index.revision === (await getRevision(db, 'papers'))) return index.built;
    await ready();
    return pageIndex();
  };

  /**
   * What each page showed so far (which ids beside which titles) and the ids it taught, kept
   * across the page's batches: a page is matched in several, and an id it shows beside a second
   * title in a later batch is no evidence of which paper is which. Ids are stored once the page
   * has been quiet for LEARN_AFTER_MS, and only those still paired one to one; storing one
   * changes the papers, so it also waits until the page's marks are answered.
   */
  const logLearning = (error: unknown) => console.error('PaperLens: storing arXiv ids learned from a page failed', error);
  const pages = new Map<string, { pairings: PagePairings; learned: Map<string, string>; timer?: ReturnType<typeof setTimeout> }>();
  const pageMemory = (page: string) => {
    let memory = pages.get(page);
    if (!memory) {
      memory = { pairings: newPagePairings(), learned: new Map() };
      pages.set(page, memory);
      // The oldest pages are forgotten first; their ids are stored before they go.
      for (const old of [...pages.keys()].slice(0, Math.max(0, pages.size - REMEMBERED_PAGES))) {
        learnFrom(old).catch(logLearning);
        pages.delete(old);
      }
    }
    return memory;
  };
  const learnFrom = async (page: string): Promise<void> => {
    const memory = pages.get(page);
    if (!memory) return;
    clearTimeout(memory.timer);
    const taught = [...memory.learned];
    memory.learned.clear();
    const learned = taught.flatMap(([arxivId, paperId]) =>
      pairedOneToOne(memory.pairings, arxivId) ? [{ paperId, arxivId }] : [],
    );
    if (learned.length === 0) return;
    const current = index;
    const built = current && (await current.built.catch(() => null));
    const known = current && built ? { index: built, revision: current.revision } : null;
    const updated = await learnIntoPageIndex(db, learned, known);
    if (updated) {
      remember(updated.revision, Promise.resolve(updated.index));
      copyToFile(updated);
    }
  };
  const scheduleLearning = (page: string) => {
    const memory = pages.get(page)!;
    clearTimeout(memory.timer);
    memory.timer = setTimeout(() => learnFrom(page).catch(logLearning), LEARN_AFTER_MS);
  };

  return {
    ready,

    /**
     * Starts reading the index file and the wake state: called as the worker starts, so the
     * reads overlap IndexedDB opening; what is answered from them is checked once it is open.
     */
    prefetchIndex(): void {
      void readFile();
      void readWake();
      checkWakeState().catch((error: unknown) => console.error('PaperLens: checking the wake state failed', error));
    },

    /** The wake state's check and rewrite, once both are done (tests). */
    async settleWakeState(): Promise<void> {
      await checkWakeState();
      if (rewriteTimer !== undefined) {
        clearTimeout(rewriteTimer);
        rewriteNow();
      }
      await rewriting;
    },

    /** Index file writes still pending (tests). */
    settleIndexFile(): Promise<void> {
      return writing;
    },

    /** Loads the catalog and builds (or reads back) the match index, so the first page is answered from it. */
    async prepareMatching(): Promise<void> {
      await ready();
      await pageIndex();
    },

    async catalogStatus(): Promise<CatalogStatus> {
      await ready();
      return refreshCatalogStatus(db);
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
    async matchPage(data: unknown, page = '', target?: PageTarget): Promise<StatedMatch[]> {
      const received = performance.now();
      const candidates = expectMatchCandidates(data);
      const copied = await copiedIndex();
      const found = copied ? copied.index : await matchIndex();
      measureFirst('paperlens:first-match-index', received);
      const { pairings, learned } = pageMemory(page);
      const matches = timed('paperlens:match', () => matchPage(found, candidates, pairings));
      for (const m of matches) if (m.learnedArxivId) learned.set(m.learnedArxivId, m.id);
      if (learned.size) scheduleLearning(page);
      measureFirst('paperlens:first-match-matched', received);
      const ids = matches.map((m) => m.id);
      // Decided and recorded with no wait in between, so the check sees every answer the copy gave.
      const copy = copied && phase === 'trusting' ? copied.copy : null;
      let states: PaperState[];
      if (copy) {
        states = ids.map((id) => copy.states.get(id) ?? BLANK_STATE);
        answeredFromCopy.push({ target, states: new Map(ids.map((id, i) => [id, states[i]!])) });
      } else {
        states = await paperStates(db, ids);
      }
      // The first answer of this worker's life, from the message's arrival (read by `npm run bench`).
      measureFirst('paperlens:first-match', received);
      if (checkCatalogAfterAnswer) {
        checkCatalogAfterAnswer = false;
        setTimeout(() => void ready().catch((error: unknown) => console.error('PaperLens: loading the catalog failed', error)));
      }
      return matches.map((m, i) => ({ ...m, state: states[i]! }));
    },

    /** Stores the ids learned so far now, instead of once each page has been quiet a while (tests, shutdown). */
    settleLearning(): Promise<void> {
      return Promise.all([...pages.keys()].map(learnFrom)).then(() => undefined);
    },

    async getSiteSettings(): Promise<SiteSettings> {
      const received = performance.now();
      const copy = await trusted();
      const settings = copy ? copy.sites : await siteSettings.getSiteSettings(db);
      measureFirst('paperlens:first-settings', received);
      return settings;
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
