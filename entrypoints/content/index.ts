import { defineContentScript } from 'wxt/utils/define-content-script';
import { HoverCard } from '@/lib/card/hover';
import { unionBox } from '@/lib/card/placement';
import { toBackground } from '@/lib/messaging/to-background';
import { toContent } from '@/lib/messaging/to-content';
import { isListingPage } from '@/lib/sites/arxiv-listing';
import { isPaperPage, readVisit } from '@/lib/sites/page-metadata';
import { DEFAULT_PATTERNS, adapterFor } from '@/lib/sites/registry';
import { BADGE_TAG, PageMarks, browserHighlights, type Mark, type MarkState } from '@/lib/sites/mark';
import type { PaperState } from '@/lib/notes/paper-state';
import { markStates } from '@/lib/sites/mark-state';
import { ownTask } from '@/lib/sites/own-tasks';
import { OWN_TAGS, forget, outermost, scanBlocks, scanMemory, splitAtChars, toCandidates, type Scan, type ScanBlock } from '@/lib/sites/scan';
import { CardHost, schemeAt } from './card-host';
import { ListingSaves } from './listing-saves';
import { offerSaveOnPaperPage } from './save-paper';

/** Wait after the last page change before rescanning (infinite scroll, MathJax, SPA navigation). */
const RESCAN_MS = 300;
/** …but a page that keeps changing is read at least this often. */
const MAX_WAIT_MS = 1000;
/** Reading a page is cut into slices of about this long, so no task of ours comes near 50 ms. */
const SLICE_MS = 8;
/**
 * A page whose first scan reads this much candidate text before sending any (a 2,000-entry arXiv
 * listing has 330 kB) sends its first DIRECT_CHARS itself and the rest through the hover card frame, loaded hidden for it: in
 * Chromium, runtime.sendMessage copies a message's bytes on the page's main thread (tens of
 * milliseconds for such a listing), a MessagePort to the frame a millisecond or two (HostToCard in
 * lib/messaging/card.ts). Smaller pages send directly and load no frame until a card is shown.
 * Firefox sends directly, its runtime messages being structured clones already.
 */
const RELAY_CHARS = 64_000;
/** Of a relaying page's first scan, what is sent directly before the rest goes through the frame. */
const DIRECT_CHARS = 8_000;
/** Lets the page run (input, rendering) between slices. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
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
    performance.mark('paperlens:settings');
    const enabled =
      adapter.id === 'generic' ? settings.custom.includes(location.origin) : !settings.disabled.includes(adapter.id);
    if (!enabled) return;

    // A paper page the user opened goes to the reading history (the background skips it while paused).
    const visit = readVisit(document, location.href);
    if (visit) {
      toBackground.sendMessage('recordVisit', visit).catch((error: unknown) => {
        console.error('PaperLens: could not add this paper to your reading history', error);
      });
    }
    // Highlights where the browser has them (no change to the page's nodes), wrapped mentions elsewhere.
    // Chrome injects the highlight styles with this script (wxt.config.ts): adding them now would restyle the whole page.
    const marks = new PageMarks(document, browserHighlights(window), { highlightCssInPage: !import.meta.env.FIREFOX });
    if (isPaperPage(url)) {
      offerSaveOnPaperPage().catch((error: unknown) => console.error('PaperLens: could not offer to save this paper', error));
    }
    // arXiv listings and search results: a save control on each entry not in the library yet.
    const listing = isListingPage(url)
      ? new ListingSaves(document, (title, id) => {
          // Read the saved entry again: its title now names a paper of the library…
          marks.drop(title);
          forget(sent, title);
          (changed ??= new Set()).add(title);
          schedule();
          // …and other marks of it on the page show it is now saved.
          refreshState(id);
        })
      : null;
    /** The states each paper's marks show, so an unchanged state does not repaint them. */
    const shownStates = new Map<string, string>();
    const showStates = (id: string, states: MarkState[]) => {
      shownStates.set(id, states.join(' '));
      marks.setStates(id, states);
    };
    /** Shows a paper's new state on its marks; false when they already show it. */
    const updateState = (id: string, state: PaperState): boolean => {
      const states = markStates(state);
      if (states.join(' ') === (shownStates.get(id) ?? '')) return false;
      showStates(id, states);
      return true;
    };
    /** Reads a paper's state again after the user changed it here (a note in the card, a save). */
    const refreshState = (id: string) => {
      toBackground
        .sendMessage('getPaper', id)
        .then((found) => {
          // Repainted badges are placed again.
          if (found && updateState(id, found.state)) marks.layout();
        })
        .catch((error: unknown) => console.error('PaperLens: could not update the marks of this paper', error));
    };
    // States the background answered from its wake state before its database was open, corrected.
    toContent.onMessage('paperStates', ({ data }) => {
      let changed = false;
      for (const [id, state] of Object.entries(data)) changed = updateState(id, state) || changed;
      if (changed) marks.layout();
    });

    // Checked against the page each time, so marks the page removed are not reported.
    toContent.onMessage('recognizedPapers', () => {
      marks.prune();
      return marks.ids();
    });

    let sent = scanMemory();
    /**
     * Whether this page's later batches go through the hover card frame (see RELAY_CHARS), decided
     * once by its first scan that found anything, after sending what that scan had read so far.
     */
    let relayed: boolean | undefined;
    let observer: MutationObserver | null = null;
    let scanning = false;
    let again = false;
    // What changed since the last scan: only those subtrees are read again (null: the whole page).
    let changed: Set<Element> | null = null;
    let fullScan = true;
    /** Runs `change` on our marks without waking the observer. */
    const quietly = (change: () => void) => {
      // The page's own changes so far are kept; ours are dropped.
      if (observer) onRecords(observer.takeRecords());
      observer?.disconnect();
      try {
        change();
      } finally {
        observer?.takeRecords();
        observe();
      }
    };
    const scan = async (): Promise<void> => {
      if (scanning) {
        again = true;
        return;
      }
      scanning = true;
      try {
        for (const name of SCAN_MARKS) performance.clearMarks(name);
        performance.mark('paperlens:scan');
        const roots = fullScan ? null : new Set(changed);
        fullScan = false;
        changed = null;
        // Marks whose text the page rewrote go; their elements are read again.
        quietly(() => {
          for (const el of marks.prune()) {
            forget(sent, el);
            roots?.add(el);
          }
        });
        const scope = roots ? { changed: outermost(roots) } : { root: document };
        // Read in slices of a few milliseconds, each sent as it is read and marked as its answer
        // comes: no task of ours runs long, whatever the page's size.
        const walk = scanBlocks(scope, adapter, sent);
        const answers: Promise<void>[] = [];
        let candidates = 0;
        let found = 0;
        let truncated = false;
        const held: Scan[] = [];
        let heldChars = 0;
        const send = (part: Scan, direct = !relayed) => {
          if (performance.getEntriesByName('paperlens:first-sent').length === 0) performance.mark('paperlens:first-sent');
          const batch = toCandidates(part);
          const asked = direct
            ? toBackground.sendMessage('matchPage', batch)
            : card.matchPage(batch).catch(() => toBackground.sendMessage('matchPage', batch));
          answers.push(
            asked.then((matches) =>
              ownTask('scan: mark an answer', () => {
                found += matches.length;
                // Each paper's state (library, note, starred, read) before its new marks are painted.
                for (const m of matches) showStates(m.id, markStates(m.state));
                quietly(() => marks.add(part, matches));
              }),
            ),
          );
        };
        for (let finished = false; !finished; ) {
          const blocks: ScanBlock[] = [];
          // Up to the messages it sent: they are serialized in the microtasks after it.
          ownTask('scan: read a slice', () => {
            const started = performance.now();
            // The clock is read every few steps: most steps (a link passed over) take far less than it.
            for (let n = 1; (n & 15) !== 0 || performance.now() - started < SLICE_MS; n++) {
              const step = walk.next();
              if (step.done) {
                truncated = step.value;
                finished = true;
                break;
              }
              if (step.value) blocks.push(step.value);
            }
            const part = { blocks, truncated: false };
            candidates += blocks.length;
            if (relayed !== undefined) {
              if (blocks.length > 0) send(part);
              return;
            }
            // The page's first scan holds its batches until it knows whether the page is large.
            if (blocks.length > 0) held.push(part);
            for (const b of blocks) heldChars += b.text.length;
            if (heldChars >= RELAY_CHARS || (finished && held.length > 0)) {
              relayed = heldChars >= RELAY_CHARS && !import.meta.env.FIREFOX;
              const all = held.splice(0).flatMap((h) => h.blocks);
              // The first DIRECT_CHARS go to the background directly, so a woken worker answers
              // them while the card frame loads; the background counts the relayed rest as this page's.
              const [first, rest] = relayed ? splitAtChars(all, DIRECT_CHARS) : [all, []];
              send({ blocks: first, truncated: false }, true);
              if (rest.length > 0) send({ blocks: rest, truncated: false });
            }
          }, { microtasks: true });
          if (!finished) await nextTask();
        }
        if (truncated) console.warn('PaperLens: this page has more text than one scan reads; the rest was skipped.');
        performance.mark('paperlens:collected');
        performance.mark('paperlens:sent');
        await Promise.all(answers);
        ownTask('save controls: entries', () => quietly(() => listing?.update()));
        performance.mark('paperlens:matched');
        performance.mark('paperlens:marked', { detail: { candidates, matches: found } });
        // After the frame that paints the marks.
        requestAnimationFrame(() => setTimeout(() => performance.mark('paperlens:rendered')));
      } catch (error) {
        console.error('PaperLens: recognizing papers on this page failed', error);
        // What this scan read was not matched: the next scan reads the whole page again.
        sent = scanMemory();
        fullScan = true;
      } finally {
        scanning = false;
        if (again) {
          again = false;
          schedule();
        }
      }
    };

    let timer: ReturnType<typeof setTimeout> | undefined;
    // A page that never stops changing (a live timeline) is still read at least this often.
    let waitingSince = 0;
    const schedule = () => {
      clearTimeout(timer);
      const now = performance.now();
      waitingSince ||= now;
      timer = setTimeout(
        () => {
          waitingSince = 0;
          void scan();
        },
        Math.max(0, Math.min(RESCAN_MS, waitingSince + MAX_WAIT_MS - now)),
      );
    };
    const ours = (node: Node): boolean => node instanceof Element && OWN_TAGS.has(node.tagName);
    function onRecords(records: MutationRecord[]): void {
      let relevant = false;
      for (const r of records) {
        if (r.type === 'characterData') {
          if (r.target.parentElement) (changed ??= new Set()).add(r.target.parentElement);
          relevant = true;
          continue;
        }
        let any = false;
        for (const node of r.addedNodes) {
          if (ours(node)) continue;
          any = true;
          const el = node instanceof Element ? node : node.parentElement;
          if (el) (changed ??= new Set()).add(el);
        }
        // Removed nodes: their marks are pruned at the next scan.
        for (const node of r.removedNodes) if (!ours(node)) any = true;
        relevant ||= any;
      }
      if (relevant) schedule();
    }
    observer = new MutationObserver((records) => ownTask('page changed', () => onRecords(records)));
    const observe = () =>
      observer?.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    observe();

    let shownInCard: string | null = null;
    const hover: HoverCard<Mark> = new HoverCard({
      // Clear of the title's text and of its badge, in the colours of the page where the title sits.
      show: (mark) => {
        shownInCard = mark.id;
        card.open(mark.id, unionBox([marks.anchor(mark), mark.badge.getBoundingClientRect()]), schemeAt(mark.element));
      },
      hide: () => {
        card.close();
        // The user may have noted, starred or marked it read in the card.
        if (shownInCard) refreshState(shownInCard);
        shownInCard = null;
      },
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
      if (!mark) return;
      // Tab reached a badge far from where the reader was: it is placed now, and shown.
      marks.reveal(mark);
      hover.open(mark);
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
        ownTask('badges: relayout', () => marks.layout());
      });
    };
    window.addEventListener('resize', relayout, { passive: true });
    document.addEventListener('scroll', (e) => e.target !== document && relayout(), { passive: true, capture: true });
    if (document.body) new ResizeObserver(relayout).observe(document.body);

    await scan();
  },
});
