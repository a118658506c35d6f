import { toBackground } from '@/lib/messaging/to-background';
import { listingEntries } from '@/lib/sites/arxiv-listing';
import { STATE_ATTR } from '@/lib/sites/scan';
import { mountSaveButton } from './save-button';

function inLibrary(title: Element): boolean {
  return (title.getAttribute(STATE_ATTR) ?? '').split(' ').includes('library');
}

/**
 * The small save control on every arXiv listing and search entry not yet in the library. Run
 * after each scan, when the marks say which entries are in it; each entry is looked at once.
 */
export class ListingSaves {
  private readonly seen = new WeakSet<Element>();

  constructor(
    private readonly doc: Document,
    /** An entry was saved as paper `id`: its title is to be marked (again) with the paper's new state. */
    private readonly onSaved: (title: Element, id: string) => void,
  ) {}

  update(): void {
    for (const entry of listingEntries(this.doc, (title) => this.seen.has(title))) {
      this.seen.add(entry.title);
      if (inLibrary(entry.title)) continue;
      const { title } = entry.paper;
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
            readyName: `Save “${title}” to PaperLens`,
            savedName: `“${title}” is in your PaperLens library`,
          },
        },
      );
    }
  }
}
