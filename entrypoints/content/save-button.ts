import { describeStorageError } from '@/lib/notes/storage-errors';

/** The host element's tag; scans and the page observer ignore it (lib/sites/scan.ts OWN_TAGS). */
export const SAVE_TAG = 'paperlens-save';

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
.error:empty { display: none; }
:host([data-compact]) button {
  position: absolute; left: 8px; bottom: -4px; white-space: nowrap;
  font: 600 11px/1 system-ui, -apple-system, "Segoe UI", sans-serif; padding: 3px 8px; border-radius: 999px;
}
:host([data-compact]) .error {
  position: absolute; left: 8px; top: 8px; z-index: 1; white-space: nowrap; margin: 0; padding: 2px 6px;
  background: #fef2f2; border: 1px solid #fca5a5; border-radius: 4px;
}
`;

/**
 * A compact control takes no room: a zero-size inline box whose button overflows it, so the
 * listing line it ends does not grow or wrap. Inline and `!important`, so page rules such as
 * `dt * { display: block }` cannot give it room back.
 */
const COMPACT_HOST_STYLE = [
  'all: initial',
  'position: relative',
  'display: inline-block',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'vertical-align: baseline',
]
  .map((rule) => `${rule} !important`)
  .join(';');

/** Where the control goes: after an element (the abstract page's title), fixed in a corner, or at a listing entry's slot. */
export type SavePlace = { after: Element } | { fixed: HTMLElement } | { slot: { parent: Node; before: Node | null } };

/** What the button says; the compact one names its paper to screen readers, since "Save" alone says not what. */
export interface SaveLabels {
  ready: string;
  saving: string;
  saved: string;
  /** Accessible names where the visible text is not enough. */
  readyName?: string;
  savedName?: string;
}

const DEFAULT_LABELS: SaveLabels = { ready: 'Save to PaperLens', saving: 'Saving…', saved: 'Saved to PaperLens' };

/** One stylesheet shared by every control's shadow root (a listing mounts dozens); null where constructed sheets are not available. */
let shared: CSSStyleSheet | null | undefined;

function styleRoot(root: ShadowRoot): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(STYLE);
    } catch {
      // No constructed sheets here (older browsers, a content script's wrappers): a style element each.
      shared = null;
    }
  }
  if (shared) {
    try {
      root.adoptedStyleSheets = [shared];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      shared = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = STYLE;
  root.prepend(style);
}

/**
 * Puts the button on the page inside a CLOSED shadow root: page CSS cannot restyle it and page
 * scripts cannot reach into it. The host carries only the state, never any of the user's data.
 * `compact`: the small control of a listing entry (see COMPACT_HOST_STYLE).
 */
export function mountSaveButton(
  place: SavePlace,
  save: () => Promise<void>,
  { labels = DEFAULT_LABELS, compact = false }: { labels?: SaveLabels; compact?: boolean } = {},
): HTMLElement {
  const host = document.createElement(SAVE_TAG);
  host.dataset.state = SAVE_STATE.ready;
  if (compact) {
    host.setAttribute('style', COMPACT_HOST_STYLE);
    host.toggleAttribute('data-compact', true);
  }
  const root = host.attachShadow({ mode: 'closed' });
  const button = document.createElement('button');
  button.type = 'button';
  const show = (text: string, name: string | undefined) => {
    button.textContent = text;
    if (name) button.setAttribute('aria-label', name);
    else button.removeAttribute('aria-label');
  };
  show(labels.ready, labels.readyName);
  const message = document.createElement('span');
  message.className = 'error';
  message.setAttribute('role', 'alert');
  styleRoot(root);
  root.append(button, message);

  button.addEventListener('click', (event) => {
    // A listing control may sit inside a title link: saving must not follow it.
    event.preventDefault();
    event.stopPropagation();
    if (host.dataset.state === SAVE_STATE.saving || host.dataset.state === SAVE_STATE.saved) return;
    host.dataset.state = SAVE_STATE.saving;
    show(labels.saving, labels.readyName);
    message.textContent = '';
    save().then(
      () => {
        host.dataset.state = SAVE_STATE.saved;
        show(labels.saved, labels.savedName);
        button.disabled = true;
      },
      (error: unknown) => {
        host.dataset.state = SAVE_STATE.error;
        show(labels.ready, labels.readyName);
        message.textContent = describeStorageError(error);
      },
    );
  });

  if ('after' in place) place.after.after(host);
  else if ('slot' in place) place.slot.parent.insertBefore(host, place.slot.before);
  else {
    host.toggleAttribute('data-fixed', true);
    place.fixed.append(host);
  }
  return host;
}
