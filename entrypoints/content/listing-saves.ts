import { toBackground } from '@/lib/messaging/to-background';
import { listingEntry, listingTitleAround, listingTitles } from '@/lib/sites/arxiv-listing';
import { nearViewport } from '@/lib/sites/near-viewport';
import { ownTask } from '@/lib/sites/own-tasks';
import { STATE_ATTR } from '@/lib/sites/scan';
import { mountSaveButton } from './save-button';

/** Entries within two screens above or below the viewport get their control before they are seen. */
const NEAR_SCREENS = 2;
/** Controls are mounted in slices of about this long, the page running between them. */
const SLICE_MS = 8;
/** Entries around a focused one that get their controls at once, so Tab and Shift+Tab meet them. */
const AROUND_FOCUS = 3;

function inLibrary(title: Element): boolean {
  return (title.getAttribute(STATE_ATTR) ?? '').split(' ').includes('library');
}

/**
 * The small save control on every arXiv listing and search entry not yet in the library.
 * {@link update} runs after each scan, when the marks say which entries are in it. A control is
 * mounted when its entry comes within two screens of the viewport (in slices of a few
 * milliseconds), or when the keyboard enters the entry or one near it: a 2,000-entry listing
 * costs the few dozen entries near the reader, and every entry still has its control when the
 * reader, the keyboard or a jump to an anchor gets there. Which entries are near is found by a
 * binary search on the titles' boxes (lib/sites/near-viewport.ts) once per frame that scrolled
 * or resized, not by an IntersectionObserver on every entry (observing 2,000 titles cost tens of
 * milliseconds, and the observer's work in every frame after).
 */
export class ListingSaves {
  /** Titles whose control is mounted, or that need none. */
  private readonly done = new WeakSet<Element>();
  /** The page's titles in order, for the neighbours of a focused entry. */
  private titles: Element[] = [];
  private readonly queue: Element[] = [];
  private draining = false;
  private checking = false;

  constructor(
    private readonly doc: Document,
    /** An entry was saved as paper `id`: its title is to be marked (again) with the paper's new state. */
    private readonly onSaved: (title: Element, id: string) => void,
  ) {
    doc.addEventListener('focusin', (e) => ownTask('save controls: focus', () => this.focused(e.target)), { capture: true, passive: true });
    const win = doc.defaultView;
    win?.addEventListener('resize', () => this.checkSoon(), { passive: true });
    doc.addEventListener('scroll', () => this.checkSoon(), { passive: true, capture: true });
  }

  update(): void {
    this.titles = listingTitles(this.doc);
    // After the frame that renders the new marks: the boxes are read from its layout, not a forced one.
    const win = this.doc.defaultView;
    if (win) win.requestAnimationFrame(() => setTimeout(() => ownTask('save controls: near the viewport', () => this.check())));
    else this.check();
  }

  /** One {@link check} in the next frame, however many scroll events come before it. */
  private checkSoon(): void {
    const win = this.doc.defaultView;
    if (this.checking || !win || this.titles.length === 0) return;
    this.checking = true;
    win.requestAnimationFrame(() => {
      this.checking = false;
      ownTask('save controls: near the viewport', () => this.check());
    });
  }

  /** Queues the entries near the viewport that have no control yet: all box reads, then the writes. */
  private check(): void {
    const height = this.doc.defaultView?.innerHeight ?? 0;
    const [from, to] = nearViewport(this.titles.length, (i) => this.titles[i]!.getBoundingClientRect(), height, NEAR_SCREENS * height);
    for (let i = from; i < to; i++) if (!this.done.has(this.titles[i]!)) this.queue.push(this.titles[i]!);
    this.drain();
  }

  /** Mounts the queued controls, a slice at a time. */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    const slice = () =>
      ownTask('save controls: mount', () => {
        const started = performance.now();
        while (this.queue.length > 0 && performance.now() - started < SLICE_MS) this.mount(this.queue.shift()!);
        if (this.queue.length > 0) setTimeout(slice);
        else this.draining = false;
      });
    slice();
  }

  /** The keyboard entered an entry: it and its neighbours get their controls now, before the next Tab. */
  private focused(target: EventTarget | null): void {
    if (!(target instanceof Element)) return;
    const title = listingTitleAround(target);
    const at = title ? this.titles.indexOf(title) : -1;
    if (at < 0) return;
    for (let i = Math.max(0, at - AROUND_FOCUS); i <= at + AROUND_FOCUS && i < this.titles.length; i++) this.mount(this.titles[i]!);
  }

  private mount(title: Element): void {
    if (this.done.has(title) || !title.isConnected) return;
    this.done.add(title);
    if (inLibrary(title)) return;
    const entry = listingEntry(title);
    if (!entry) return;
    const name = entry.paper.title;
    mountSaveButton(
      { slot: entry.slot },
      async () => {
        const { id } = await toBackground.sendMessage('savePaper', entry.paper);
        this.onSaved(entry.title, id);
      },
      {
        compact: true,
        labels: {
          ready: '+ Save',
          saving: 'Saving…',
          saved: '✓ Saved',
          readyName: `Save “${name}” to PaperLens`,
          savedName: `“${name}” is in your PaperLens library`,
        },
      },
    );
  }
}
