import { idsFromAddress, idsFromPlainHref, linkMayNameAPaper } from '../library/identity';
import type { MatchCandidate, PageMatch } from '../match/title-index';
import type { SiteAdapter } from './types';

/** The attribute every recognized mention carries: the catalog id of the paper it names. */
export const MARK_ATTR = 'data-paperlens-id';
/** The words of a recognized paper's state on its mark (`library note starred read`; none: in the catalog only). */
export const STATE_ATTR = 'data-paperlens-state';
/** Tag names of PaperLens's own nodes (badges and their overlay, the card host, save controls), which scans and the observer ignore. */
export const OWN_TAGS = new Set(['PAPERLENS-BADGE', 'PAPERLENS-CARD', 'PAPERLENS-SAVE', 'PAPERLENS-MARKS']);

/** Elements whose text is never page prose: scripts, styles, hidden JSON, form fields, the tab title. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG',
  'CODE', 'PRE', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD',
]);
/** Tags that start a new block of running text; inline elements (`a`, `b`, `em`) join their parent's. */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DD', 'DT', 'TD', 'TH', 'TR', 'TABLE', 'TBODY', 'THEAD',
  'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'ASIDE', 'HEADER',
  'FOOTER', 'NAV', 'MAIN', 'FIGURE', 'FIGCAPTION', 'DETAILS', 'SUMMARY', 'BODY', 'FORM', 'FIELDSET',
  'CAPTION', 'ADDRESS', 'HR',
]);
/** Page text sent per scan is capped below the background's limit (lib/messaging/validate.ts). */
export const SCAN_TEXT_BUDGET = 3_500_000;

/** Links longer than this are sentences, not titles. */
const LINK_TEXT_CHARS = 400;

/** Where one running-text block's characters come from, to turn a match range back into DOM nodes. */
interface TextPiece {
  node: Text | null;
  /** Offset of the piece in the block's text. */
  at: number;
}

/** One candidate of a scan, with what is needed to mark it. A link's `text` is its absolute address. */
export type ScanBlock =
  | { kind: 'title'; element: Element; text: string; arxivId?: string }
  | { kind: 'link'; element: Element; text: string }
  | { kind: 'text'; element: Element; text: string; pieces: TextPiece[] };

/**
 * What earlier scans of a page sent, so a rescan (infinite scroll, a live timeline) sends only
 * what changed: element → text, and link → address (a title link is both).
 */
export interface ScanMemory {
  texts: WeakMap<Element, string>;
  links: WeakMap<Element, string>;
  /** Title elements and text regions read so far: a change inside one is read with it. */
  titles: WeakSet<Element>;
  regions: WeakSet<Element>;
}

export function scanMemory(): ScanMemory {
  return { texts: new WeakMap(), links: new WeakMap(), titles: new WeakSet(), regions: new WeakSet() };
}

/** Makes the next scan read `element` again (its mark went while its text stayed the same). */
export function forget(memory: ScanMemory, element: Element): void {
  memory.texts.delete(element);
  memory.links.delete(element);
}

/** A link's absolute address: as the browser resolves it, or against `base` where the document has no address (tests). */
function addressOf(raw: string, base: string | undefined): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

function hostOf(address: string | undefined): string {
  try {
    return address ? new URL(address).hostname : '';
  } catch {
    return '';
  }
}

/** A scan's candidates, plus whether running text was cut off at the budget. */
export interface Scan {
  blocks: ScanBlock[];
  truncated: boolean;
}

function isOwn(el: Element): boolean {
  return OWN_TAGS.has(el.tagName) || el.hasAttribute(MARK_ATTR);
}

/** {@link isOwn} as a selector, for one native `closest` instead of a walk up in script (a listing asks it of thousands of nodes). */
const OWN_OR_MARKED = [...[...OWN_TAGS].map((t) => t.toLowerCase()), `[${MARK_ATTR}]`].join(', ');

/** Whether a node is inside an element already marked or inside PaperLens's own UI. */
export function insideMarkOrOwn(node: Node): boolean {
  return node.parentElement?.closest(OWN_OR_MARKED) != null;
}

/**
 * Collects one scan's candidates: the adapter's title elements not yet marked (with the arXiv
 * id the page shows beside each), links anywhere on the page whose address names a paper by
 * id (but the adapter's {@link SiteAdapter.entryLinks}), then running text blocks in the adapter's text regions. Scripts, styles, `<title>`,
 * attributes and hidden JSON are never read, so a title that sits there as well is not marked
 * twice. `base` resolves relative links where the document has no address of its own (tests).
 */
export function collectScan(root: ParentNode, adapter: SiteAdapter, sent?: ScanMemory, base?: string): Scan {
  const blocks: ScanBlock[] = [];
  const walk = scanBlocks({ root }, adapter, sent, base);
  for (let step = walk.next(); ; step = walk.next()) {
    if (step.done) return { blocks, truncated: step.value };
    if (step.value) blocks.push(step.value);
  }
}

/** The elements of a set that are not inside another of them, still in the page (a rescan's roots). */
export function outermost(elements: Iterable<Element>): Element[] {
  const set = new Set(elements);
  return [...set].filter((el) => {
    if (!el.isConnected) return false;
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/**
 * What a scan reads: the whole page (`root`), or only what changed since the last scan
 * (`changed`: the elements a MutationObserver saw added or edited), which needs the memory of
 * earlier scans to know which title elements and text regions those changes sit in.
 */
export type ScanScope = { root: ParentNode } | { changed: readonly Element[] };

/**
 * {@link collectScan} one block at a time, so the caller can cut the work into short tasks
 * (a 2,000-entry listing, a page streaming 10,000 comments) and send each slice as it comes.
 * Between blocks it also yields `null` after each element it looked at and skipped (links that
 * name no paper, text already read), so the caller can stop on time wherever the work is.
 * Returns whether running text was cut off at the budget.
 */
export function* scanBlocks(scope: ScanScope, adapter: SiteAdapter, sent?: ScanMemory, base?: string): Generator<ScanBlock | null, boolean> {
  let budget = SCAN_TEXT_BUDGET;
  let truncated = false;
  const fresh = (element: Element, text: string, memory = sent?.texts): boolean => {
    if (memory?.get(element) === text) return false;
    memory?.set(element, text);
    return true;
  };
  const changed = 'changed' in scope ? scope.changed : null;
  const roots: readonly ParentNode[] = changed ?? [(scope as { root: ParentNode }).root];

  // Title elements: inside what is read, and (a rescan) the title element a change sits in.
  const candidates: Element[] = [];
  for (const root of roots) {
    yield null;
    if (!changed) {
      candidates.push(...adapter.candidates(root));
      continue;
    }
    // A changed element may be a title element itself (a heading replaced whole): asked of its
    // parent when that is small, so a long list's container is never read for one new entry.
    const parent = (root as Element).parentElement;
    candidates.push(...adapter.candidates(parent && parent.childElementCount <= 8 ? parent : root));
    if (sent) for (let a = root as Element | null; a; a = a.parentElement) if (sent.titles.has(a)) candidates.push(a);
  }
  // Ids the page shows beside its titles: links to them (an entry's pdf, its abstract) are the title's.
  const beside = new Set<string>();
  for (const element of candidates) {
    yield null;
    sent?.titles.add(element);
    const arxivId = adapter.arxivIdOf?.(element);
    if (arxivId) beside.add(arxivId);
    if (element.hasAttribute(MARK_ATTR) || insideMarkOrOwn(element)) continue;
    const text = element.textContent ?? '';
    if (!text.trim() || !fresh(element, text)) continue;
    budget -= text.length;
    yield arxivId ? { kind: 'title', element, text, arxivId } : { kind: 'title', element, text };
  }

  // The host relative links resolve against: links that cannot name a paper are passed over
  // before any address is parsed (a 2,000-entry listing has tens of thousands of links).
  let baseHost: string | undefined;
  let baseAddress: string | undefined;
  /** Whether links resolve against an http(s) page, where plain hrefs are read without a URL. */
  let plainBase: boolean | undefined;
  const entryLinks = adapter.entryLinks;
  const linkSelector = entryLinks ? `a[href]:not(${entryLinks})` : 'a[href]';
  for (const root of roots) {
    const links = [...root.querySelectorAll(linkSelector)];
    if (changed) {
      const up = (root as Element).closest('a[href]');
      if (up && !(entryLinks && up.matches(entryLinks))) links.push(up);
    }
    for (const link of links) {
      yield null;
      // Read once: the document's base address is computed again on each read.
      baseAddress ??= link.ownerDocument.baseURI || base;
      baseHost ??= hostOf(baseAddress);
      plainBase ??= Boolean(baseHost) && /^https?:/i.test(baseAddress ?? '');
      const href = link.getAttribute('href');
      if (!href || !linkMayNameAPaper(href, baseHost)) continue;
      // A plain href (a listing's thousands of `/abs/…` and `https://arxiv.org/pdf/…` links) is
      // read without a URL: passed over at once when it names no paper or the id beside a title.
      const plain = plainBase ? idsFromPlainHref(href, baseHost) : undefined;
      if (plain === null || (plain?.arxivId && beside.has(plain.arxivId))) continue;
      if (link.hasAttribute(MARK_ATTR) || insideMarkOrOwn(link)) continue;
      const address = addressOf(href, baseAddress);
      const ids = address ? idsFromAddress(address) : null;
      if (!address || !ids || (ids.arxivId && beside.has(ids.arxivId)) || !fresh(link, address.href, sent?.links)) continue;
      budget -= address.href.length;
      yield { kind: 'link', element: link, text: address.href };
    }
  }

  // Text regions inside what is read; on a rescan also the block a change sits in, inside a
  // region read before (a comment added to a thread, a post's text re-rendered).
  const listed = new Set<Element>();
  for (const root of roots) {
    yield null;
    for (const region of adapter.textRoots(root)) listed.add(region);
    if (!changed || !sent) continue;
    let block: Element | null = null;
    for (let a = root as Element | null; a; a = a.parentElement) {
      if (!block && BLOCK_TAGS.has(a.tagName)) block = a;
      if (sent.regions.has(a)) {
        listed.add(block ?? a);
        break;
      }
    }
  }
  const regions = [...listed].filter((region) => {
    sent?.regions.add(region);
    // A region inside another is already read with it.
    for (let p = region.parentElement; p; p = p.parentElement) if (listed.has(p)) return false;
    return !insideMarkOrOwn(region);
  });
  // Link text in running text is a title of its own ("as link text" counts as a mention).
  for (const region of regions) {
    for (const link of region.querySelectorAll('a')) {
      yield null;
      if (link.hasAttribute(MARK_ATTR) || insideMarkOrOwn(link)) continue;
      const text = link.textContent ?? '';
      if (text.length > LINK_TEXT_CHARS || !/[\p{L}\p{N}]/u.test(text) || !fresh(link, text)) continue;
      budget -= text.length;
      yield { kind: 'title', element: link, text };
    }
  }

  type Open = { element: Element; text: string; pieces: TextPiece[] };
  const done = (block: Open): ScanBlock | null => {
    if (!/[\p{L}\p{N}]/u.test(block.text)) return null;
    if (block.text.length > budget) {
      truncated = true;
      return null;
    }
    if (!fresh(block.element, block.text)) return null;
    budget -= block.text.length;
    return { kind: 'text', ...block };
  };
  function* visit(el: Element, block: Open): Generator<ScanBlock | null> {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        block.pieces.push({ node: child as Text, at: block.text.length });
        block.text += data;
      } else if (child.nodeType === 1) {
        const c = child as Element;
        if (SKIP_TAGS.has(c.tagName.toUpperCase()) || isOwn(c) || c.getAttribute('aria-hidden') === 'true') continue;
        if (c.tagName === 'BR') {
          block.pieces.push({ node: null, at: block.text.length });
          block.text += ' ';
        } else if (BLOCK_TAGS.has(c.tagName)) {
          const inner = { element: c, text: '', pieces: [] as TextPiece[] };
          yield* visit(c, inner);
          yield done(inner);
        } else {
          yield* visit(c, block);
        }
      }
    }
  }
  for (const region of regions) {
    const block = { element: region, text: '', pieces: [] as TextPiece[] };
    yield* visit(region, block);
    yield done(block);
  }
  return truncated;
}

/** The blocks split where their text first reaches `chars` characters: the head (at least one block, if any) and the rest. */
export function splitAtChars(blocks: ScanBlock[], chars: number): [ScanBlock[], ScanBlock[]] {
  let i = 0;
  for (let read = 0; i < blocks.length && (i === 0 || read < chars); i++) read += blocks[i]!.text.length;
  return [blocks.slice(0, i), blocks.slice(i)];
}

/** The wire form of a scan: one batched request. */
export function toCandidates(scan: Scan): MatchCandidate[] {
  return scan.blocks.map((b) => (b.kind === 'title' && b.arxivId ? { kind: b.kind, text: b.text, arxivId: b.arxivId } : { kind: b.kind, text: b.text }));
}

/** The text node and offset holding a block character (`end` picks the node a range ends in). */
export function locateText(pieces: TextPiece[], offset: number, end: boolean): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const at = pieces[mid]!.at;
    if (at < offset || (!end && at === offset)) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo];
  if (!piece?.node) return null;
  return { node: piece.node, offset: offset - piece.at };
}

/**
 * Wraps the characters [start, end) of a running-text block in a new span, when they lie in one
 * text node or in sibling nodes of one parent (so no page element is split).
 */
function wrapMention(doc: Document, pieces: TextPiece[], start: number, end: number): Element | null {
  const from = locateText(pieces, start, false);
  const to = locateText(pieces, end, true);
  if (!from || !to) return null;
  if (from.node === to.node) {
    // The node keeps the text before the mention, so offsets left of it stay valid.
    const node = from.node;
    const data = node.data;
    const span = doc.createElement('span');
    span.appendChild(doc.createTextNode(data.slice(from.offset, to.offset)));
    node.data = data.slice(0, from.offset);
    node.parentNode!.insertBefore(span, node.nextSibling);
    if (to.offset < data.length) node.parentNode!.insertBefore(doc.createTextNode(data.slice(to.offset)), span.nextSibling);
    return span;
  }
  // A mention spanning inline elements (`<b>Attention</b> Is All…`): wrap whole siblings only.
  const parent = from.node.parentNode;
  const common = commonAncestor(from.node, to.node);
  if (!common) return null;
  if (common.nodeType === 1 && sameText(common.textContent ?? '', textOf(pieces, start, end))) return common as Element;
  if (parent !== to.node.parentNode) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const span = doc.createElement('span');
  span.appendChild(range.extractContents());
  range.insertNode(span);
  return span;
}

function textOf(pieces: TextPiece[], start: number, end: number): string {
  let out = '';
  for (const p of pieces) {
    if (!p.node) continue;
    const s = Math.max(start - p.at, 0);
    const e = Math.min(end - p.at, p.node.data.length);
    if (e > s) out += p.node.data.slice(s, e);
  }
  return out;
}

function sameText(a: string, b: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  return squash(a) === squash(b);
}

function commonAncestor(a: Node, b: Node): Node | null {
  const chain = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) chain.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (chain.has(n)) return n;
  return null;
}

/**
 * Marks a scan's matches: link and title elements get the attribute themselves, running-text
 * mentions a new span wrapping just the mention. Links are applied first (an id is surer than a
 * title: a title link naming another paper by its address is that paper's), then titles, and
 * a running-text match inside an element already marked is dropped, so nothing is marked
 * twice. Returns the marked elements in the order they were marked.
 */
export function applyMatches(doc: Document, scan: Scan, matches: readonly PageMatch[]): Element[] {
  const marked: Element[] = [];
  const byBlock = new Map<number, PageMatch[]>();
  const kindOf = (m: PageMatch) => scan.blocks[m.candidate]?.kind;
  for (const m of [...matches.filter((m) => kindOf(m) === 'link'), ...matches.filter((m) => kindOf(m) !== 'link')]) {
    const block = scan.blocks[m.candidate];
    if (!block) continue;
    if (block.kind === 'title' || block.kind === 'link') {
      const el = block.element;
      if (el.isConnected === false || el.hasAttribute(MARK_ATTR) || insideMarkOrOwn(el)) continue;
      el.setAttribute(MARK_ATTR, m.id);
      marked.push(el);
    } else {
      const list = byBlock.get(m.candidate);
      if (list) list.push(m);
      else byBlock.set(m.candidate, [m]);
    }
  }
  for (const [index, list] of byBlock) {
    const block = scan.blocks[index] as Extract<ScanBlock, { kind: 'text' }>;
    // Right to left, so splitting text nodes does not move the offsets still to be wrapped.
    for (const m of [...list].sort((a, b) => b.start - a.start)) {
      const first = locateText(block.pieces, m.start, false);
      if (!first || insideMarkOrOwn(first.node)) continue;
      const el = wrapMention(doc, block.pieces, m.start, m.end);
      if (!el || el.hasAttribute(MARK_ATTR)) continue;
      el.setAttribute(MARK_ATTR, m.id);
      marked.push(el);
    }
  }
  return marked;
}
