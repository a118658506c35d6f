import { describeStorageError } from '@/lib/notes/storage-errors';

/** What the host element's `data-state` says, so tests and the page can see progress without reaching inside. */
export const SAVE_STATE = {
  ready: 'ready',
  saving: 'saving',
  saved: 'saved',
  error: 'error',
} as const;

const STYLE = `
:host { all: initial; display: inline-block; margin: 6px 0; }
:host([data-fixed]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
button {
  all: initial; box-sizing: border-box; cursor: pointer;
  font: 500 13px/1.2 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #fff; background: #4338ca; border-radius: 6px; padding: 6px 12px;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
}
button:hover { background: #3730a3; }
button:focus-visible { outline: 2px solid #a5b4fc; outline-offset: 2px; }
button:disabled { cursor: default; background: #15803d; }
.error { display: block; margin-top: 4px; font: 12px/1.3 system-ui, sans-serif; color: #b91c1c; }
`;

/**
 * Puts the button on the page inside a CLOSED shadow root: page CSS cannot restyle it and page
 * scripts cannot reach into it. The host carries only the state, never any of the user's data.
 */
export function mountSaveButton(place: { after: Element } | { fixed: HTMLElement }, save: () => Promise<void>): HTMLElement {
  const host = document.createElement('paperlens-save');
  host.dataset.state = SAVE_STATE.ready;
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Save to PaperLens';
  const message = document.createElement('span');
  message.className = 'error';
  message.setAttribute('role', 'alert');
  root.append(style, button, message);

  button.addEventListener('click', () => {
    if (host.dataset.state === SAVE_STATE.saving || host.dataset.state === SAVE_STATE.saved) return;
    host.dataset.state = SAVE_STATE.saving;
    button.textContent = 'Saving…';
    message.textContent = '';
    save().then(
      () => {
        host.dataset.state = SAVE_STATE.saved;
        button.textContent = 'Saved to PaperLens';
        button.disabled = true;
      },
      (error: unknown) => {
        host.dataset.state = SAVE_STATE.error;
        button.textContent = 'Save to PaperLens';
        message.textContent = describeStorageError(error);
      },
    );
  });

  if ('after' in place) place.after.after(host);
  else {
    host.toggleAttribute('data-fixed', true);
    place.fixed.append(host);
  }
  return host;
}
