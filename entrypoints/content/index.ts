import { defineContentScript } from 'wxt/utils/define-content-script';
import { HoverCard } from '@/lib/card/hover';
import { toBackground } from '@/lib/messaging/to-background';
import { toContent } from '@/lib/messaging/to-content';
import { isListingPage } from '@/lib/sites/arxiv-listing';
import { isPaperPage } from '@/lib/sites/page-metadata';
import { DEFAULT_PATTERNS, adapterFor } from '@/lib/sites/registry';
import { MARK_ATTR, OWN_TAGS, applyMatches, collectScan, scanMemory, toCandidates } from '@/lib/sites/scan';
import { BADGE_TAG, ensureBadge, markOf } from './badge';
import { CardHost } from './card-host';
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

    if (isPaperPage(url)) {
      offerSaveOnPaperPage().catch((error: unknown) => console.error('PaperLens: could not offer to save this paper', error));
    }
    // arXiv listings and search results: a save control on each entry not in the library yet.
    const listing = isListingPage(url)
      ? new ListingSaves(document, (title) => {
          // Read the saved entry again: its title now names a paper of the library.
          sent.texts.delete(title);
          schedule();
        })
      : null;

    // Answered from the DOM each time, so marks removed by the page are not reported.
    toContent.onMessage('recognizedPapers', () => {
      const ids = new Set<string>();
      for (const el of document.querySelectorAll(`[${MARK_ATTR}]`)) {
        const id = el.getAttribute(MARK_ATTR);
        if (id) ids.add(id);
      }
      return [...ids];
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
        applyMatches(document, found, matches);
        for (const el of document.querySelectorAll(`[${MARK_ATTR}]`)) ensureBadge(el);
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

    const hover: HoverCard<Element> = new HoverCard({
      show: (mark) => {
        const id = mark.getAttribute(MARK_ATTR);
        if (id) card.open(id, mark.getBoundingClientRect());
      },
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

    document.addEventListener('mouseover', (e) => {
      const mark = markOf(e.target);
      if (mark) hover.pointAt(mark);
    });
    document.addEventListener('mouseout', (e) => {
      const mark = markOf(e.target);
      if (mark && !mark.contains(e.relatedTarget as Node | null)) hover.leave();
    });
    document.addEventListener('focusin', (e) => {
      const target = e.target as Element;
      if (target.tagName !== BADGE_TAG.toUpperCase()) return;
      (target as HTMLElement).style.setProperty('box-shadow', '0 0 0 2px #fff, 0 0 0 4px #6d5bd0', 'important');
      const mark = markOf(target);
      if (mark) hover.open(mark);
    });
    document.addEventListener('focusout', (e) => {
      const target = e.target as Element;
      if (target.tagName !== BADGE_TAG.toUpperCase()) return;
      (target as HTMLElement).style.removeProperty('box-shadow');
      hover.leave();
    });
    document.addEventListener(
      'click',
      (e) => {
        const target = e.target as Element;
        if (target.tagName !== BADGE_TAG.toUpperCase()) return;
        // The badge often sits inside a title link; a click on it opens the card, not the link.
        e.preventDefault();
        e.stopPropagation();
        const mark = markOf(target);
        if (mark) hover.open(mark);
      },
      true,
    );
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') hover.escape();
      const target = e.target as Element;
      // Enter on a focused badge moves the keyboard into the card (to edit the note).
      if ((e.key === 'Enter' || e.key === ' ') && target.tagName === BADGE_TAG.toUpperCase()) {
        e.preventDefault();
        const mark = markOf(target);
        if (mark) hover.open(mark);
        card.focus();
      }
    });

    await scan();
  },
});
