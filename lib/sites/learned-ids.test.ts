import { describe, expect, it } from 'vitest';
import { buildPageIndex, matchPage, newPagePairings } from '../library/page-index';
import { arxiv } from './arxiv';
import { toCandidates } from './scan';
import { hasSharedPages, scanPage, sharedPage } from './testing';

/**
 * Issue 11: an arXiv id is learned, and acted on, only where the page pairs titles and ids one
 * to one. On the saved arXiv listing (real markup) and on a hostile copy of it whose every
 * entry shows the same id.
 */
const KNOWN = [
  // Known by title only: may learn the id its entry shows.
  { id: 'known-a', title: 'Any2Point: Empowering Any-modality Large Models for Efficient 3D Understanding' },
  { id: 'known-b', title: 'Autoformer: Decomposition Transformers with Auto-Correlation for Long-Term Series Forecasting' },
  // Known by the id the first entry shows (InfiniCity's), under another title.
  { id: 'holder', title: 'A Paper Whose Id The First Entry Shows', arxivId: '2301.09637' },
];
const plant = (html: string) =>
  html
    .replace('HexPlane: A Fast Representation for Dynamic Scenes', KNOWN[0]!.title)
    .replace('Multiview Compressive Coding for 3D Reconstruction', KNOWN[1]!.title);
/** Every entry's abstract and PDF links name the first entry's paper. */
const sameIdEverywhere = (html: string) => html.replace(/arxiv\.org\/(abs|pdf)\/\d{4}\.\d{4,5}(v\d+)?/g, 'arxiv.org/$1/2301.09637v1');

const titleMarks = (matches: { candidate: number; id: string; learnedArxivId?: string }[], kinds: string[]) =>
  matches.filter((m) => kinds[m.candidate] === 'title');

describe.skipIf(!hasSharedPages)('arXiv ids beside listing titles (saved arxiv-list-2023 page)', { timeout: 30_000 }, () => {
  it('teach a known title the id its entry shows, and name the entry of a known id', () => {
    const { scan, matches } = scanPage(plant(sharedPage('arxiv-list-2023.html')), arxiv, { papers: KNOWN });
    const kinds = scan.blocks.map((b) => b.kind);
    const titles = titleMarks(matches, kinds);
    expect(titles.map((m) => [m.id, m.learnedArxivId])).toEqual([
      ['holder', undefined],
      ['known-a', '2301.09632'],
      ['known-b', expect.stringMatching(/^2301\.\d{5}$/)],
    ]);
  });

  it('learn nothing and name no entry by id on a page whose every entry shows the same id', () => {
    const { scan, matches } = scanPage(sameIdEverywhere(plant(sharedPage('arxiv-list-2023.html'))), arxiv, { papers: KNOWN });
    const kinds = scan.blocks.map((b) => b.kind);
    const titles = titleMarks(matches, kinds);
    // The two known titles are themselves; the 198 other entries are not the id's paper.
    expect(titles.map((m) => m.id)).toEqual(['known-a', 'known-b']);
    expect(titles.every((m) => m.learnedArxivId === undefined)).toBe(true);
    // Links do point at the id's paper: those marks are right.
    expect(matches.filter((m) => kinds[m.candidate] === 'link').every((m) => m.id === 'holder')).toBe(true);
  });

  it('keep what one batch saw for the next batches of the same page', () => {
    const index = buildPageIndex(KNOWN);
    const { scan } = scanPage(sameIdEverywhere(plant(sharedPage('arxiv-list-2023.html'))), arxiv, { papers: KNOWN });
    const candidates = toCandidates(scan);
    const pairings = newPagePairings();
    // The page read in batches of one candidate, as a slow page may be: after the first
    // entry, the id has stood beside two titles, and is evidence of nothing.
    const learned = candidates.flatMap((c) => matchPage(index, [c], pairings)).filter((m) => m.learnedArxivId);
    expect(learned).toEqual([]);
    expect(pairings.titlesOfId.get('2301.09637')!.size).toBe(200);
  });
});
