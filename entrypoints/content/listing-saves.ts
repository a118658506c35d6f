import { toBackground } from '@/lib/messaging/to-background';
import { listingEntries } from '@/lib/sites/arxiv-listing';
import { MARK_ATTR, STATE_ATTR } from '@/lib/sites/scan';
import { ensureBadge } from './badge';
import { mountSaveButton } from './save-button';

function inLibrary(title: Element): boolean {
  return (title.getAttribute(STATE_ATTR) ?? '').split(' ').includes('library');
}

/**
 * The small save control on every arXiv listing and search entry not yet in the library. Run
 * after each scan, when the marks say which entries are in it; each entry is looked at once.
 * A saved entry is marked as the paper it now is.
 */
export class ListingSaves {
  private readonly seen = new WeakSet<Element>();

  constructor(private readonly doc: Document) {}

  update(): void {
    for (const entry of listingEntries(this.doc, (title) => this.seen.has(title))) {
      this.seen.add(entry.title);
      if (inLibrary(entry.title)) continue;
      const { title } = entry.paper;
      mountSaveButton(
        { slot: entry.slot },
        async () => {
          const { id } = await toBackground.sendMessage('savePaper', entry.paper);
          if (!entry.title.hasAttribute(MARK_ATTR)) {
            entry.title.setAttribute(MARK_ATTR, id);
            ensureBadge(entry.title);
          }
        },
        {
          compact: true,
          labels: {
            ready: '+ Save',
            saving: 'Saving…',
            saved: '✓ Saved',
            readyName: `Save “${title}” to PaperLens`,
            savedName: `“${title}” is in your PaperLens library`,
          },
        },
      );
    }
  }
}
