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

/**
 * In a web page: the text of every PaperLens mark, by highlight name (`paperlens`,
 * `paperlens-note`, …), read from the page's CSS highlight registry (highlight mode), plus
 * wrapped mentions (wrap mode, browsers without the API). Sorted by position in the page.
 */
export function markedTexts(): string[] {
  const ranges: Range[] = [];
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  if (registry) for (const [name, set] of registry) if (name.startsWith('paperlens')) for (const r of set) ranges.push(r);
  for (const span of document.querySelectorAll('span[data-paperlens-id]')) {
    const r = document.createRange();
    r.selectNodeContents(span);
    ranges.push(r);
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim());
}

/**
 * In a web page: a point on the words of the element's title text (its last text node's first
 * line), where the pointer opens a mark's card. The element's box is not the target: its blank
 * rest (a full-width heading's right side) opens nothing.
 */
export function textPoint(selector: string): { x: number; y: number } {
  const el = document.querySelector(selector)!;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) last = n as Text;
  const range = document.createRange();
  range.selectNodeContents(last!);
  const rect = range.getClientRects()[0]!;
  return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
}
