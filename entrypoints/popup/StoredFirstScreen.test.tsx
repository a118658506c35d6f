import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '@/lib/catalog/build';
import { readSeedDir } from '@/lib/catalog/read-seeds';
import { refreshFirstScreen } from '@/lib/db/first-screen';
import type { FirstScreen } from '@/lib/db/first-screen-read';
import { refreshLibraryCounts } from '@/lib/db/library-counts';
import { saveNote } from '@/lib/db/notes';
import type { PaperLensDB } from '@/lib/db/schema';
// Renamed: not a React hook (the hooks lint reads any use… called at the top level as one).
import { useFreshDb as freshDbPerTest } from '@/lib/db/testing';
import { App } from './App';
import { usePopupStore } from './popup-store';
import { StoredFirstScreen } from './StoredFirstScreen';

const catalog = buildCatalog(readSeedDir('seeds'));
const [a, b] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0]];
let db!: PaperLensDB;
freshDbPerTest('stored-first-screen', (fresh) => (db = fresh), catalog);

const initial = usePopupStore.getState();
afterEach(() => usePopupStore.setState(initial, true));

/** Both first renders of a popup opened on `screen`: the stored screen's, and App's from the same row. */
function renders(screen: FirstScreen): { stored: string; app: string } {
  usePopupStore.setState({ firstScreen: screen });
  return { stored: renderToStaticMarkup(<StoredFirstScreen screen={screen} onPainted={() => undefined} />), app: renderToStaticMarkup(<App />) };
}

describe("the popup's stored first screen", () => {
  it("is what App's first render draws from the same row: the listed papers, their notes, the footer's counts", async () => {
    await saveNote(db, { paperId: b.id, text: 'a note on it', tags: ['later'] }, 100);
    await saveNote(db, { paperId: a.id, text: '', starred: true }, 200);
    await refreshLibraryCounts(db);
    const { stored, app } = renders(await refreshFirstScreen(db));
    expect(stored).toContain(a.title.replace(/\s+/g, ' '));
    expect(stored).toContain('#later');
    expect(stored).toContain(`${catalog.papers.length} papers`);
    expect(stored).toBe(app);
  });

  it('is the same hint as App when nothing is listed yet', async () => {
    const { stored, app } = renders(await refreshFirstScreen(db));
    expect(stored).toContain('Type to search your papers.');
    expect(stored).toBe(app);
  });
});
