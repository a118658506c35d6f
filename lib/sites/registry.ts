import { alphaxiv } from './alphaxiv';
import { arxiv } from './arxiv';
import { generic } from './generic';
import { github } from './github';
import { hackernews } from './hackernews';
import { huggingface } from './huggingface';
import { openreview } from './openreview';
import { reddit } from './reddit';
import { scholar } from './scholar';
import { semanticscholar } from './semanticscholar';
import type { SiteAdapter } from './types';
import { x } from './x';

/** A site PaperLens runs on by default; the options page lists these to switch off. */
export interface SiteInfo {
  id: string;
  label: string;
  /** Manifest match patterns; `*://` so local http copies of the sites work in tests. */
  patterns: readonly string[];
}

/** Which default sites the user switched off, and which other origins they opted into. */
export interface SiteSettings {
  /** Ids from {@link SITES}. */
  disabled: string[];
  /** Origins such as `https://example.org`, each granted as an optional host permission. */
  custom: string[];
}

/** Adapters in priority order: the first whose `matches(url)` is true handles the page. */
export const ADAPTERS: readonly SiteAdapter[] = [
  arxiv,
  huggingface,
  scholar,
  semanticscholar,
  openreview,
  alphaxiv,
  github,
  hackernews,
  reddit,
  x,
];

/** The default sites, as plain data for the options page and the manifest. */
export const SITES: readonly SiteInfo[] = ADAPTERS.map(({ id, label, patterns }) => ({ id, label, patterns }));

/** Every default match pattern, for the content script's static registration. */
export const DEFAULT_PATTERNS: readonly string[] = SITES.flatMap((s) => s.patterns);

/** The adapter for a page: its site's, or the generic text scanner on opted-in origins. */
export function adapterFor(url: URL): SiteAdapter {
  return ADAPTERS.find((a) => a.matches(url)) ?? generic;
}

/** The manifest match pattern granting one opted-in origin (`https://example.org` → `https://example.org/*`). */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
