// Functions handed to a page's `evaluate` by both real-browser suites (Playwright's and
// Puppeteer's pages serialize them the same way): each must be self-contained, with no imports
// or outside variables, since it runs inside the browser.

/** In an extension page: the catalog as the extension's IndexedDB holds it, and one paper of it. */
export async function catalogInIndexedDb(titleStart: string) {
  const open = indexedDB.open('paperlens');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const read = <T,>(store: string, op: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const req = op(db.transaction(store).objectStore(store));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const count = await read('papers', (s) => s.count());
  const version = await read<{ value: string } | undefined>('settings', (s) => s.get('catalogVersion'));
  const papers = await read<{ title: string; tldr: string; links: unknown[] }[]>('papers', (s) => s.getAll());
  db.close();
  return { count, version: version?.value, paper: papers.find((p) => p.title.startsWith(titleStart)) };
}

/** In a web page, as a hostile page script: everything it can read of the page, shadow roots and frames included. */
export function everythingAPageScriptCanRead(): string {
  const found: string[] = [document.body.innerText, document.documentElement.outerHTML];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot.innerHTML);
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  for (const frame of document.querySelectorAll('iframe')) {
    try {
      found.push(frame.contentDocument?.body.innerText ?? '');
    } catch (error) {
      found.push(`blocked: ${String(error)}`);
    }
  }
  // Frames reachable through window.frames (the card's, inside a closed root, is not listed).
  for (let i = 0; i < window.frames.length; i++) {
    try {
      found.push(window.frames[i]!.document.body.innerText);
    } catch (error) {
      found.push(`blocked: ${String(error)}`);
    }
  }
  document.execCommand('selectAll');
  found.push(window.getSelection()?.toString() ?? '');
  return found.join('\n');
}
