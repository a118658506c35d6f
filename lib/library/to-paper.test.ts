import { describe, expect, it } from 'vitest';
import { paperId } from '../catalog/id';
import { parseLibraryFile } from './parse-library';
import { toPaper } from './to-paper';

describe('toPaper', () => {
  it("gives an imported paper the catalog's id for its title, however the file spells it", async () => {
    const { entries } = await parseLibraryFile('refs.bib', '@inproceedings{v, title = {Attention Is {All} You Need}, year = 2017}');
    expect(toPaper(entries[0]!).id).toBe(paperId('Attention Is All You Need'));
    expect(toPaper(entries[0]!).id).toBe(paperId('attention is all you need.'));
  });

  it('keeps every field the entry has and leaves out the ones it lacks', () => {
    expect(
      toPaper({
        title: 'BERT',
        authors: ['Jacob Devlin'],
        year: 2019,
        venue: 'NAACL',
        doi: '10.18653/v1/n19-1423',
        arxivId: '1810.04805',
        url: 'https://arxiv.org/abs/1810.04805',
        abstract: 'We introduce BERT.',
        tags: ['nlp'],
        tldr: 'Bidirectional pre-training.',
        key: 'devlin2019',
        line: 7,
      }),
    ).toEqual({
      id: paperId('BERT'),
      title: 'BERT',
      authors: ['Jacob Devlin'],
      year: 2019,
      venue: 'NAACL',
      doi: '10.18653/v1/n19-1423',
      arxivId: '1810.04805',
      url: 'https://arxiv.org/abs/1810.04805',
      abstract: 'We introduce BERT.',
      tags: ['nlp'],
      tldr: 'Bidirectional pre-training.',
    });
    expect(toPaper({ title: 'Only a title', authors: [], tags: [], line: 1 })).toEqual({
      id: paperId('Only a title'),
      title: 'Only a title',
      authors: [],
      abstract: '',
      tags: [],
    });
  });
});
