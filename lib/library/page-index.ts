/**
 * Recognizing the user's papers on a page by title and by id. lib/match knows titles; this
 * module adds what only identity knows (arXiv ids in any spelling, DOIs), so a link to
 * `arxiv.org/pdf/1706.03762v2` and a listing entry showing its id name their paper even where
 * the title is missing or spelled differently. It sits here, not in lib/match, because identity
 * already builds on lib/match's normalizer: the folders import each other one way only.
 */
import { normalizeTitle, stripTitleAffixes, tokenize } from '../match/normalize';
import { indexOfSorted, isStringTable, packStrings, sortStrings, stringAt, unpackStrings, type StringTable } from '../match/string-table';
import { buildTitleIndex, isTitleIndex, matchCandidates, type MatchCandidate, type PageMatch, type TitleIndex } from '../match/title-index';
import { IDENTITY_KIND, idsFromUrl, parseArxivId, parseDoi, type PaperIds } from './identity';

/** What the index needs of a paper: its id, title and any ids it is known by. */
export interface IndexedPaper {
  id: string;
  title: string;
  arxivId?: string;
  doi?: string;
}

/**
 * The title index plus every paper's ids, all packed string tables (lib/match/string-table.ts)
 * that IndexedDB stores and gives back as they are, so a woken service worker searches the
 * stored index directly.
 */
export interface PageIndex {
  titles: TitleIndex;
  /** Every id a paper is known by (`arxiv:<id>`, `doi:<doi>`), sorted. */
  idKeys: StringTable;
  /** The paper each of `idKeys` names. */
  idPapers: StringTable;
  /** Papers that have an arXiv id, sorted; the others may learn one from the page. */
  withArxivId: StringTable;
}

/** Whether `value` has the shape of a page index (checked before a stored one is used). */
export function isPageIndex(value: unknown): value is PageIndex {
  if (typeof value !== 'object' || value === null) return false;
  const { titles, idKeys, idPapers, withArxivId } = value as PageIndex;
  return (
    isTitleIndex(titles) &&
    isStringTable(idKeys) &&
    isStringTable(idPapers) &&
    idKeys.ends.length === idPapers.ends.length &&
    isStringTable(withArxivId)
  );
}

/** The paper an id key (`arxiv:<id>`, `doi:<doi>`) names, or null. */
function paperOfKey(index: PageIndex, key: string): string | null {
  const at = indexOfSorted(index.idKeys, key);
  return at === -1 ? null : stringAt(index.idPapers, at);
}

/** Whether the paper already has an arXiv id. */
export function hasArxivId(index: PageIndex, paperId: string): boolean {
  return indexOfSorted(index.withArxivId, paperId) !== -1;
}

function sortedUnique(list: Iterable<string>): string[] {
  return sortStrings(new Set(list));
}

function idKeys(ids: PaperIds): string[] {
  const keys: string[] = [];
  if (ids.arxivId) keys.push(`${IDENTITY_KIND.arxiv}:${ids.arxivId}`);
  if (ids.doi) keys.push(`${IDENTITY_KIND.doi}:${ids.doi}`);
  return keys;
}

/** The canonical ids a paper record names; an arXiv DOI counts as its arXiv id. */
function recordIds(paper: IndexedPaper): PaperIds {
  const doi = paper.doi ? parseDoi(paper.doi) : null;
  const arxivId = (paper.arxivId && parseArxivId(paper.arxivId)) || doi?.arxivId;
  const ids: PaperIds = {};
  if (arxivId) ids.arxivId = arxivId;
  if (doi) ids.doi = doi.doi;
  return ids;
}

/** Built once per papers revision, like the title index it contains. The first paper holding an id keeps it. */
export function buildPageIndex(papers: Iterable<IndexedPaper>): PageIndex {
  const list = Array.isArray(papers) ? (papers as IndexedPaper[]) : [...papers];
  const ids = new Map<string, string>();
  const withArxivId: string[] = [];
  for (const paper of list) {
    const known = recordIds(paper);
    if (known.arxivId) withArxivId.push(paper.id);
    for (const key of idKeys(known)) if (!ids.has(key)) ids.set(key, paper.id);
  }
  const keys = sortedUnique(ids.keys());
  return {
    titles: buildTitleIndex(list),
    idKeys: packStrings(keys),
    idPapers: packStrings(keys.map((k) => ids.get(k)!)),
    withArxivId: packStrings(sortedUnique(withArxivId)),
  };
}

/**
 * The index with arXiv ids learned since it was built (each for a paper that had none, and held
 * by no other): what `buildPageIndex` gives for the papers with those ids, without reading and
 * indexing every title again (seconds at 100,000 papers). The title tables are shared.
 */
export function withLearnedIds(index: PageIndex, learned: readonly { paperId: string; arxivId: string }[]): PageIndex {
  const ids = new Map(unpackStrings(index.idKeys).map((key, i) => [key, stringAt(index.idPapers, i)]));
  const withArxivId = new Set(unpackStrings(index.withArxivId));
  for (const { paperId, arxivId } of learned) {
    const key = `${IDENTITY_KIND.arxiv}:${arxivId}`;
    if (!ids.has(key)) ids.set(key, paperId);
    withArxivId.add(paperId);
  }
  const keys = sortStrings(ids.keys());
  return {
    titles: index.titles,
    idKeys: packStrings(keys),
    idPapers: packStrings(keys.map((k) => ids.get(k)!)),
    withArxivId: packStrings(sortStrings(withArxivId)),
  };
}

/** The paper a link names by id, or null. */
function paperOfLink(index: PageIndex, href: string): string | null {
  const named = idsFromUrl(href);
  if (!named) return null;
  for (const key of idKeys(named)) {
    const id = paperOfKey(index, key);
    if (id) return id;
  }
  return null;
}

/**
 * The range of the title in a title element recognized by its id: the text without site
 * prefixes (`Title:`, `[12]`) and the spaces around it. Marks cover the title, not the
 * element's decorations.
 */
function titleRange(text: string): { start: number; end: number } {
  const { text: shown, start } = stripTitleAffixes(text);
  const tokens = tokenize(shown);
  if (tokens.length === 0) return { start: 0, end: text.length };
  return { start: start + tokens[0]!.start, end: start + tokens[tokens.length - 1]!.end };
}

/**
 * Which titles a page showed beside each arXiv id, and which ids beside each title (normalized
 * text): an id or a title paired with more than one is no evidence of which paper is which.
 * Kept across the scans of one page by the caller, as a page is matched in several batches.
 */
export interface PagePairings {
  titlesOfId: Map<string, Set<string>>;
  idsOfTitle: Map<string, Set<string>>;
}

export function newPagePairings(): PagePairings {
  return { titlesOfId: new Map(), idsOfTitle: new Map() };
}

/** Whether the page showed `arxivId` beside one title only, and that title beside this id only. */
export function pairedOneToOne(pairings: PagePairings, arxivId: string): boolean {
  const titles = pairings.titlesOfId.get(arxivId);
  if (!titles || titles.size !== 1) return false;
  const [title] = titles;
  return pairings.idsOfTitle.get(title!)?.size === 1;
}

function pair<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** A title candidate's arXiv id, parsed, and the title's normalized text. */
function shownPairing(c: MatchCandidate): { arxivId: string; title: string } | null {
  if (c.kind !== 'title' || !c.arxivId) return null;
  const arxivId = parseArxivId(c.arxivId);
  const title = arxivId ? normalizeTitle(stripTitleAffixes(c.text).text) : '';
  return arxivId && title ? { arxivId, title } : null;
}

/**
 * Matches one scan's candidates: links by the id their address names, title elements by title
 * or else by the arXiv id the page shows beside them, running text by title.
 *
 * An id beside a title is trusted only as far as the page pairs them one to one (issue 11: a
 * page where every entry shows the same id must not make them all one paper). A title that is
 * itself a known paper's title is that paper, whatever id stands beside it; an id the index
 * knows names the paper of a title it does not recognize (a title spelled another way), unless
 * the page shows that id beside several different titles. A title recognized by its text whose
 * paper has no arXiv id yet carries the page's id as `learnedArxivId`, for the background to
 * keep, only when the id is unknown and the page shows it beside this title alone and this
 * title beside this id alone. `pairings` gathers what the page showed across its batches.
 */
export function matchPage(index: PageIndex, candidates: readonly MatchCandidate[], pairings = newPagePairings()): PageMatch[] {
  const shown = candidates.map(shownPairing);
  for (const p of shown) {
    if (!p) continue;
    pair(pairings.titlesOfId, p.arxivId, p.title);
    pair(pairings.idsOfTitle, p.title, p.arxivId);
  }
  const out: PageMatch[] = [];
  // Titles and running text go to the title index in one batch, under their own numbers.
  const byTitle: MatchCandidate[] = [];
  const positions: number[] = [];
  candidates.forEach((c, i) => {
    if (c.kind === 'link') {
      const id = paperOfLink(index, c.text);
      if (id) out.push({ candidate: i, id, start: 0, end: c.text.length });
      return;
    }
    byTitle.push(c);
    positions.push(i);
  });
  const matched = new Set<number>();
  for (const m of matchCandidates(index.titles, byTitle)) {
    const candidate = positions[m.candidate]!;
    matched.add(candidate);
    const match: PageMatch = { ...m, candidate };
    const p = shown[candidate];
    if (
      p &&
      pairedOneToOne(pairings, p.arxivId) &&
      !hasArxivId(index, m.id) &&
      paperOfKey(index, `${IDENTITY_KIND.arxiv}:${p.arxivId}`) === null
    ) {
      match.learnedArxivId = p.arxivId;
    }
    out.push(match);
  }
  shown.forEach((p, i) => {
    if (!p || matched.has(i) || pairings.titlesOfId.get(p.arxivId)!.size > 1) return;
    const id = paperOfKey(index, `${IDENTITY_KIND.arxiv}:${p.arxivId}`);
    if (id) out.push({ candidate: i, id, ...titleRange(candidates[i]!.text) });
  });
  return out.sort((a, b) => a.candidate - b.candidate || a.start - b.start);
}
