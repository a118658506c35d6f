import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PaperCard } from '@/components/card/PaperCard';
import { acceptHostPort, cardToBackground, DRAFT_PORT, type CardToHost, type DraftMessage } from '@/lib/messaging/card';
import type { NoteInput } from '@/lib/notes/model';
import './style.css';

/**
 * The hash the content script sets: `#<paper id>/<times shown>`. Anything else shows "not in
 * your catalog"; the background validates the id again.
 */
function fromHash(): { paperId: string; shown: string } {
  const [id = '', shown = ''] = location.hash.slice(1).split('/');
  try {
    return { paperId: decodeURIComponent(id).slice(0, 200), shown };
  } catch {
    return { paperId: '', shown };
  }
}

const load = (id: string) => (id ? cardToBackground.sendMessage('getPaper', id) : Promise.resolve(null));

/**
 * Streams the note editor's unsaved draft to the background (lib/messaging/draft-relay.ts), which
 * saves it if this tab closes before the editor's own save. The port is opened on the first
 * keystroke (waking the worker) and opened again if the worker stopped while text was unsaved.
 */
let port: ReturnType<typeof browser.runtime.connect> | null = null;
const unsaved = new Map<string, NoteInput>();
function sendDraft(paperId: string, draft: NoteInput | null): void {
  if (draft === null) unsaved.delete(paperId);
  else unsaved.set(paperId, draft);
  if (!port) {
    if (draft === null) return;
    const opened = browser.runtime.connect({ name: DRAFT_PORT });
    opened.onDisconnect.addListener(() => {
      port = null;
      for (const [id, draft] of unsaved) sendDraft(id, draft);
    });
    port = opened;
  }
  const message: DraftMessage = { paperId, draft };
  port.postMessage(message);
}


const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <PaperCard
        {...fromHash()}
        load={load}
        save={(input) => cardToBackground.sendMessage('saveNote', input)}
        onDraft={sendDraft}
        popupUrl={(id) => `${browser.runtime.getURL('/popup.html')}?paper=${encodeURIComponent(id)}`}
      />
    </StrictMode>,
  );
render();
window.addEventListener('hashchange', render);

// The content script hosting this frame hands over its port once the frame has loaded.
let host: MessagePort | null = null;
const tellHost = (message: CardToHost) => host?.postMessage(message);
// The content's own height (not the frame's), so the frame can shrink as well as grow.
const content = document.getElementById('root')!;
const reportSize = () => tellHost({ type: 'size', height: content.getBoundingClientRect().height });
acceptHostPort(window, (port) => {
  host = port;
  // The first layout may have happened before the port arrived.
  reportSize();
});
new ResizeObserver(reportSize).observe(content);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') tellHost({ type: 'close' });
});
