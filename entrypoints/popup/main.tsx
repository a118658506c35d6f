import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { firstScreenRead, type FirstScreen } from '@/lib/db/first-screen-read';
import { OPEN_MARKS } from './open-marks';
import { usePopupStore } from './popup-store';
import { StoredFirstScreen } from './StoredFirstScreen';
import '@/components/theme.css';
import './style.css';

/*
 * The popup's modules come in two parts. This one (React, the popup's store and the list's
 * components) draws the stored first screen as soon as its read is over; App, with Dexie, the
 * search engine and the live reads (most of the bytes), is imported after that screen is
 * painted, and replaces it. Without a current stored screen, App is imported at once.
 */

performance.mark(OPEN_MARKS.scripts);

// popup.html?paper=<id> opens straight on that paper (the hover card's "Open in PaperLens").
const deepLink = new URLSearchParams(location.search).get('paper');
if (deepLink) usePopupStore.getState().openPaper(deepLink);

/**
 * How long the first render waits for the stored first screen. The read began in popup.html's
 * first script and is normally over by now; this bounds the wait when IndexedDB is slow to open
 * (the live reads then list the papers, as without a stored screen).
 */
const FIRST_SCREEN_WAIT_MS = 150;

const root = createRoot(document.getElementById('root')!);

/** The search field's text selection when it has the focus (App's field is a new element). */
function searchSelection(): { start: number | null; end: number | null } | null {
  const field = document.activeElement;
  return field instanceof HTMLInputElement && field.type === 'search' ? { start: field.selectionStart, end: field.selectionEnd } : null;
}

let appShown = false;
function showApp(): void {
  if (appShown) return;
  appShown = true;
  void import('./App').then(({ App }) => {
    const selection = searchSelection();
    // Rendered at once, so the caret is put back where it was before the next key comes.
    flushSync(() =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
    const field = document.querySelector<HTMLInputElement>('input[type=search]');
    if (selection && field) {
      field.focus();
      field.setSelectionRange(selection.start, selection.end);
    }
  });
}

function showFirstScreen(firstScreen: FirstScreen): void {
  root.render(
    <StrictMode>
      <StoredFirstScreen screen={firstScreen} onPainted={showApp} />
    </StrictMode>,
  );
}

const waited = new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_SCREEN_WAIT_MS));
// A deep link shows a paper, not the list.
void (deepLink ? Promise.resolve(null) : Promise.race([firstScreenRead(), waited])).then((firstScreen) => {
  usePopupStore.setState({ firstScreen });
  if (firstScreen) showFirstScreen(firstScreen);
  else showApp();
});
