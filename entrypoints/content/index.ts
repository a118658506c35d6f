import { defineContentScript } from 'wxt/utils/define-content-script';
import { HoverCard } from '@/lib/card/hover';
import { unionBox } from '@/lib/card/placement';
import { toBackground } from '@/lib/messaging/to-background';
import { toContent } from '@/lib/messaging/to-content';
import { isListingPage } from '@/lib/sites/arxiv-listing';
import { isPaperPage } from '@/lib/sites/page-metadata';
import { DEFAULT_PATTERNS, adapterFor } from '@/lib/sites/registry';
import { BADGE_TAG, PageMarks, browserHighlights, type Mark } from '@/lib/sites/mark';
import { OWN_TAGS, collectScan, forget, scanMemory, toCandidates } from '@/lib/sites/scan';
import { CardHost, schemeAt } from './card-host';
import { ListingSaves } from './listing-saves';
import { offerSaveOnPaperPage } from './save-paper';

/** Wait after the last page change before rescanning (infinite scroll, MathJax, SPA navigation). */
const RESCAN_MS = 300;
/** Performance marks of the latest scan, read by `npm run bench` (and visible in DevTools). */
const SCAN_MARKS = ['scan', 'collected', 'sent', 'matched', 'marked', 'rendered'].map((m) => `paperlens:${m}`);

export default defineContentScript({
  matches: [...DEFAULT_PATTERNS],
  runAt: 'document_idle',
  async main() {
    performance.mark('paperlens:start');
    const url = new URL(location.href);
    const adapter = adapterFor(url);
    const settings = await toBackground.sendMessage('getSiteSettings', undefined).catch((error: unknown) => {
      console.error('PaperLens: could not reach the extension; papers on this page are not marked', error);
      return null;
    });
    if (!settings) return;
    const enabled =
      adapter.id === 'generic' ? settings.custom.includes(location.origin) : !settings.disabled.includes(adapter.id);
    if (!enabled) return;

    // Highlights where the browser has them (no change to the page's nodes), wrapped mentions elsewhere.
    const marks = new PageMarks(document, browserHighlights(window));
    if (isPaperPage(url)) {
      offerSaveOnPaperPage().catch((error: unknown) => console.error('PaperLens: could not offer to save this paper', error));
    }
    // arXiv listings and search results: a save control on each entry not in the library yet.
    const listing = isListingPage(url)
      ? new ListingSaves(document, (title) => {
          // Read the saved entry again: its title now names a paper of the library.
          marks.drop(title);
          forget(sent, title);
          schedule();
        })
      : null;

    // Checked against the page each time, so marks the page removed are not reported.
    toContent.onMessage('recognizedPapers', () => {
      marks.prune();
      return marks.ids();
    });

    let sent = scanMemory();
    let observer: MutationObserver | null = null;
    let scanning = false;
    let again = false;
    const scan = async (): Promise<void> => {
      if (scanning) {
        again = true;
        return;
      }
      scanning = true;
      try {
        for (const name of SCAN_MARKS) performance.clearMarks(name);
        performance.mark('paperlens:scan');
        // Marks whose text the page rewrote go; their elements are read again below.
        observer?.disconnect();
        for (const el of marks.prune()) forget(sent, el);
        observer?.takeRecords();
        const found = collectScan(document, adapter, sent);
        if (found.truncated) console.warn('PaperLens: this page has more text than one scan reads; the rest was skipped.');
        performance.mark('paperlens:collected');
        const pending = found.blocks.length > 0 ? toBackground.sendMessage('matchPage', toCandidates(found)) : Promise.resolve([]);
        // The messaging library posts after one microtask; this mark comes after the post.
        queueMicrotask(() => performance.mark('paperlens:sent'));
        const matches = await pending;
        performance.mark('paperlens:matched');
        // Our own marking must not wake the observer.
        observer?.disconnect();
        marks.add(found, matches);
        listing?.update();
        observer?.takeRecords();
        performance.mark('paperlens:marked', { detail: { candidates: found.blocks.length, matches: matches.length } });
        // After the frame that paints the marks.
        requestAnimationFrame(() => setTimeout(() => performance.mark('paperlens:rendered')));
      } catch (error) {
        console.error('PaperLens: recognizing papers on this page failed', error);
        // What this scan read was not matched: the next scan sends it again.
        sent = scanMemory();
      } finally {
        observe();
        scanning = false;
        if (again) {
          again = false;
          schedule();
        }
      }
    };

    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void scan(), RESCAN_MS);
    };
    const ours = (node: Node): boolean => node instanceof Element && OWN_TAGS.has(node.tagName);
    observer = new MutationObserver((records) => {
      const relevant = records.some((r) => {
        if (r.type === 'characterData') return true;
        const nodes = [...r.addedNodes, ...r.removedNodes];
        return nodes.length > 0 && !nodes.every(ours);
      });
      if (relevant) schedule();
    });
    const observe = () =>
      observer?.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });

    const hover: HoverCard<Mark> = new HoverCard({
      // Clear of the title's text and of its badge, in the colours of the page where the title sits.
      show: (mark) => card.open(mark.id, unionBox([marks.anchor(mark), mark.badge.getBoundingClientRect()]), schemeAt(mark.element)),
      hide: () => card.close(),
      get isOpen() {
        return card.isOpen;
      },
      inUse: () => Boolean(card.element?.matches(':hover')) || document.activeElement === card.element,
    });
    const card = new CardHost({
      close: () => hover.close(),
      enter: () => hover.enterCard(),
      leave: () => hover.leave(),
    });

    // Hover targets are a mark's text and its badge, not the element's whole box: the pointer
    // is checked against the text's rectangles, once per frame.
    let pointed: Mark | null = null;
    let pointer: MouseEvent | null = null;
    const track = () => {
      const e = pointer;
      pointer = null;
      if (!e) return;
      const mark = marks.at(e.clientX, e.clientY, e.target);
      if (mark === pointed) return;
      if (pointed) hover.leave();
      pointed = mark;
      if (mark) hover.pointAt(mark);
    };
    document.addEventListener(
      'mousemove',
      (e) => {
        if (!pointer) requestAnimationFrame(track);
        pointer = e;
      },
      { passive: true, capture: true },
    );
    document.addEventListener('mouseout', (e) => {
      // Out of the window: nothing is pointed at any more.
      if (!e.relatedTarget && pointed) {
        pointed = null;
        hover.leave();
      }
    });
    const isBadge = (target: EventTarget | null): target is HTMLElement =>
      target instanceof Element && target.tagName === BADGE_TAG.toUpperCase();
    document.addEventListener('focusin', (e) => {
      if (!isBadge(e.target)) return;
      e.target.style.setProperty('outline', '2px solid #6d5bd0', 'important');
      e.target.style.setProperty('outline-offset', '2px', 'important');
      const mark = marks.ofBadge(e.target);
      if (mark) hover.open(mark);
    });
    document.addEventListener('focusout', (e) => {
      if (!isBadge(e.target)) return;
      e.target.style.removeProperty('outline');
      e.target.style.removeProperty('outline-offset');
      hover.leave();
    });
    document.addEventListener(
      'click',
      (e) => {
        if (!isBadge(e.target)) return;
        // In wrap mode the badge often sits inside a title link; a click on it opens the card, not the link.
        e.preventDefault();
        e.stopPropagation();
        const mark = marks.ofBadge(e.target);
        if (mark) hover.open(mark);
      },
      true,
    );
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') hover.escape();
      // Enter on a focused badge moves the keyboard into the card (to edit the note).
      if ((e.key === 'Enter' || e.key === ' ') && isBadge(e.target)) {
        e.preventDefault();
        const mark = marks.ofBadge(e.target);
        if (mark) hover.open(mark);
        card.focus();
      }
    });
    // Overlay badges follow their text: after resizes, and scrolling inside boxes (the window's own scroll moves them with the page).
    let laying = false;
    const relayout = () => {
      if (laying) return;
      laying = true;
      requestAnimationFrame(() => {
        laying = false;
        marks.layout();
      });
    };
    window.addEventListener('resize', relayout, { passive: true });
    document.addEventListener('scroll', (e) => e.target !== document && relayout(), { passive: true, capture: true });
    if (document.body) new ResizeObserver(relayout).observe(document.body);

    await scan();
  },
});
