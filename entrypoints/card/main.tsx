import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PaperCard } from '@/components/card/PaperCard';
import { CARD_MESSAGE, cardToBackground, DRAFT_PORT, type DraftMessage } from '@/lib/messaging/card';
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

function post(message: Record<string, unknown>): void {
  // The host content script checks that the message comes from this frame.
  window.parent.postMessage(message, '*');
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

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') post({ type: CARD_MESSAGE.close });
});
// The content's own height (not the frame's), so the frame can shrink as well as grow.
const content = document.getElementById('root')!;
new ResizeObserver(() => post({ type: CARD_MESSAGE.size, height: content.getBoundingClientRect().height })).observe(
  content,
);
