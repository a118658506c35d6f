import { MARK_ATTR } from '@/lib/sites/scan';

/**
 * The mark's badge: a 7 px dot whose negative right margin cancels its width, so the line it
 * sits in does not move. Inline `!important` styles win over page rules such as `span {…}`.
 */
const BADGE_STYLE = [
  'all: initial',
  'display: inline-block',
  'box-sizing: border-box',
  'width: 7px',
  'height: 7px',
  'margin: 0 -9px 0 2px',
  'border-radius: 50%',
  'background: #6d5bd0',
  'vertical-align: middle',
  'cursor: pointer',
  'opacity: 0.8',
]
  .map((rule) => `${rule} !important`)
  .join(';');

export const BADGE_TAG = 'paperlens-badge';

/**
 * Right after the mark's last visible text, inside the same line. Appended to the element
 * itself, the badge would open a new line whenever the title sits in a block child (arXiv
 * listings wrap it in an `h3`), pushing the rest of the page down.
 */
function lastText(el: Element): Text | null {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) last = n as Text;
  return last;
}

/** Adds the focusable badge to a marked element, unless it already has one (re-renders may drop it). */
export function ensureBadge(el: Element): void {
  if (el.querySelector(BADGE_TAG)) return;
  const badge = el.ownerDocument.createElement(BADGE_TAG);
  badge.setAttribute('style', BADGE_STYLE);
  badge.setAttribute('tabindex', '0');
  badge.setAttribute('role', 'button');
  badge.setAttribute('aria-label', 'PaperLens: show this paper');
  const text = lastText(el);
  if (text?.parentNode) text.parentNode.insertBefore(badge, text.nextSibling);
  else el.appendChild(badge);
}

/** The marked element an event target belongs to (the badge's is its parent). */
export function markOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(`[${MARK_ATTR}]`) : null;
}
