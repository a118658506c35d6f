import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
