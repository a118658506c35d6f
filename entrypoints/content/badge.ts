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
  'vertical-align: super',
  'cursor: pointer',
  'opacity: 0.8',
]
  .map((rule) => `${rule} !important`)
  .join(';');

export const BADGE_TAG = 'paperlens-badge';

/** Adds the focusable badge to a marked element, unless it already has one (re-renders may drop it). */
export function ensureBadge(el: Element): void {
  const last = el.lastElementChild;
  if (last?.tagName === BADGE_TAG.toUpperCase()) return;
  const badge = el.ownerDocument.createElement(BADGE_TAG);
  badge.setAttribute('style', BADGE_STYLE);
  badge.setAttribute('tabindex', '0');
  badge.setAttribute('role', 'button');
  badge.setAttribute('aria-label', 'PaperLens: show this paper');
  el.appendChild(badge);
}

/** The marked element an event target belongs to (the badge's is its parent). */
export function markOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(`[${MARK_ATTR}]`) : null;
}
