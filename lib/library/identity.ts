/**
 * What a paper is known by. The same paper reaches PaperLens from the catalog, an imported
 * library, a save and a visit, spelled differently each time (`arXiv:2403.01234v2`,
 * `https://arxiv.org/pdf/2403.01234v2.pdf`, `10.48550/arXiv.2403.01234`, a title in TeX); these
 * functions reduce each spelling to one canonical key, so the spellings meet.
 */
import { normalizeTitle } from '../match/normalize';

/** The ids a link or a record names; either may be missing. */
export interface PaperIds {
  /** Canonical arXiv id: no version, archive in lowercase (`2403.01234`, `hep-th/9901001`). */
  arxivId?: string;
  /** Case-folded DOI without resolver prefix (`10.1145/3292500.3330701`). */
  doi?: string;
}

/** arXiv's new-style ids: YYMM.NNNN from 0704 to 1412, YYMM.NNNNN from 1501 on. */
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v\d+)?$/;

/** Old-style ids: archive, optional subject class (`math.GT`), then YYMMNNN. */
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]+(?:-[a-z]+)?)?\/(\d{2})(\d{2})(\d{3})(?:v\d+)?$/i;

/** The archives that used old-style ids (1991 to March 2007); anything else is not an arXiv id. */
const OLD_ARCHIVES = new Set([
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn',
  'chem-ph', 'cmp-lg', 'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex',
  'hep-lat', 'hep-ph', 'hep-th', 'math', 'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th',
  'patt-sol', 'physics', 'plasm-ph', 'q-alg', 'q-bio', 'q-fin', 'quant-ph', 'solv-int', 'stat',
  'supr-con',
]);

const ARXIV_PREFIX = /^arxiv\s*:\s*/i;

function validMonth(mm: string): boolean {
  const m = Number(mm);
  return m >= 1 && m <= 12;
}

/**
 * The canonical arXiv id in `text` (the whole of it, give or take an `arXiv:` prefix and a
 * version), or null. Old-style ids drop their subject class (`math.GT/0309136` is
 * `math/0309136`: arXiv serves both at the same address). Dates, version numbers and other
 * DOIs that merely look alike are refused by checking the month and the digit count of the era.
 */
export function parseArxivId(text: string): string | null {
  const s = text.trim().replace(ARXIV_PREFIX, '');
  const fresh = NEW_STYLE.exec(s);
  if (fresh) {
    const [, yy, mm, number] = fresh as unknown as [string, string, string, string];
    if (!validMonth(mm)) return null;
    const yymm = Number(yy + mm);
    if (yymm < 704) return null;
    if ((yymm < 1501) !== (number.length === 4)) return null;
    return `${yy}${mm}.${number}`;
  }
  const old = OLD_STYLE.exec(s);
  if (old) {
    const [, archive, yy, mm, number] = old as unknown as [string, string, string, string, string];
    const lower = archive.toLowerCase();
    if (!OLD_ARCHIVES.has(lower) || !validMonth(mm)) return null;
    // Old-style numbering ran from 1991 (91) to March 2007 (0703).
    const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
    if (year > 2007 || (year === 2007 && Number(mm) > 3)) return null;
    return `${lower}/${yy}${mm}${number}`;
  }
  return null;
}

/**
 * An arXiv id mentioned inside free text, after an `arXiv:` label or in an arxiv.org link:
 * `arXiv preprint arXiv:1706.03762`, `arXiv:hep-th/9901001v2`, `\url{https://arxiv.org/abs/2403.01234}`.
 */
const ARXIV_IN_TEXT =
  /(?:\barxiv\s*:\s*|arxiv\.org\/(?:abs|pdf|html)\/)([a-z-]+(?:\.[a-z]+(?:-[a-z]+)?)?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?(?!\d|\.\d)/i;

/** The arXiv id that free text names (a journal field, a note), or null. */
export function arxivIdInText(text: string): string | null {
  const match = ARXIV_IN_TEXT.exec(text);
  return match ? parseArxivId(match[1]!) : null;
}

const DOI_PREFIX = /^(?:https?:\/\/)?(?:(?:dx\.)?doi\.org\/|doi\s*:\s*|urn:doi:)/i;
/** Registrant code, slash, suffix; the suffix may hold almost anything but spaces. */
const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;
/** Sentence punctuation that ends up glued to a DOI copied from prose. */
const TRAILING_PUNCTUATION = /[.,;:'"!?>\]]+$/;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/;

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Drops a `)` that closes nothing (`(doi:10.1000/x)`), keeping one a DOI itself opened (`…(83)90193-6`). */
function trimUnbalancedParens(doi: string): string {
  let out = doi;
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return out;
}

/**
 * A DOI in any of the ways exports and pages write it (`https://doi.org/…`, `dx.doi.org/…`,
 * `doi:…`, percent-encoded, any case, with a trailing full stop), as `{ doi }` in canonical form,
 * plus `arxivId` when it is arXiv's own DOI (`10.48550/arXiv.2403.01234`). Null if not a DOI.
 */
export function parseDoi(text: string): PaperIds | null {
  let s = decodeOnce(text.trim()).replace(DOI_PREFIX, '').trim();
  s = trimUnbalancedParens(s.replace(TRAILING_PUNCTUATION, '')).toLowerCase();
  if (!DOI_SHAPE.test(s)) return null;
  const arxiv = ARXIV_DOI.exec(s);
  const arxivId = arxiv ? parseArxivId(arxiv[1]!) : null;
  return arxivId ? { doi: s, arxivId } : { doi: s };
}

/** The canonical DOI in `text`, or null; see `parseDoi`. */
export function normalizeDoi(text: string): string | null {
  return parseDoi(text)?.doi ?? null;
}

/** Hosts, without `www.`, and the path prefixes under which they name a paper by arXiv id. */
const ARXIV_PATHS: Record<string, RegExp> = {
  'arxiv.org': /^\/(?:abs|pdf|html)\/(.+)$/,
  'export.arxiv.org': /^\/(?:abs|pdf|html)\/(.+)$/,
  'alphaxiv.org': /^\/(?:abs|overview)\/(.+)$/,
  'huggingface.co': /^\/papers\/(.+)$/,
};
const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org']);

/** A URL from a page, with or without its scheme; null for anything `URL` cannot read. */
function toUrl(text: string): URL | null {
  const s = text.trim();
  if (!s || /\s/.test(s)) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return null;
  }
}

/** `2403.01234v2.pdf/` → `2403.01234v2`: what follows the prefix, without a file suffix or trailing slash. */
function idPart(path: string): string {
  return decodeOnce(path).replace(/\/+$/, '').replace(/\.pdf$/i, '');
}

/**
 * The ids a link names: arXiv abstract, PDF and HTML pages (also `export.` and `www.`),
 * alphaXiv, Hugging Face paper pages, and DOI resolver links. Query strings, fragments, trailing
 * slashes, `.pdf` and percent-encoding do not matter. Null for any other link, and for garbage.
 */
export function idsFromUrl(url: string): PaperIds | null {
  const parsed = toUrl(url);
  return parsed ? idsFromAddress(parsed) : null;
}

/** {@link idsFromUrl} of an address already parsed (a page scan resolves each link once). */
export function idsFromAddress(parsed: URL): PaperIds | null {
  if (!/^https?:$/.test(parsed.protocol)) return null;
  return idsFromPath(parsed.hostname.toLowerCase().replace(/^www\./, ''), parsed.pathname);
}

/** The ids an http(s) address on `host` (lower case, without `www.`) names by its `pathname`. */
function idsFromPath(host: string, pathname: string): PaperIds | null {
  if (DOI_HOSTS.has(host)) return parseDoi(decodeOnce(pathname.slice(1)));
  const pattern = ARXIV_PATHS[host];
  const path = pattern?.exec(pathname)?.[1];
  const arxivId = path === undefined ? null : parseArxivId(idPart(path));
  return arxivId ? { arxivId } : null;
}

/**
 * A path from the root (`/abs/2301.09637`, `/a/smith_j_1`) of the characters `URL` keeps as they
 * are: no dot segments, backslashes, percent signs, spaces, query or fragment.
 */
const PLAIN_ROOT_PATH = /^\/(?!\/)(?:[A-Za-z0-9_~:@!$&'()*+,;=-]|\.(?!\.?(?:\/|$))|\/(?!\.))*$/;

/**
 * An arXiv abstract, PDF or HTML page of a new-style id (version optional) on arXiv itself, as a
 * path from the root or a lower-case absolute address: what {@link idsFromPath} reads it as, in
 * one expression (a listing's every entry has one beside its title).
 */
const ARXIV_NEW_STYLE_LINK = /^(https?:\/\/(?:www\.|export\.)?arxiv\.org)?\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5}(?:v\d+)?)$/;
const ARXIV_HOSTS = new Set(['arxiv.org', 'export.arxiv.org']);

/** An absolute http(s) address whose host and path `URL` keeps as written (but for the host's case). */
const PLAIN_ABSOLUTE = /^https?:\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(\/.*)$/i;

/**
 * {@link idsFromAddress} of a link's raw `href` resolved against a page on `baseHost`, without
 * building a URL, when the href is a plain path from the root (arXiv's own links) or a plain
 * absolute http(s) address (`https://arxiv.org/abs/…`, older listings' and digests' links): a
 * 2,000-entry listing has thousands, and parsing each as a URL was most of reading the page.
 * `undefined` when it is neither, for the caller to resolve it as a URL. For a path from the
 * root, `https:` is assumed, as a page on one of these hosts is.
 */
export function idsFromPlainHref(href: string, baseHost: string): PaperIds | null | undefined {
  // The commonest by far, an entry's own abstract or PDF link, read with one expression.
  const common = ARXIV_NEW_STYLE_LINK.exec(href);
  if (common && (common[1] !== undefined || ARXIV_HOSTS.has(baseHost.toLowerCase().replace(/^www\./, '')))) {
    const arxivId = parseArxivId(common[2]!);
    return arxivId ? { arxivId } : null;
  }
  if (href.charCodeAt(0) === 47 /* / */) {
    if (!PLAIN_ROOT_PATH.test(href)) return undefined;
    return idsFromPath(baseHost.toLowerCase().replace(/^www\./, ''), href);
  }
  const absolute = PLAIN_ABSOLUTE.exec(href);
  if (!absolute || !PLAIN_ROOT_PATH.test(absolute[2]!)) return undefined;
  return idsFromPath(absolute[1]!.toLowerCase().replace(/^www\./, ''), absolute[2]!);
}

/** The hosts of {@link idsFromUrl}, as they appear in a link's text (`www.` and subdomains contain them too). */
const ID_HOST_WORDS = /arxiv\.org|alphaxiv\.org|huggingface\.co|doi\.org/i;
/** A link with its own scheme or host (`https:`, `mailto:`, `//host/`), which does not take the page's host. */
const ABSOLUTE = /^\s*(?:[a-z][a-z0-9+.-]*:|[/\\]{2})/i;

/**
 * Whether a link's raw `href`, on a page whose links resolve against `baseHost`, can name a
 * paper by {@link idsFromUrl}: one of its hosts written in the link, or a relative link on one of
 * those hosts. A superset, never a miss: a page scan runs it on every one of a listing's tens of
 * thousands of links and parses only those that pass (most links of most pages do not).
 */
export function linkMayNameAPaper(href: string, baseHost: string): boolean {
  if (ID_HOST_WORDS.test(href)) return true;
  if (ABSOLUTE.test(href)) return false;
  const host = baseHost.toLowerCase().replace(/^www\./, '');
  return host in ARXIV_PATHS || DOI_HOSTS.has(host);
}

/** What identity needs of a record: any of its ids and its title. */
export interface IdentifiedPaper {
  title?: string;
  doi?: string;
  arxivId?: string;
}

/** Key kinds, in order of trust: an id names one paper, a title may (rarely) name two. */
export const IDENTITY_KIND = { arxiv: 'arxiv', doi: 'doi', title: 'title' } as const;
export type IdentityKind = (typeof IDENTITY_KIND)[keyof typeof IDENTITY_KIND];

/**
 * The keys a paper is known by: `arxiv:<id>`, `doi:<doi>`, `title:<normalized title>`.
 * Records that share any key are the same paper. An arXiv DOI also yields its arXiv key, so a
 * record with only `10.48550/arXiv.X` meets one with only `arXiv:X`.
 */
export function identityKeys(paper: IdentifiedPaper): string[] {
  const keys: string[] = [];
  const doi = paper.doi ? parseDoi(paper.doi) : null;
  const arxivId = (paper.arxivId && parseArxivId(paper.arxivId)) || doi?.arxivId;
  if (arxivId) keys.push(`${IDENTITY_KIND.arxiv}:${arxivId}`);
  if (doi) keys.push(`${IDENTITY_KIND.doi}:${doi.doi}`);
  const title = paper.title ? normalizeTitle(paper.title) : '';
  if (title) keys.push(`${IDENTITY_KIND.title}:${title}`);
  return keys;
}
