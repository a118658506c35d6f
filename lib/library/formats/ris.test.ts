import { describe, expect, it } from 'vitest';
import { readRis } from './ris';
import { fixture, readAll } from './testing';

const read = (text: string) => readAll(readRis, text);

describe('readRis on real exports', () => {
  it('reads a Mendeley export: N2 abstract, comma-packed keywords, DOI in a URL, year with month', () => {
    const { entries, problems } = read(fixture('mendeley.ris'));
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      title: 'A constant rate of spontaneous mutation in DNA-based microbes.',
      authors: ['John W. Drake'],
      year: 1991,
      venue: 'Proceedings of the National Academy of Sciences of the United States of America',
      doi: '10.1073/pnas.88.16.7160',
      url: 'http://www.pubmedcentral.nih.gov/articlerender.fcgi?artid=52253',
      key: 'Drake1991',
      line: 1,
    });
    expect(entries[0]!.abstract).toMatch(/^In terms of evolution and fitness, .* further reducing mutation rates\.$/);
    expect(entries[0]!.tags).toContain('Escherichia coli: genetics');
    expect(entries[0]!.tags).toHaveLength(25);
  });

  it('reads a Zotero export: T2 venues, DA dates, accented names', () => {
    const { entries } = read(fixture('zotero.ris'));
    expect(entries.map((e) => [e.line, e.year, e.doi])).toEqual([
      [1, 2017, '10.1109/icmic.2017.8321703'],
      [14, 2021, '10.1007/s12517-021-09229-y'],
      [29, 2023, '10.1007/s12665-023-11072-1'],
    ]);
    expect(entries[0]!.venue).toBe('2017 9th International Conference on Modelling, Identification and Control (ICMIC)');
    expect(entries[2]!.authors).toEqual(['Hatice Öncel Çekim', 'Hatice Nur Karakavak', 'Gamze Özel', 'Senem Tekin']);
  });

  it('joins values wrapped onto indented continuation lines', () => {
    const { entries } = read(fixture('wrapped-lines.ris'));
    expect(entries.map((e) => e.title)).toEqual([
      'MixHop: Higher-Order Graph Convolutional Architectures via Sparsified Neighborhood Mixing',
      'Large scale application of neural network based semantic role labeling for automated relation extraction from biomedical texts',
      'Laplacian Eigenmaps for Dimensionality Reduction and Data Representation',
    ]);
    expect(entries[0]!.abstract).toMatch(/^Existing popular methods for semi-supervised learning with Graph Neural Networks \(such as/);
    expect(entries[0]!.abstract).not.toMatch(/\s{2}/);
    expect(entries[1]!.authors).toContain('V Stümpflen');
    expect(entries[2]).toMatchObject({ venue: 'Neural Computation', year: 2003, line: 51 });
  });

  it('reads records without blank lines between them, BT venues and ID keys', () => {
    const { entries } = read(fixture('scholar-keys.ris'));
    expect(entries.map((e) => [e.key, e.line, e.venue])).toEqual([
      ['crea2012development', 1, 'Engineering in Medicine and Biology Society (EMBC)'],
      ['kong2009gait', 21, 'IEEE/ASME Transactions on mechatronics'],
      ['ugulino2012wearable', 35, 'Advances in Artificial Intelligence, SBIA'],
    ]);
    expect(entries[0]!.authors).toContain('P. Reberšek');
    expect(entries[2]!.title).toBe('Wearable computing: Accelerometers’ data classification of body postures and movements');
  });
});

describe('readRis', () => {
  it('reads CRLF line ends', () => {
    const crlf = fixture('zotero.ris').replace(/\n/g, '\r\n');
    const { entries } = read(crlf);
    expect(entries.map((e) => e.title)).toEqual(read(fixture('zotero.ris')).entries.map((e) => e.title));
    expect(entries[0]!.title).not.toMatch(/\r/);
  });

  it('finds arXiv ids in URLs, DOIs and notes', () => {
    const { entries } = read(
      [
        'TY  - JOUR', 'TI  - A', 'UR  - https://arxiv.org/abs/2403.01234v2', 'ER  - ',
        'TY  - JOUR', 'TI  - B', 'DO  - 10.48550/arXiv.2101.00001', 'ER  - ',
        'TY  - JOUR', 'TI  - C', 'N1  - arXiv:1810.04805 [cs]', 'ER  - ',
        'TY  - JOUR', 'TI  - D', 'DO  - https://doi.org/10.1002/aisy.202300042', 'ER  - ',
      ].join('\n'),
    );
    expect(entries.map((e) => [e.title, e.arxivId, e.doi])).toEqual([
      ['A', '2403.01234', undefined],
      ['B', '2101.00001', '10.48550/arxiv.2101.00001'],
      ['C', '1810.04805', undefined],
      ['D', undefined, '10.1002/aisy.202300042'],
    ]);
  });

  it('reports a record without a title with its line, and ends a record missing its ER at the next TY', () => {
    const { entries, problems } = read(['TY  - JOUR', 'AU  - Nobody', 'ID  - untitled', 'TY  - JOUR', 'T1  - Second', 'A1  - Doe, Jane'].join('\n'));
    expect(entries).toEqual([{ title: 'Second', authors: ['Jane Doe'], tags: [], line: 4 }]);
    expect(problems).toEqual([{ line: 1, reason: 'The entry “untitled” has no title, so it was not imported.' }]);
  });

  it('takes one keyword per KW line, splitting only on semicolons', () => {
    const { entries } = read(['TY  - JOUR', 'TI  - T', 'KW  - Models, Psychological', 'KW  - a; b', 'ER  - '].join('\n'));
    expect(entries[0]!.tags).toEqual(['Models, Psychological', 'a', 'b']);
  });
});
