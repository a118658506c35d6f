import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PaperCard } from '@/components/card/PaperCard';
import { acceptHostPort, cardToBackground, DRAFT_PORT, serveHost, type CardToHost } from '@/lib/messaging/card';
import { cardNotes, streamDrafts } from '@/lib/messaging/card-notes';
import './style.css';

/**
 * The hash the content script sets: `#<paper id>/<times shown>/<light|dark>`. Anything else
 * shows "not in your catalog"; the background validates the id again.
 */
function fromHash(): { paperId: string; shown: string } {
  const [id = '', shown = '', scheme = ''] = location.hash.slice(1).split('/');
  document.documentElement.dataset.scheme = scheme === 'dark' ? 'dark' : 'light';
  try {
    return { paperId: decodeURIComponent(id).slice(0, 200), shown };
  } catch {
    return { paperId: '', shown };
  }
}

const notes = cardNotes(
  {
    getPaper: (id) => (id ? cardToBackground.sendMessage('getPaper', id) : Promise.resolve(null)),
    saveNote: (input) => cardToBackground.sendMessage('saveNote', input),
  },
  // The background saves the draft if this tab closes before the editor's own save.
  streamDrafts(() => browser.runtime.connect({ name: DRAFT_PORT })),
);

const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <PaperCard
        {...fromHash()}
        notes={notes}
        popupUrl={(id) => `${browser.runtime.getURL('/popup.html')}?paper=${encodeURIComponent(id)}`}
      />
    </StrictMode>,
  );
render();
window.addEventListener('hashchange', render);

// The content script hosting this frame hands over its port once the frame has loaded.
let host: MessagePort | null = null;
const tellHost = (message: CardToHost) => host?.postMessage(message);
// The content's own height, not the frame's: the host may show the card shorter than its
// content (it then scrolls inside #frame), and the frame must shrink as well as grow.
const content = document.getElementById('root')!;
const frame = document.getElementById('frame')!;
let reported = -1;
const reportSize = () => {
  const height = content.getBoundingClientRect().height + frame.offsetHeight - frame.clientHeight;
  if (height === reported || !host) return;
  reported = height;
  tellHost({ type: 'size', height });
};
acceptHostPort(window, (port) => {
  host = port;
  // A large page's scan batches come this way, to be sent on from here (HostToCard).
  serveHost(port, (candidates) => cardToBackground.sendMessage('matchPage', candidates));
  // The first layout may have happened before the port arrived.
  reportSize();
});
new ResizeObserver(reportSize).observe(content);
// Also after every change to the card's content: ResizeObserver runs with rendering, which the
// browser may hold back in a frame it has just shown again, leaving the frame sized for "Loading…".
new MutationObserver(reportSize).observe(content, { childList: true, subtree: true, characterData: true });
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') tellHost({ type: 'close' });
});
