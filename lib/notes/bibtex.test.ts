import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { describePaper } from '../catalog/build';
import type { StoredPaper } from '../catalog/types';
import { toBibtex } from './bibtex';

const saved = (title: string, extra: Partial<StoredPaper>): StoredPaper => ({ ...describePaper(title, 'An abstract.'), source: 'user', ...extra });

const WORLD_MODELS = saved('Learning Knowledge Graph-based World Models of Textual Environments', {
  arxivId: '2106.09608v2',
  arxivClass: 'cs.LG',
  authors: ['Ammanabrolu, Prithviraj', 'Riedl, Mark O.'],
  year: 2021,
  url: 'https://arxiv.org/abs/2106.09608v2',
});

/** Each entry as a BibTeX reader sees it: type, key and fields. */
function read(bib: string) {
  return parse(bib).entries.map((e) => ({ type: e.type, key: e.key, fields: e.fields }));
}

describe('BibTeX export of saved papers', () => {
  it('cites an arXiv preprint as arXiv exports it: @misc with eprint, archivePrefix and primaryClass, never a journal-less @article', () => {
    const bib = toBibtex([WORLD_MODELS]);
    expect(bib).toBe(
      [
        '@misc{ammanabrolu2021learning,',
        '  title = {{Learning Knowledge Graph-based World Models of Textual Environments}},',
        '  author = {Ammanabrolu, Prithviraj and Riedl, Mark O.},',
        '  year = {2021},',
        '  eprint = {2106.09608},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.LG},',
        '  url = {https://arxiv.org/abs/2106.09608v2}',
        '}',
        '',
      ].join('\n'),
    );
    const [entry] = read(bib);
    expect(entry?.type).toBe('misc');
    expect(entry?.fields).toMatchObject({ eprint: '2106.09608', archiveprefix: 'arXiv', primaryclass: 'cs.LG' });
    expect(bib).not.toContain('@article');
    expect(bib).not.toContain('journal');
  });

  it('takes the category from an old-style arXiv id when the page gave none', () => {
    const old = toBibtex([saved('Dualities in String Theory', { arxivId: 'hep-th/9901001', year: 1999 })]);
    expect(old).toContain('  eprint = {hep-th/9901001},\n  archivePrefix = {arXiv},\n  primaryClass = {hep-th},');
    const sub = toBibtex([saved('Knots and Surfaces', { arxivId: 'math.GT/0309136' })]);
    expect(sub).toContain('primaryClass = {math.GT}');
  });

  it('leaves primaryClass out when unknown, and the arXiv fields out for a paper that is not on arXiv', () => {
    const unknown = toBibtex([saved('A New-Style Preprint', { arxivId: '2405.04517' })]);
    expect(unknown).toContain('archivePrefix = {arXiv}');
    expect(unknown).not.toContain('primaryClass');
    const elsewhere = toBibtex([saved('A Paper on a Lab Page', { url: 'https://example.org/paper.pdf', year: 2020 })]);
    expect(read(elsewhere)[0]).toMatchObject({ type: 'misc', fields: { url: 'https://example.org/paper.pdf' } });
    expect(elsewhere).not.toMatch(/eprint|archivePrefix/);
  });
});
