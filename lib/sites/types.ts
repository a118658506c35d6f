import { idsFromAddress, idsFromPlainHref } from '../library/identity';

/**
 * One site PaperLens knows: which pages it runs on, which elements hold one title each, and
 * which regions hold running text (comments, READMEs, reference lists) to search for mentions.
 */
export interface SiteAdapter {
  id: string;
  label: string;
  /** Manifest match patterns for the site (`*://` so local http copies work in tests). */
  patterns: readonly string[];
  /** Whether this adapter handles the page (patterns can be broader than the pages it knows). */
  matches(url: URL): boolean;
  /** Elements that each hold exactly one title (with site prefixes or suffixes around it). */
  candidates(root: ParentNode): Element[];
  /** Regions whose running text is scanned for free-text mentions; adapter elements are skipped. */
  textRoots(root: ParentNode): Element[];
  /**
   * The arXiv id the page shows beside one of `candidates` (a listing entry's id, the paper of
   * an abstract page), if any: the title is then recognized by id, and a catalog paper without
   * an id learns it. Links to that id are not marked again beside their title.
   */
  arxivIdOf?(title: Element): string | undefined;
  /**
   * A selector for the links of a listing's entries that name the entry's own paper (its id and
   * format links, beside its title) or no paper (its authors' pages): a scan passes them over
   * natively, without reading each (a 2,000-entry arXiv listing has tens of thousands).
   */
  entryLinks?: string;
}

/** `querySelectorAll` as an array, for adapters that combine several selectors. */
export function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

/** Hosts compared without a leading `www.`. */
export function hostIs(url: URL, ...hosts: string[]): boolean {
  const host = url.hostname.replace(/^www\./, '');
  return hosts.includes(host);
}

/** Adapters pass one of a few constant origins: each is parsed once (a listing asks for 2,000 ids). */
const originHosts = new Map<string, string>();
function hostOfOrigin(origin: string): string {
  let host = originHosts.get(origin);
  if (host === undefined) originHosts.set(origin, (host = new URL(origin).hostname));
  return host;
}

/** The arXiv id an address names (`/abs/2301.09637v1`, `https://arxiv.org/pdf/…`), resolved against `origin`. */
export function arxivIdAt(raw: string | null | undefined, origin: string): string | undefined {
  if (!raw) return undefined;
  // A listing's ids (`/abs/2301.09637`, `https://arxiv.org/abs/…`) are read without building a URL for each.
  const plain = idsFromPlainHref(raw, hostOfOrigin(origin));
  if (plain !== undefined) return plain?.arxivId;
  try {
    return idsFromAddress(new URL(raw, origin))?.arxivId;
  } catch {
    return undefined;
  }
}
