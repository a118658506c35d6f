import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { toBackground } from '@/lib/messaging/to-background';
import { getDb } from '@/lib/db/schema';
import { pageNotes } from '@/lib/messaging/page-notes';
import { clearJournal, replayPendingSaves, settleSave, type RecoveredDraft } from '@/lib/notes/pending-saves';
import { describeStorageError } from '@/lib/notes/storage-errors';
import { originPattern, SITES, type SiteSettings } from '@/lib/sites/registry';
import { errorMessage } from '@/lib/errors';
import { CatalogSection } from './CatalogSection';
import { DataSection } from './DataSection';
import { HistorySection } from './HistorySection';
import { LibraryFilesSection } from './LibraryFilesSection';
import { LibrarySection } from './LibrarySection';
import { RecoveredDrafts } from './RecoveredDrafts';
import { SitesSection } from './SitesSection';
import { StorageSection } from './StorageSection';


export function App() {
  const [sites, setSites] = useState<SiteSettings | null>(null);
  const [error, setError] = useState<string | null>(null);

  const report = useCallback((what: string) => (e: unknown) => setError(`${what}: ${errorMessage(e)}`), []);

  const readSites = useCallback(() => {
    toBackground.sendMessage('getSiteSettings').then(setSites, report('Site settings could not be read'));
  }, [report]);

  // After an import wrote site settings: the background registers the content script on the
  // imported origins this browser already allows; the others are listed as needing permission.
  const afterImport = useCallback(() => {
    toBackground.sendMessage('syncCustomSites').then(setSites, report('Site settings could not be read'));
  }, [report]);

  /** The opted-in origins this browser allows PaperLens to read (an imported or revoked one may not be). */
  const [granted, setGranted] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!sites) return;
    let current = true;
    Promise.all(sites.custom.map(async (origin) => ((await browser.permissions.contains({ origins: [originPattern(origin)] })) ? origin : null)))
      .then((allowed) => current && setGranted(new Set(allowed.filter((o): o is string => o !== null))))
      .catch(report('Site permissions could not be read'));
    return () => {
      current = false;
    };
  }, [sites, report]);

  useEffect(() => {
    // Asking for the status makes the background load the catalog if it has not yet.
    toBackground.sendMessage('catalogStatus').catch(report('The catalog could not be loaded'));
    readSites();
  }, [report, readSites]);

  const notes = useMemo(() => pageNotes(getDb(), localStorage), []);

  const [recovered, setRecovered] = useState<RecoveredDraft[]>([]);
  useEffect(() => {
    replayPendingSaves(localStorage, (input) => toBackground.sendMessage('saveNote', input)).then(
      setRecovered,
      report('Unsaved notes could not be recovered'),
    );
  }, [report]);

  const resolve = (draft: RecoveredDraft, keepRecovered: boolean) => {
    const done = () => {
      settleSave(localStorage, draft.input);
      setRecovered((list) => list.filter((d) => d !== draft));
    };
    if (!keepRecovered) return done();
    toBackground.sendMessage('saveNote', { ...draft.input, baseUpdatedAt: draft.stored.updatedAt })
      .then((result) => (result.ok ? done() : setError('That note changed again; reload this page to compare once more.')))
      .catch((e: unknown) => setError(describeStorageError(e)));
  };

  const toggle = (siteId: string, enabled: boolean) => {
    setError(null);
    toBackground.sendMessage('setSiteEnabled', { siteId, enabled }).then(setSites, report('The site could not be changed'));
  };

  const add = (origin: string) => {
    setError(null);
    // Called straight from the click: the browser only shows the permission prompt during a user gesture.
    browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then(async (granted) => {
        if (!granted) {
          setError(`PaperLens was not allowed to read ${origin}, so it does not run there.`);
          return;
        }
        setSites(await toBackground.sendMessage('addCustomSite', origin));
      })
      .catch(report(`${origin} could not be added`));
  };

  const remove = (origin: string) => {
    setError(null);
    toBackground.sendMessage('removeCustomSite', origin)
      .then(async (next) => {
        setSites(next);
        await browser.permissions.remove({ origins: [originPattern(origin)] });
      })
      .catch(report(`${origin} could not be removed`));
  };

  const beforeDeleteAll = async () => {
    const current = await toBackground.sendMessage('getSiteSettings');
    for (const origin of current.custom) {
      await toBackground.sendMessage('removeCustomSite', origin);
      await browser.permissions.remove({ origins: [originPattern(origin)] });
    }
    clearJournal(localStorage);
    setRecovered([]);
    setSites({ disabled: [], custom: [] });
  };

  return (
    <main className="options">
      <header>
        <img src="/icon/32.png" alt="" width={28} height={28} />
        <h1>PaperLens settings</h1>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <RecoveredDrafts drafts={recovered} keep={(d) => resolve(d, true)} discard={(d) => resolve(d, false)} />
      <SitesSection sites={SITES} settings={sites} granted={granted} onToggle={toggle} onAdd={add} onRemove={remove} />
      <LibraryFilesSection />
      <LibrarySection notes={notes} />
      <HistorySection />
      <DataSection beforeDeleteAll={beforeDeleteAll} afterImport={afterImport} />
      <CatalogSection />
      <StorageSection />
    </main>
  );
}
