import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstScreenRead } from '@/lib/db/first-screen-read';
import { getDb } from '@/lib/db/schema';
import { usePopupStore } from './popup-store';
import { App } from './App';
import { OPEN_MARKS } from './open-marks';
import '@/components/theme.css';
import './style.css';

performance.mark(OPEN_MARKS.scripts);

// The database connection opens while React renders: the first list's reads need it at once.
// A failure shows where a read fails (Dexie keeps the error for every later read).
getDb()
  .open()
  .catch(() => undefined);

// popup.html?paper=<id> opens straight on that paper (the hover card's "Open in PaperLens").
const deepLink = new URLSearchParams(location.search).get('paper');
if (deepLink) usePopupStore.getState().openPaper(deepLink);

/**
 * How long the first render waits for the stored first screen. The read began in popup.html's
 * first script and is normally over by now; this bounds the wait when IndexedDB is slow to open
 * (the live reads then list the papers, as without a stored screen).
 */
const FIRST_SCREEN_WAIT_MS = 150;

const waited = new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_SCREEN_WAIT_MS));
// A deep link shows a paper, not the list.
void (deepLink ? Promise.resolve(null) : Promise.race([firstScreenRead(), waited])).then((firstScreen) => {
  usePopupStore.setState({ firstScreen });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
