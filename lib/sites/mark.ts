import type { PageMatch } from '../match/title-index';
import { ownTask } from './own-tasks';
import { MARK_ATTR, STATE_ATTR, applyMatches, insideMarkOrOwn, locateText, type Scan, type ScanBlock } from './scan';

/**
 * Marks on a page, without touching the page's own nodes where the browser allows it.
 *
 * - **Highlight mode** (the CSS Custom Highlight API, `CSS.highlights`): every mark is a Range
 *   painted through `::highlight(…)`: a tint and an underline on the title text itself, which
 *   never changes layout and never splits a text node, so React, Vue and the like keep owning
 *   their text (they update it in place; a rescan marks it again). Title and link elements also
 *   carry `data-paperlens-id` (an attribute, which frameworks leave alone); running-text mentions
 *   carry nothing. The badge, the keyboard's way to the card, is an overlay in PaperLens's own
 *   `<paperlens-marks>` element at the end of the document, placed at the title's last line.
 *   Badges are placed lazily, only for marks within a couple of screens of the viewport (an
 *   IntersectionObserver says which, without forcing a layout): a 2,000-entry listing or a
 *   timeline of 10,000 posts costs what is near the reader, never a pass over every mark. A badge
 *   not placed yet is transparent and inert but still in the tab order; focusing it places it
 *   ({@link PageMarks.reveal}).
 * - **Wrap mode** (browsers without the API): running-text mentions are wrapped in a span and
 *   badges sit inline at the end of the mark, as before.
 *
 * Hover targets are the mark's text rectangles and its badge only (never the blank rest of a
 * full-width row): {@link PageMarks.at}.
 *
 * **State hook** (library, note, starred, read): {@link PageMarks.setStates} gives a paper's marks
 * their states. Each mark is painted by the highlight of its first state in
 * {@link MARK_STATES} order (`paperlens-starred`, `paperlens-note`, …; plain `paperlens` without
 * one), title elements and badges get `data-paperlens-state="note starred"` (the words, space
 * separated), and {@link MARK_CSS} styles each state in both modes. A new state is one entry in
 * MARK_STATES and STATE_COLORS.
 */

/**
 * A mark's states, most prominent first: a mark is painted in the colour of its first one. The
 * reading status shows on the badge as well, whatever colours the mark: a read paper's badge is
 * faded (done), a paper to read or being read has a blue ring.
 */
export const MARK_STATES = ['starred', 'note', 'library', 'read', 'reading', 'to-read'] as const;
export type MarkState = (typeof MARK_STATES)[number];
export const BADGE_TAG = 'paperlens-badge';
export const OVERLAY_TAG = 'paperlens-marks';

/** The colour of each state (and of a plain catalog mark), readable on light and dark pages alike. */
const STATE_COLORS: Record<MarkState | 'plain', string> = {
  // In the catalog only: slate, dotted, its badge a hollow ring; everything of the user's is solid and coloured.
  plain: '100, 116, 139',
  library: '96, 80, 230',
  note: '217, 119, 6',
  starred: '234, 179, 8',
  read: '16, 163, 127',
  reading: '37, 99, 235',
  'to-read': '37, 99, 235',
};

/** The highlight name (and `::highlight()` selector) of a mark with these states. */
export function highlightName(states: readonly MarkState[]): string {
  const first = MARK_STATES.find((s) => states.includes(s));
  return first ? `paperlens-${first}` : 'paperlens';
}

function paint(rgb: string, line = 'solid'): string {
  // A light tint behind the text and an underline under it: both paint only, never layout.
  return `background-color: rgba(${rgb}, 0.16); text-decoration: underline ${line} 2px rgba(${rgb}, 0.9); text-decoration-skip-ink: auto;`;
}

/**
 * Where Chrome builds carry {@link MARK_CSS}.highlight as a file, injected by the browser with the
 * content script (manifest `css`, and the custom sites' registration). Added later by the script
 * itself, the same rules cost a style recalculation of the whole page, since `::highlight()` rules
 * apply to every element: seconds of one task on a 2,000-entry listing, against nothing at all
 * when the sheet is there before the page is parsed.
 */
export const MARK_CSS_FILE = 'content-scripts/marks.css';

/** The attribute of an overlay badge once placed: empty where it shows, `hidden` where its text has no box. */
export const PLACED_ATTR = 'data-paperlens-placed';

/**
 * The badge: a 9 px dot with a light ring (visible on dark pages too), filled in the colour of
 * the mark's first state, a hollow ring for a paper in the catalog only; faded once read, with a
 * blue ring while to read or being read. As `!important` declarations: in wrap mode they are the
 * badge's inline style, which wins over page rules such as `span {…}`, and its negative right
 * margin cancels its width, so the line it sits in does not move.
 */
function badgeLook(states: readonly MarkState[]): string[] {
  const first = MARK_STATES.find((s) => states.includes(s));
  const rgb = STATE_COLORS[first ?? 'plain'];
  const ring = states.includes('to-read') || states.includes('reading');
  return [
    'box-sizing: border-box',
    'width: 9px',
    'height: 9px',
    'border-radius: 50%',
    ...(first ? [`background: rgb(${rgb})`, 'border: 0'] : ['background: rgba(255, 255, 255, 0.9)', `border: 2.5px solid rgb(${rgb})`]),
    `box-shadow: 0 0 0 1.5px rgba(255, 255, 255, 0.9), 0 0 0 ${ring ? `3px rgb(${STATE_COLORS['to-read']})` : '2.5px rgba(0, 0, 0, 0.25)'}`,
    states.includes('read') ? 'opacity: 0.55' : 'opacity: 1',
    'cursor: pointer',
  ];
}

function important(rules: readonly string[]): string {
  return rules.map((rule) => `${rule} !important`).join('; ');
}

function badgeStyle(states: readonly MarkState[]): string {
  return important(['all: initial', 'display: inline-block', 'margin: 0 -11px 0 2px', 'vertical-align: super', ...badgeLook(states)]);
}

/**
 * Highlight mode's badges, styled by the stylesheet rather than each by its own inline style
 * (parsed once per badge, a good part of marking a listing): hidden and inert until placed
 * ({@link PLACED_ATTR}), then shown at the place written inline; each state's colour and ring
 * by `data-paperlens-state`, the first state in MARK_STATES order winning (its rule comes last).
 */
function overlayBadgeCss(): string {
  const badge = `${OVERLAY_TAG} > ${BADGE_TAG}`;
  const rule = (selector: string, rules: readonly string[]) => `${selector} { ${important(rules)} }`;
  const stated = (s: MarkState) => `${badge}[${STATE_ATTR}~="${s}"]`;
  const plain = badgeLook([]);
  return [
    rule(badge, ['all: initial', 'display: inline-block', 'position: absolute', ...plain.filter((r) => !r.startsWith('opacity')), 'opacity: 0', 'pointer-events: none']),
    ...[...MARK_STATES].reverse().map((s) => rule(stated(s), [`background: rgb(${STATE_COLORS[s]})`, 'border: 0'])),
    rule(`${stated('to-read')}, ${stated('reading')}`, [badgeLook(['to-read']).find((r) => r.startsWith('box-shadow'))!]),
    rule(`${badge}[${PLACED_ATTR}]`, ['opacity: 1', 'pointer-events: auto']),
    rule(`${badge}[${PLACED_ATTR}]${`[${STATE_ATTR}~="read"]`}`, ['opacity: 0.55']),
    rule(`${badge}[${PLACED_ATTR}="hidden"]`, ['display: none']),
  ].join('\n');
}

/** The marks' stylesheet in each mode: highlights, or (wrap mode) underlined marks and tinted mentions. */
export const MARK_CSS = {
  highlight: [
    `::highlight(paperlens) { ${paint(STATE_COLORS.plain, 'dotted')} }`,
    ...MARK_STATES.map((s) => `::highlight(paperlens-${s}) { ${paint(STATE_COLORS[s])} }`),
    overlayBadgeCss(),
  ].join('\n'),
  // No background on title elements: a full-width row would be tinted, not its title.
  wrap: [
    `[${MARK_ATTR}] { text-decoration: underline dotted 2px rgba(${STATE_COLORS.plain}, 0.9) !important; text-decoration-skip-ink: auto; }`,
    `span[${MARK_ATTR}] { background-color: rgba(${STATE_COLORS.plain}, 0.16); }`,
    `[${MARK_ATTR}][${STATE_ATTR}]:not([${STATE_ATTR}=""]) { text-decoration-style: solid !important; }`,
    ...[...MARK_STATES].reverse().map((s) => `[${MARK_ATTR}][${STATE_ATTR}~="${s}"] { text-decoration-color: rgba(${STATE_COLORS[s]}, 0.9) !important; }`),
  ].join('\n'),
};

const STATE_WORDS: Record<MarkState, string> = {
  starred: 'starred',
  note: 'has a note',
  library: 'in your library',
  read: 'read',
  reading: 'reading',
  'to-read': 'to read',
};

/** A mark's states in words, for screen readers (the badge's description): what its colours say. */
export function describeStates(states: readonly MarkState[]): string {
  return states.length ? states.map((s) => STATE_WORDS[s]).join(', ') : 'in the PaperLens catalog';
}

/** One mark: a paper recognized at one place on the page. */
export interface Mark {
  id: string;
  /** The page element it belongs to: the title or link element, or the running-text block. */
  element: Element;
  /** The marked text. */
  range: Range;
  /** The marked text when it was marked: a page that rewrites it (a re-render) drops the mark. */
  text: string;
  badge: HTMLElement;
  states: MarkState[];
}

/** The API the browser offers, injectable so tests and old browsers get wrap mode. */
export interface HighlightApi {
  registry: { set(name: string, highlight: unknown): unknown; delete(name: string): unknown };
  create(): { add(range: Range): unknown; delete(range: Range): unknown };
}

/** The browser's CSS Custom Highlight API, or null where it is missing (or unusable from here). */
export function browserHighlights(win: Window & typeof globalThis): HighlightApi | null {
  const css = (win as { CSS?: { highlights?: HighlightApi['registry'] } }).CSS;
  const Ctor = (win as { Highlight?: new () => { add(range: Range): unknown; delete(range: Range): unknown } }).Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  try {
    // Firefox content scripts see the page's objects through wrappers: check it really works.
    const probe = new Ctor();
    css.highlights.set('paperlens-probe', probe);
    css.highlights.delete('paperlens-probe');
    return { registry: css.highlights, create: () => new Ctor() };
  } catch {
    return null;
  }
}

/** The Range of characters [start, end) of a title element's text (its `textContent`). */
function titleRange(doc: Document, element: Element, start: number, end: number): Range | null {
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const range = doc.createRange();
  let at = 0;
  let started = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (!started && start < at + len) {
      range.setStart(n, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      range.setEnd(n, end - at);
      return range;
    }
    at += len;
  }
  return null;
}

function rangeOfElement(doc: Document, el: Element): Range {
  const range = doc.createRange();
  range.selectNodeContents(el);
  return range;
}

/**
 * How far beyond the viewport badges are placed ahead of the reader: two screens above and below
 * (a fast scroll or a jump to an anchor lands among placed badges, or they are placed in the
 * frame after).
 */
const NEAR_VIEWPORT = '200% 50%';

/** A badge's position on the page, or `hidden` where its text has no box (display: none). */
type Place = { left: number; top: number } | 'hidden';

/** Whether a client rect (with `slack` px around it) contains the point. */
function inside(rect: DOMRect, x: number, y: number, slack: number): boolean {
  return rect.width > 0 && x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack;
}

/** The page's marks, in highlight mode or wrap mode (see the module comment). */
export class PageMarks {
  readonly mode: 'highlight' | 'wrap';
  private readonly list: Mark[] = [];
  private readonly byElement = new Map<Element, Mark[]>();
  private readonly byBadge = new Map<Element, Mark>();
  private readonly statesById = new Map<string, MarkState[]>();
  private readonly highlights = new Map<string, ReturnType<HighlightApi['create']>>();
  private overlay: HTMLElement | null = null;
  private styled = false;
  private laying = false;
  /** Where each placed badge sits (page coordinates), kept across repaints of its style. */
  private readonly places = new WeakMap<Mark, Place>();
  /** Tells which marked elements are near the viewport; null where the browser has no IntersectionObserver (all are placed). */
  private zone: IntersectionObserver | null | undefined;
  /** Marked elements near the viewport now: the ones {@link layout} places. */
  private readonly near = new Set<Element>();

  constructor(
    private readonly doc: Document,
    private readonly api: HighlightApi | null,
    /** The page already has {@link MARK_CSS}.highlight (the browser injected {@link MARK_CSS_FILE}); wrap mode still adds its own. */
    { highlightCssInPage = false }: { highlightCssInPage?: boolean } = {},
  ) {
    this.mode = api ? 'highlight' : 'wrap';
    this.styled = highlightCssInPage && this.mode === 'highlight';
  }

  /** Every mark, in the order they were made. */
  all(): readonly Mark[] {
    return this.list;
  }

  /** The papers marked on the page. */
  ids(): string[] {
    return [...new Set(this.list.map((m) => m.id))];
  }

  /** The mark a badge belongs to. */
  ofBadge(target: EventTarget | null): Mark | null {
    return target instanceof Element ? (this.byBadge.get(target) ?? null) : null;
  }

  /**
   * The mark under the point: over its text (the rectangles of its range, 2 px of slack) or its
   * badge. `target` (the element under the pointer) narrows the search to the marks of its
   * ancestors, so a pointer move costs the depth of the page, not the number of marks.
   */
  at(x: number, y: number, target: EventTarget | null): Mark | null {
    if (!(target instanceof Element)) return null;
    const badge = this.byBadge.get(target);
    if (badge) return badge;
    for (let el: Element | null = target; el; el = el.parentElement) {
      for (const mark of this.byElement.get(el) ?? []) {
        for (const rect of mark.range.getClientRects()) if (inside(rect, x, y, 2)) return mark;
      }
    }
    return null;
  }

  /** The rectangle a card for `mark` is placed against: its text, not its element's box. */
  anchor(mark: Mark): DOMRect {
    const rect = mark.range.getBoundingClientRect();
    return rect.width > 0 ? rect : mark.element.getBoundingClientRect();
  }

  /**
   * Marks a scan's matches: links first (an id is surer than a title), then title elements,
   * then running-text mentions; nothing inside an existing mark or PaperLens's own nodes is
   * marked twice. Returns the new marks.
   */
  add(scan: Scan, matches: readonly PageMatch[]): Mark[] {
    this.style();
    const added = this.mode === 'highlight' ? this.addHighlights(scan, matches) : this.addWrapped(scan, matches);
    for (const mark of added) this.register(mark);
    // Near the viewport, new badges are placed when the observer first reports their elements.
    if (added.length && !this.nearZone()) this.layoutSoon();
    return added;
  }

  /**
   * Drops marks whose text the page changed or removed (a framework re-render, MathJax, an
   * infinite list recycling its rows); the next scan marks the new text. Returns the elements
   * whose marks went, for the scan to read again even where their text reads the same.
   */
  prune(): Element[] {
    const dropped: Element[] = [];
    for (let i = this.list.length - 1; i >= 0; i--) {
      const mark = this.list[i]!;
      const alive = mark.element.isConnected && mark.range.toString() === mark.text;
      // Wrap mode: a badge the page dropped (MathJax re-rendering the title) is put back.
      if (alive && this.mode === 'wrap' && !mark.badge.isConnected) this.placeInlineBadge(mark);
      if (alive) continue;
      dropped.push(mark.element);
      this.unregister(mark, i);
    }
    // Text that went may have moved the marks near it.
    if (dropped.length) this.layoutSoon();
    return dropped;
  }

  /** Removes the marks of one element (to mark it again, with a paper's new state). */
  drop(element: Element): void {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]!.element === element) this.unregister(this.list[i]!, i);
  }

  /** Gives every mark of paper `id` these states (the hook for library, note, starred, read). */
  setStates(id: string, states: readonly MarkState[]): void {
    const ordered = MARK_STATES.filter((s) => states.includes(s));
    // Unchanged (each of a paper's many matches on a listing brings its states again): no repaint.
    if (this.statesById.get(id)?.join(' ') === ordered.join(' ')) return;
    this.statesById.set(id, ordered);
    for (const mark of this.list) {
      if (mark.id !== id) continue;
      this.unpaint(mark);
      mark.states = [...ordered];
      this.paint(mark);
    }
  }

  /** One {@link layout} in the next frame, however many slices of a scan were marked before it. */
  private layoutSoon(): void {
    const win = this.doc.defaultView;
    if (this.mode !== 'highlight' || this.laying || !win) return;
    this.laying = true;
    win.requestAnimationFrame(() => {
      this.laying = false;
      ownTask('badges: layout', () => this.layout());
    });
  }

  /**
   * Places the overlay badges near the viewport at the end of their marks' text (after layout
   * changes, scrolling in a box); the others are placed when they come near.
   */
  layout(): void {
    if (this.mode !== 'highlight') return;
    if (!this.nearZone()) {
      this.place(this.list);
      return;
    }
    const near: Mark[] = [];
    for (const el of this.near) near.push(...(this.byElement.get(el) ?? []));
    this.place(near);
  }

  /**
   * Places one badge now, wherever its mark is, and scrolls it into view (the keyboard reached a
   * badge not placed yet, and the browser scrolled to where it waited): one forced layout, on a
   * user's action.
   */
  reveal(mark: Mark): void {
    if (this.mode !== 'highlight') return;
    this.place([mark]);
    mark.badge.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Places these marks' badges just past the last word of their text. */
  private place(marks: readonly Mark[]): void {
    if (marks.length === 0) return;
    const win = this.doc.defaultView;
    const sx = win?.scrollX ?? 0;
    const sy = win?.scrollY ?? 0;
    // All reads, then all writes: at most one layout for the whole pass (none in an observer's
    // callback, which runs on the layout just made).
    const places = marks.map((mark): Place => {
      const rects = mark.range.getClientRects();
      const r = rects.length ? rects[rects.length - 1]! : null;
      // Raised like a superscript, over the gap after the title.
      return r && r.width > 0 ? { left: Math.round(r.right + sx + 1), top: Math.round(r.top + sy - 2) } : 'hidden';
    });
    marks.forEach((mark, i) => {
      const place = places[i]!;
      const old = this.places.get(mark);
      if (old && (old === place || (old !== 'hidden' && place !== 'hidden' && old.left === place.left && old.top === place.top))) return;
      this.places.set(mark, place);
      this.show(mark);
    });
  }

  /** Writes a badge's place: placed (shown there), hidden with its text, or (not placed yet) transparent and inert, as the stylesheet has it. */
  private show(mark: Mark): void {
    const place = this.places.get(mark);
    if (!place) {
      // Focusable (Tab reaches it, and focusing places it) but neither seen nor in the pointer's way.
      mark.badge.removeAttribute(PLACED_ATTR);
      return;
    }
    if (place !== 'hidden') {
      mark.badge.style.setProperty('left', `${place.left}px`, 'important');
      mark.badge.style.setProperty('top', `${place.top}px`, 'important');
    }
    mark.badge.setAttribute(PLACED_ATTR, place === 'hidden' ? 'hidden' : '');
  }

  /** The observer of marked elements near the viewport, made on first use. */
  private nearZone(): IntersectionObserver | null {
    if (this.zone !== undefined) return this.zone;
    const Observer = (this.doc.defaultView as (Window & typeof globalThis) | null)?.IntersectionObserver;
    this.zone = Observer ? new Observer((entries) => ownTask('badges: near the viewport', () => this.onZone(entries)), { rootMargin: NEAR_VIEWPORT }) : null;
    return this.zone;
  }

  private onZone(entries: readonly IntersectionObserverEntry[]): void {
    const entering: Mark[] = [];
    for (const e of entries) {
      if (!e.isIntersecting) {
        this.near.delete(e.target);
        continue;
      }
      this.near.add(e.target);
      entering.push(...(this.byElement.get(e.target) ?? []));
    }
    // Placed again as they come near: the page may have moved them while they were away.
    this.place(entering);
  }

  /** Removes every mark and PaperLens's overlay (the content script switched off). */
  clear(): void {
    for (let i = this.list.length - 1; i >= 0; i--) this.unregister(this.list[i]!, i);
    this.zone?.disconnect();
    this.near.clear();
    this.overlay?.remove();
    this.overlay = null;
  }

  private addHighlights(scan: Scan, matches: readonly PageMatch[]): Mark[] {
    const added: Mark[] = [];
    const kindOf = (m: PageMatch) => scan.blocks[m.candidate]?.kind;
    const ordered = [...matches.filter((m) => kindOf(m) === 'link'), ...matches.filter((m) => kindOf(m) === 'title'), ...matches.filter((m) => kindOf(m) === 'text')];
    const taken = new Map<Element, Range[]>();
    for (const m of ordered) {
      const block = scan.blocks[m.candidate];
      if (!block || !block.element.isConnected) continue;
      let range: Range | null;
      if (block.kind === 'text') range = this.textRange(block, m);
      else {
        const el = block.element;
        if (el.hasAttribute(MARK_ATTR) || insideMarkOrOwn(el)) continue;
        range = block.kind === 'title' ? titleRange(this.doc, el, m.start, m.end) : rangeOfElement(this.doc, el);
        if (range) el.setAttribute(MARK_ATTR, m.id);
      }
      if (!range || range.collapsed) continue;
      if (this.overlaps(block.element, range, taken)) continue;
      const list = taken.get(block.element);
      if (list) list.push(range);
      else taken.set(block.element, [range]);
      const text = range.toString();
      added.push({ id: m.id, element: block.element, range, text, badge: this.makeBadge(text), states: [] });
    }
    return added;
  }

  private textRange(block: Extract<ScanBlock, { kind: 'text' }>, m: PageMatch): Range | null {
    const from = locateText(block.pieces, m.start, false);
    const to = locateText(block.pieces, m.end, true);
    if (!from || !to || insideMarkOrOwn(from.node)) return null;
    const range = this.doc.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * Whether the range overlaps a mark made earlier in this batch or before, in the same element
   * (a block rescanned because text was added elsewhere in it keeps its earlier marks).
   */
  private overlaps(element: Element, range: Range, taken: Map<Element, Range[]>): boolean {
    const others = [...(taken.get(element) ?? []), ...(this.byElement.get(element) ?? []).map((m) => m.range)];
    // Intersecting: this starts before the other ends and ends after the other starts.
    for (const other of others) {
      if (range.compareBoundaryPoints(3 /* END_TO_START */, other) < 0 && range.compareBoundaryPoints(1 /* START_TO_END */, other) > 0) return true;
    }
    return false;
  }

  private addWrapped(scan: Scan, matches: readonly PageMatch[]): Mark[] {
    return applyMatches(this.doc, scan, matches).map((el) => {
      const range = rangeOfElement(this.doc, el);
      const text = range.toString();
      const mark: Mark = { id: el.getAttribute(MARK_ATTR)!, element: el, range, text, badge: this.makeBadge(text), states: [] };
      this.placeInlineBadge(mark);
      return mark;
    });
  }

  private makeBadge(text: string): HTMLElement {
    const badge = this.doc.createElement(BADGE_TAG);
    badge.setAttribute('tabindex', '0');
    badge.setAttribute('role', 'button');
    const name = text.replace(/\s+/g, ' ').trim();
    badge.setAttribute('aria-label', `PaperLens: show “${name.length > 80 ? `${name.slice(0, 79)}…` : name}”`);
    return badge;
  }

  /** Wrap mode: right after the mark's last visible text, inside the same line (a block child would add a line). */
  private placeInlineBadge(mark: Mark): void {
    const walker = this.doc.createTreeWalker(mark.element, 4 /* NodeFilter.SHOW_TEXT */);
    let last: Text | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) last = n as Text;
    if (last?.parentNode) last.parentNode.insertBefore(mark.badge, last.nextSibling);
    else mark.element.appendChild(mark.badge);
  }

  private register(mark: Mark): void {
    const states = this.statesById.get(mark.id);
    if (states) mark.states = [...states];
    this.list.push(mark);
    const same = this.byElement.get(mark.element);
    if (same) same.push(mark);
    else this.byElement.set(mark.element, [mark]);
    this.byBadge.set(mark.badge, mark);
    if (this.mode === 'highlight') this.overlayRoot().appendChild(mark.badge);
    this.paint(mark);
    if (this.mode === 'highlight') this.nearZone()?.observe(mark.element);
  }

  private unregister(mark: Mark, index: number): void {
    this.unpaint(mark);
    this.list.splice(index, 1);
    const same = this.byElement.get(mark.element);
    if (same) {
      same.splice(same.indexOf(mark), 1);
      if (same.length === 0) {
        this.byElement.delete(mark.element);
        this.zone?.unobserve(mark.element);
        this.near.delete(mark.element);
      }
    }
    this.byBadge.delete(mark.badge);
    mark.badge.remove();
    if (mark.element.getAttribute(MARK_ATTR) === mark.id && !this.byElement.has(mark.element)) {
      mark.element.removeAttribute(MARK_ATTR);
      mark.element.removeAttribute(STATE_ATTR);
    }
  }

  private paint(mark: Mark): void {
    const overlay = this.mode === 'highlight';
    // Overlay badges take their look from the stylesheet, by their states.
    if (!overlay) mark.badge.setAttribute('style', badgeStyle(mark.states));
    mark.badge.setAttribute('aria-description', describeStates(mark.states));
    const words = mark.states.join(' ');
    for (const el of [mark.badge, ...(mark.element.hasAttribute(MARK_ATTR) ? [mark.element] : [])]) {
      if (words) el.setAttribute(STATE_ATTR, words);
      else el.removeAttribute(STATE_ATTR);
    }
    if (overlay) this.highlight(highlightName(mark.states)).add(mark.range);
  }

  private unpaint(mark: Mark): void {
    if (this.mode === 'highlight') this.highlights.get(highlightName(mark.states))?.delete(mark.range);
  }

  private highlight(name: string): ReturnType<HighlightApi['create']> {
    let h = this.highlights.get(name);
    if (!h) {
      h = this.api!.create();
      this.api!.registry.set(name, h);
      this.highlights.set(name, h);
    }
    return h;
  }

  /** PaperLens's own element for overlay badges, at the end of the document (outside the page's frameworks). */
  private overlayRoot(): HTMLElement {
    if (this.overlay?.isConnected) return this.overlay;
    const root = this.doc.createElement(OVERLAY_TAG);
    root.setAttribute(
      'style',
      'all: initial !important; position: absolute !important; left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483646 !important; pointer-events: none !important;',
    );
    for (const mark of this.list) root.appendChild(mark.badge);
    this.doc.documentElement.appendChild(root);
    this.overlay = root;
    return root;
  }

  /** Adds {@link MARK_CSS} to the page once: a constructed sheet (no node), else a style element in PaperLens's own node. */
  private style(): void {
    if (this.styled) return;
    this.styled = true;
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    try {
      const sheet = new win!.CSSStyleSheet();
      sheet.replaceSync(MARK_CSS[this.mode]);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      return;
    } catch {
      // No constructed sheets here (old browsers, a content script's wrappers, test DOMs).
    }
    const style = this.doc.createElement('style');
    style.textContent = MARK_CSS[this.mode];
    this.overlayRoot().appendChild(style);
  }
}
