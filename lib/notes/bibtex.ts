import type { StoredPaper } from '../catalog/types';
import { normalizeTitle } from '../match/normalize';
import { paperLink } from './markdown-export';

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** A field value that BibTeX reads back as the same text, with balanced braces whatever the input. */
export function escapeBibtex(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}&%$#_~^]/g, (c) => TEX_SPECIALS[c] ?? c);
}

/** Words that do not make a citation key memorable. */
const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'to', 'in', 'and', 'with', 'towards', 'toward']);

/** ASCII letters only, for keys that every BibTeX tool accepts. */
function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** Last name of "Last, First" or "First Last". */
function lastName(author: string): string {
  const comma = author.indexOf(',');
  if (comma >= 0) return author.slice(0, comma);
  return author.trim().split(/\s+/).pop() ?? '';
}

/** `ammanabrolu2021learning`: first author, year, first significant title word. */
function baseKey(paper: StoredPaper): string {
  const author = ascii(lastName(paper.authors?.[0] ?? ''));
  const word = normalizeTitle(paper.title).split(' ').find((w) => !STOP_WORDS.has(w)) ?? '';
  return `${author}${paper.year ?? ''}${ascii(word)}` || 'paper';
}

/** `2106.09608v2` → `2106.09608`: a citation names the paper, not one of its versions. */
function withoutVersion(arxivId: string): string {
  return arxivId.replace(/v\d+$/, '');
}

/**
 * The primary category: the one arXiv's page named, else, for an old-style id such as
 * `hep-th/9901001` or `math.GT/0309136`, the one the id itself carries.
 */
function primaryClass(paper: StoredPaper): string | undefined {
  return paper.arxivClass ?? /^([a-z-]+(?:\.[A-Z]{2})?)\//.exec(paper.arxivId ?? '')?.[1];
}

/**
 * BibTeX entries for the user's saved papers. Keys are stable: computed from the paper alone
 * (first author, year, title word), so re-exporting gives the same keys.
 *
 * Every entry is `@misc`: PaperLens knows no journal or venue of a saved paper, and `@article`
 * requires one. An arXiv paper is cited as arXiv itself exports it (`eprint`, `archivePrefix`,
 * `primaryClass` when known), which biblatex and natbib styles print as "arXiv:2106.09608 [cs.LG]".
 */
export function toBibtex(papers: StoredPaper[]): string {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const used = new Set<string>();
  const entries = sorted.map((paper) => {
    const base = baseKey(paper);
    // A repeat takes a piece of the paper's own id hash, so its key does not depend on the others.
    const key = used.has(base) ? `${base}${paper.id.slice(-4)}` : base;
    used.add(base);
    const fields: [string, string][] = [['title', `{${escapeBibtex(paper.title)}}`]];
    if (paper.authors?.length) fields.push(['author', paper.authors.map(escapeBibtex).join(' and ')]);
    if (paper.year !== undefined) fields.push(['year', String(paper.year)]);
    if (paper.arxivId) {
      fields.push(['eprint', escapeBibtex(withoutVersion(paper.arxivId))], ['archivePrefix', 'arXiv']);
      const category = primaryClass(paper);
      if (category) fields.push(['primaryClass', escapeBibtex(category)]);
    }
    const url = paperLink(paper);
    if (url) fields.push(['url', url.replace(/[{}\s]/g, encodeURIComponent)]);
    const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
    return `@misc{${key},\n${body}\n}\n`;
  });
  return entries.join('\n');
}
