/**
 * Recognizing the user's papers on a page by title and by id. lib/match knows titles; this
 * module adds what only identity knows (arXiv ids in any spelling, DOIs), so a link to
 * `arxiv.org/pdf/1706.03762v2` and a listing entry showing its id name their paper even where
 * the title is missing or spelled differently. It sits here, not in lib/match, because identity
 * already builds on lib/match's normalizer: the folders import each other one way only.
 */
import { stripTitleAffixes, tokenize } from '../match/normalize';
import { buildTitleIndex, matchCandidates, type MatchCandidate, type PageMatch, type TitleIndex } from '../match/title-index';
import { IDENTITY_KIND, idsFromUrl, parseArxivId, parseDoi, type PaperIds } from './identity';

/** What the index needs of a paper: its id, title and any ids it is known by. */
export interface IndexedPaper {
  id: string;
  title: string;
  arxivId?: string;
  doi?: string;
}

/** The title index plus every paper's ids (`arxiv:<id>`, `doi:<doi>` → paper id). */
export interface PageIndex {
  titles: TitleIndex;
  ids: Map<string, string>;
  /** Papers that have an arXiv id; the others may learn one from the page. */
  withArxivId: Set<string>;
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
  const withArxivId = new Set<string>();
  for (const paper of list) {
    const known = recordIds(paper);
    if (known.arxivId) withArxivId.add(paper.id);
    for (const key of idKeys(known)) if (!ids.has(key)) ids.set(key, paper.id);
  }
  return { titles: buildTitleIndex(list), ids, withArxivId };
}

/** The paper a link names by id, or null. */
function paperOfLink(index: PageIndex, href: string): string | null {
  const named = idsFromUrl(href);
  if (!named) return null;
  for (const key of idKeys(named)) {
    const id = index.ids.get(key);
    if (id) return id;
  }
  return null;
}

/**
 * Where the title is in a title element recognized by its id: the range the title index gives
 * when the text is the paper's title too, else the text without site prefixes (`Title:`, `[12]`)
 * and the spaces around it. Marks cover the title, not the element's decorations.
 */
function titleRange(index: PageIndex, text: string, id: string): { start: number; end: number } {
  const byTitle = matchCandidates(index.titles, [{ kind: 'title', text }])[0];
  if (byTitle?.id === id) return { start: byTitle.start, end: byTitle.end };
  const { text: shown, start } = stripTitleAffixes(text);
  const tokens = tokenize(shown);
  if (tokens.length === 0) return { start: 0, end: text.length };
  return { start: start + tokens[0]!.start, end: start + tokens[tokens.length - 1]!.end };
}

/**
 * Matches one scan's candidates: links by the id their address names, title elements by the
 * arXiv id the page shows beside them (when the index knows it) or else by title, running text
 * by title. A title recognized by its text whose paper has no arXiv id yet carries the page's id
 * as `learnedArxivId`, for the background to keep.
 */
export function matchPage(index: PageIndex, candidates: readonly MatchCandidate[]): PageMatch[] {
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
    if (c.kind === 'title' && c.arxivId) {
      const arxivId = parseArxivId(c.arxivId);
      const id = arxivId ? index.ids.get(`${IDENTITY_KIND.arxiv}:${arxivId}`) : undefined;
      if (id) {
        out.push({ candidate: i, id, ...titleRange(index, c.text, id) });
        return;
      }
    }
    byTitle.push(c);
    positions.push(i);
  });
  for (const m of matchCandidates(index.titles, byTitle)) {
    const candidate = positions[m.candidate]!;
    const match: PageMatch = { ...m, candidate };
    const shown = candidates[candidate]!;
    const learned = shown.kind === 'title' && shown.arxivId ? parseArxivId(shown.arxivId) : null;
    if (learned && !index.withArxivId.has(m.id)) match.learnedArxivId = learned;
    out.push(match);
  }
  return out.sort((a, b) => a.candidate - b.candidate || a.start - b.start);
}
