import { toBackground } from '@/lib/messaging/to-background';
import { readPageMetadata, type PageMetadata } from '@/lib/sites/page-metadata';
import { mountSaveButton } from './save-button';

/**
 * "Save to PaperLens" on the abstract page of a paper the catalog does not have: reads the
 * page's own metadata, asks the background whether the title is known, and offers to save it.
 */
export async function offerSaveOnPaperPage(): Promise<void> {
  const meta = readPageMetadata(document, location.href);
  if (!meta) return;
  const [known] = await toBackground.sendMessage('lookupTitles', [meta.title]);
  if (known) return;
  mountSaveButton(placeFor(), () => save(meta));
}

async function save(meta: PageMetadata): Promise<void> {
  await toBackground.sendMessage('savePaper', meta);
}

/** Right after the title when the page has one where we expect it, else the body. */
function placeFor(): { after: Element } | { fixed: HTMLElement } {
  // In order of preference: a page header may hold an earlier, unrelated <h1>.
  const title = ['h1.title', 'main h1'].map((s) => document.querySelector(s)).find((el) => el !== null);
  return title ? { after: title } : { fixed: document.body };
}
