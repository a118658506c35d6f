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

/**
 * Why a stored paper is in the database, strongest claim first: saved by the user from a page
 * (`user`), in an imported library file (`library`), opened by the user (`visit`, kept for the
 * reading history), or only in the bundled catalog (`catalog`). Catalog refreshes replace
 * `catalog` rows and never touch the others.
 */
export type PaperSource = 'catalog' | 'user' | 'library' | 'visit';

/** A paper in the database; catalog refreshes replace `catalog` rows and never touch the others. */
export interface StoredPaper extends Paper {
  source: PaperSource;
  /**
   * What the paper is known by (`identityKeys` of lib/library: `arxiv:…`, `doi:…`, `title:…`),
   * indexed, so a paper reaching PaperLens from an import, a save or a visit finds its record.
   */
  keys?: string[];
  /** The import sets (lib/library `ImportSet` ids) that hold this paper. */
  sets?: string[];
  /** The bundled catalog has this paper too (on a non-catalog row), so it falls back to a catalog row. */
  inCatalog?: boolean;
  /** Canonical DOI, when known (imports, visits). */
  doi?: string;
  /** Journal or proceedings, when known (imports). */
  venue?: string;
  /** The library file's keywords. */
  tags?: string[];
  /** When the user saved it (user papers only), ms since epoch. */
  savedAt?: number;
  /** The page it was saved from, or its address in the imported file. */
  url?: string;
  /** Author names as the page or file lists them (the catalog has none). */
  authors?: string[];
  /** Publication year (not for catalog papers), for citations. */
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
