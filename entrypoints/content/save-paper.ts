import { toBackground } from '@/lib/messaging/to-background';
import { readPageMetadata, type PageMetadata } from '@/lib/sites/page-metadata';
import { mountSaveButton } from './save-button';

/**
 * "Save to PaperLens" on the abstract page of a paper neither the catalog nor the user's library
 * has: reads the page's own metadata, asks the background whether the title is known, and offers
 * to save it. A paper known only from the reading history is offered too: opening this very page
 * records the visit, which may reach the background before this lookup does.
 */
export async function offerSaveOnPaperPage(): Promise<void> {
  const meta = readPageMetadata(document, location.href);
  if (!meta) return;
  const [known] = await toBackground.sendMessage('lookupTitles', [meta.title]);
  if (known && (await toBackground.sendMessage('getPaper', known))?.paper.source !== 'visit') return;
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
