/**
 * What the recognition eval's pages share: the page and input types, and planting helpers (which
 * catalog papers to plant, how entries are marked expected or negative, social-post forms).
 */
import type { Paper } from '../../catalog/types';
import type { SiteAdapter } from '../types';
import { truncatedTitle } from './variants';

export interface EvalPage {
  /** Site and page kind, the row of the report ("arxiv listing 2023 (saved)"). */
  name: string;
  adapter: SiteAdapter;
  html: string;
}

export interface EvalInput {
  papers: readonly Paper[];
  /** Real titles that are not in the catalog (negatives). */
  others: readonly string[];
  /** Whether a real entry's own title is a catalog paper (then it is neither planted nor a negative). */
  isCatalogTitle: (text: string) => boolean;
  /** Saved page by file name, or null when the shared pages are absent. */
  saved: (name: string) => string | null;
  /** A real excerpt committed in lib/sites/fixtures, by file name. */
  excerpt: (name: string) => string;
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const expect = (p: Paper) => `data-eval-expect="${p.id}"`;
export const NEG = 'data-eval-negative';

/** Picks `count` papers spread over the catalog, starting at `offset` (the same every run). */
export function pick(papers: readonly Paper[], count: number, offset: number): Paper[] {
  const out: Paper[] = [];
  const step = Math.max(1, Math.floor(papers.length / count));
  for (let i = 0; out.length < count && i < papers.length * 2; i++) out.push(papers[(offset + i * step) % papers.length]!);
  return out;
}

/** Short catalog titles (at most five words): in lowercase prose they are ordinary words, not mentions. */
function shortTitles(papers: readonly Paper[]): Paper[] {
  return papers.filter((p) => p.title.split(' ').length <= 5 && !/\d/.test(p.title));
}

const PROSE = [
  (t: string) => `In practice we keep ${t} in mind when tuning the baseline.`,
  (t: string) => `honestly ${t} is what everyone does now, nothing new here.`,
  (t: string) => `Our reading group talked about ${t} and compute budgets for an hour.`,
];

export function prose(papers: readonly Paper[], count: number, offset: number): string[] {
  return pick(shortTitles(papers), count, offset).map((p, i) => PROSE[i % PROSE.length]!(p.title.toLowerCase()));
}

/** A post that quotes a cut title after a handle, "RT" or a quote mark, with a link after it. */
export function socialCut(p: Paper, i: number): { text: string; link: string } {
  const cut = truncatedTitle(p.title, 6 + (i % 3), i);
  const link = `arxiv.org/abs/2403.${String(10000 + i).slice(1)}`;
  const forms = [`@_akhaliq ${cut}`, `RT @arxiv_cs_lg: ${cut}`, `“${cut}”`, `"${cut}"`, `@ak92501: ${cut}`];
  return { text: forms[i % forms.length]!, link };
}

export function longEnough(p: Paper): boolean {
  return p.title.split(' ').length >= 8;
}

