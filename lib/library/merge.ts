/**
 * One paper, one record. The catalog, an import, a save and a visit each bring part of what is
 * known about a paper; these rules fold the parts into one record that loses nothing any part
 * had, and `groupByIdentity` finds which records are parts of the same paper.
 */
import { normalizeTitle } from '../match/normalize';
import { identityKeys, IDENTITY_KIND, parseArxivId, parseDoi, type IdentifiedPaper } from './identity';

/** The fields merging knows about; a record may carry more (they are kept from `existing`). */
export interface MergeablePaper extends IdentifiedPaper {
  authors?: string[];
  year?: number;
  venue?: string;
  url?: string;
  abstract?: string;
  tags?: string[];
  tldr?: string;
}

/** Venues that only say "this is a preprint"; a published venue is more useful than these. */
const PREPRINT_VENUE = /^\s*(?:arxiv|corr|biorxiv|medrxiv|ssrn|preprint)\b|\barxiv preprint\b|\be-?prints?\b/i;

function isPreprintVenue(venue: string): boolean {
  return PREPRINT_VENUE.test(venue);
}

/** "Vaswani, Ashish" and "Ashish Vaswani" and "A. Vaswani": family name plus first initial. */
function authorKey(name: string): string {
  const comma = name.indexOf(',');
  const ordered = comma >= 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  const words = normalizeTitle(ordered).split(' ').filter(Boolean);
  if (words.length === 0) return name.trim().toLowerCase();
  const family = words[words.length - 1]!;
  return words.length > 1 ? `${family} ${words[0]![0]}` : family;
}

/** Both lists in `existing`'s order; a name both have keeps its fuller spelling ("Ashish" over "A."). */
function mergeAuthors(existing: string[], incoming: string[]): string[] {
  const out = [...existing];
  const at = new Map(out.map((name, i) => [authorKey(name), i]));
  for (const name of incoming) {
    const key = authorKey(name);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(name);
    } else if (name.length > out[i]!.length) {
      out[i] = name;
    }
  }
  return out;
}

/** Both tag lists, without case-only repeats; the first spelling wins. */
function mergeTags(existing: string[], incoming: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of [...existing, ...incoming]) {
    const key = tag.trim().toLocaleLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(tag.trim());
  }
  return out;
}

function longer(a: string | undefined, b: string | undefined): string | undefined {
  if (!b?.trim()) return a;
  if (!a?.trim()) return b;
  return b.trim().length > a.trim().length ? b : a;
}

/**
 * `existing` updated with what `incoming` adds; `existing` keeps its id and any field the
 * rules do not name. The rules:
 * - the richer (longer) abstract wins;
 * - authors and tags are the union of both lists, in `existing`'s order;
 * - a field only one side has is kept (title, year, venue, url, TL;DR, ids);
 * - a published venue replaces a preprint one (arXiv, CoRR), and brings its year;
 * - a publisher DOI replaces arXiv's DOI (`10.48550/…`), whose arXiv id is kept in `arxivId`.
 */
export function mergePapers<T extends MergeablePaper>(existing: T, incoming: MergeablePaper): T {
  const out: T = { ...existing };
  if (!out.title?.trim() && incoming.title?.trim()) out.title = incoming.title;

  const abstract = longer(existing.abstract, incoming.abstract);
  if (abstract !== undefined) out.abstract = abstract;
  if (existing.authors || incoming.authors) out.authors = mergeAuthors(existing.authors ?? [], incoming.authors ?? []);
  if (existing.tags || incoming.tags) out.tags = mergeTags(existing.tags ?? [], incoming.tags ?? []);

  const takeVenue =
    incoming.venue?.trim() && (!existing.venue?.trim() || (isPreprintVenue(existing.venue) && !isPreprintVenue(incoming.venue)));
  if (takeVenue) {
    out.venue = incoming.venue;
    if (incoming.year !== undefined) out.year = incoming.year;
  }
  if (out.year === undefined && incoming.year !== undefined) out.year = incoming.year;
  if (!out.url && incoming.url) out.url = incoming.url;
  if (!out.tldr && incoming.tldr) out.tldr = incoming.tldr;

  const oldDoi = existing.doi ? parseDoi(existing.doi) : null;
  const newDoi = incoming.doi ? parseDoi(incoming.doi) : null;
  if (newDoi && (!oldDoi || (oldDoi.arxivId && !newDoi.arxivId))) out.doi = newDoi.doi;
  const arxivId =
    (existing.arxivId && parseArxivId(existing.arxivId)) ||
    (incoming.arxivId && parseArxivId(incoming.arxivId)) ||
    oldDoi?.arxivId ||
    newDoi?.arxivId;
  if (arxivId) out.arxivId = arxivId;
  return out;
}

/**
 * Records that are the same paper, grouped: two records are one paper when they share an arXiv
 * id, a DOI or a normalized title, directly or through a third (union-find). A shared title does
 * not join two records whose arXiv ids differ: those are two papers that happen to share a name.
 * Groups come in order of their first record; records within a group keep their input order.
 */
export function groupByIdentity<T extends IdentifiedPaper>(papers: readonly T[]): T[][] {
  const parent = papers.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    for (let j = i; parent[j] !== root; ) {
      const next = parent[j]!;
      parent[j] = root;
      j = next;
    }
    return root;
  };
  const arxivPrefix = `${IDENTITY_KIND.arxiv}:`;
  const titlePrefix = `${IDENTITY_KIND.title}:`;
  const keys = papers.map((p) => identityKeys(p));
  const arxivOf: (string | undefined)[] = keys.map((k) => k.find((key) => key.startsWith(arxivPrefix)));
  const union = (a: number, b: number, guarded: boolean) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (guarded && arxivOf[ra] && arxivOf[rb] && arxivOf[ra] !== arxivOf[rb]) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    arxivOf[root] ??= arxivOf[child];
  };
  const owner = new Map<string, number>();
  // Ids first, so a title union knows every arXiv id its two sides already carry.
  for (const idsOnly of [true, false]) {
    keys.forEach((list, i) => {
      for (const key of list) {
        if (key.startsWith(titlePrefix) === idsOnly) continue;
        const first = owner.get(key);
        if (first === undefined) owner.set(key, i);
        else union(first, i, !idsOnly);
      }
    });
  }
  const groups = new Map<number, T[]>();
  papers.forEach((paper, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(paper);
    else groups.set(root, [paper]);
  });
  return [...groups.values()];
}

/** Only the groups with more than one record: the duplicates to merge. */
export function findDuplicates<T extends IdentifiedPaper>(papers: readonly T[]): T[][] {
  return groupByIdentity(papers).filter((group) => group.length > 1);
}

/** Each group folded into its first record with `mergePapers`: one record per paper. */
export function mergeByIdentity<T extends MergeablePaper>(papers: readonly T[]): T[] {
  return groupByIdentity(papers).map((group) => group.slice(1).reduce((merged, next) => mergePapers(merged, next), group[0]!));
}
