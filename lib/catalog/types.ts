/** What kind of page a link in an abstract points to; code links are what readers look for first. */
export type LinkKind = 'code' | 'project' | 'other';

/** A URL found in an abstract, cleaned of the sentence punctuation around it. */
export interface PaperLink {
  url: string;
  kind: LinkKind;
  /** Short display name: `owner/repo` for code links, the host (and path) otherwise. */
  label: string;
}

/** One paper as shipped in catalog.json; everything the popup and the card show. */
export interface Paper {
  /** Derived from the normalized title, so it survives rebuilds and re-ordering of seeds. */
  id: string;
  title: string;
  abstract: string;
  tldr: string;
  /** The sentence with the paper's quantitative claim, when it has one. */
  keyResult: string | null;
  links: PaperLink[];
  topics: string[];
  /** Seed files the paper was found in (papers repeat across files). */
  sources: string[];
  /** arXiv identifier, when known (user-saved papers). */
  arxivId?: string;
}

/** Where a stored paper came from: the bundled catalog, or saved by the user from a page. */
export type PaperSource = 'catalog' | 'user';

/** A paper in the database; catalog refreshes replace `catalog` rows and never touch `user` ones. */
export interface StoredPaper extends Paper {
  source: PaperSource;
  /** When the user saved it (user papers only), ms since epoch. */
  savedAt?: number;
  /** The page it was saved from (user papers only). */
  url?: string;
  /** Author names as the page lists them (user papers only; the catalog has none). */
  authors?: string[];
  /** Publication year (user papers only), for citations. */
  year?: number;
  /** The paper's primary arXiv category, such as `cs.LG` (user papers saved from arXiv), for citations. */
  arxivClass?: string;
}

/** The bundled catalog: `version` changes whenever any paper's content changes. */
export interface Catalog {
  version: string;
  papers: Paper[];
}

/** State of the bundled catalog in the database, for status displays. */
export interface CatalogStatus {
  version: string | null;
  papers: number;
  userPapers: number;
  notes: number;
}
