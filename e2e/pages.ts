import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCatalog } from '../lib/catalog/build';
import { readSeedDir } from '../lib/catalog/read-seeds';
import type { Paper } from '../lib/catalog/types';

// The web pages and catalog papers both real-browser suites (Chromium in e2e/, Firefox in
// e2e-firefox/) serve and look for.

/** Folder of real saved pages beside the checkout; tests that need it skip when it is absent. */
export const SHARED_PAGES = resolve('..', 'shared', 'fixtures', 'pages');
export const hasSharedPages = existsSync(SHARED_PAGES);

/** A saved page from SHARED_PAGES, e.g. `arxiv-list-2023.html`. */
export const sharedPage = (name: string): string => readFileSync(resolve(SHARED_PAGES, name), 'utf8');

/** The catalog the build ships, built from the same seeds. */
export const catalog = buildCatalog(readSeedDir(resolve('seeds')));

/** The catalog paper whose title starts with `start`. */
export function catalogPaper(start: string): Paper {
  const paper = catalog.papers.find((p) => p.title.startsWith(start));
  if (!paper) throw new Error(`no catalog paper starts with "${start}"`);
  return paper;
}

/** An arXiv abstract page in arxiv.org's markup, with page CSS that tries to restyle everything. */
export const arxivAbsPage = (paper: Paper): string => `<!doctype html><html><head><title>[2106.13008] ${paper.title}</title>
<style>* { color: red !important; font-size: 40px !important; } iframe { display: none !important; }</style></head>
<body><div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>${paper.title}</h1>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span> Long text.</blockquote>
</div></body></html>`;

/** A paper that is not in the catalog: the saved arXiv abstract page in the shared fixtures. */
export const NON_CATALOG = {
  title: 'Learning Knowledge Graph-based World Models of Textual Environments',
  url: 'http://arxiv.org/abs/2106.09608',
} as const;

/** NON_CATALOG's abstract page: the real saved one when present, else one with the same meta tags and abstract block. */
export function nonCatalogAbsPage(): string {
  if (hasSharedPages) return sharedPage('arxiv-abs-2021.html');
  const { title } = NON_CATALOG;
  return `<!doctype html><html><head>
<meta name="citation_title" content="${title}"/>
<meta name="citation_author" content="Ammanabrolu, Prithviraj"/>
<meta name="citation_author" content="Riedl, Mark O."/>
<meta name="citation_date" content="2021/06/17"/>
<meta name="citation_arxiv_id" content="2106.09608"/>
</head><body><div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>${title}</h1>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span> World models improve a learning agent's
ability to efficiently operate in interactive and situated environments. This work focuses on the task of building
world models of text-based game environments.</blockquote></div></body></html>`;
}

/** An arXiv listing in the 2023 markup (`/list/<category>/new`) with these titles, in order. */
export function arxivListing(titles: readonly string[]): string {
  const entries = titles.map(
    (title, i) => `<dt><a href="/abs/2401.0000${i}">arXiv:2401.0000${i}</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span>
  ${title}
</div></div></dd>`,
  );
  return `<!doctype html><html><body><div id="dlpage"><dl>\n${entries.join('\n')}\n</dl></div></body></html>`;
}
