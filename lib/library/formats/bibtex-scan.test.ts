import { describe, expect, it } from 'vitest';
import { isClosed, nameChunks, proseChunks, scanEntry, splitEntries } from './bibtex-scan';

describe('splitEntries', () => {
  it('cuts the file at each @type{ at a line start, with lines, types and whether each closes', () => {
    const text = 'header text\n@String{x = {y}}\n\n  @ARTICLE{a,\n title = {@not a start}\n}\n@misc(b, title = {B})\n@misc{c, title = {cut';
    const segments = splitEntries(text);
    expect(segments.map((s) => [s.type, s.line, isClosed(s)])).toEqual([
      ['string', 2, true],
      ['article', 4, true],
      ['misc', 7, true],
      ['misc', 8, false],
    ]);
    expect(segments[1]!.text).toBe('  @ARTICLE{a,\n title = {@not a start}\n}\n');
  });

  it('counts lines through CRLF files', () => {
    expect(splitEntries('% c\r\n\r\n@misc{a, title={A}}\r\n@misc{b, title={B}}').map((s) => s.line)).toEqual([3, 4]);
  });
});

describe('scanEntry', () => {
  it('finds fields, braced, quoted, bare and concatenated, with the inner text of single values', () => {
    const scanned = scanEntry('@article{key:1,\n  Title = {A {B} \\} c},\n  author="Doe, J. {\\"o}",\n  month = jun,\n  journal = jmlr # " x",\n}');
    expect(scanned).toEqual({
      type: 'article',
      key: 'key:1',
      fields: [
        { name: 'title', raw: '{A {B} \\} c}', inner: 'A {B} \\} c' },
        { name: 'author', raw: '"Doe, J. {\\"o}"', inner: 'Doe, J. {\\"o}' },
        { name: 'month', raw: 'jun' },
        { name: 'journal', raw: 'jmlr # " x"' },
      ],
    });
  });

  it('gives up (null) where the library should decide: a missing comma, brace or equals sign', () => {
    expect(scanEntry('@article{a, title = {A} author = {B}}')).toBeNull();
    expect(scanEntry('@article{a, title = {A}')).toBeNull();
    expect(scanEntry('@article{a, title {A}}')).toBeNull();
    expect(scanEntry('@article{a title = {A}}')).toBeNull();
  });
});

describe('proseChunks / nameChunks', () => {
  it('cuts prose only at spaces outside braces and math, and never between a command and its argument', () => {
    const tex = 'one two {three four five} $a + b = c$ \\emph {six} seven';
    const pieces = proseChunks(tex, 5);
    expect(pieces).toEqual(['one', 'two', '{three four five}', '$a + b = c$', '\\emph {six}', 'seven']);
    expect(proseChunks(tex, 1000)).toEqual([tex]);
  });

  it('cuts name lists only at a top-level "and"', () => {
    expect(nameChunks('Doe, J. and {Smith and Sons} and Anderson, A. and Roe, R.', 20)).toEqual([
      'Doe, J.',
      '{Smith and Sons}',
      'Anderson, A.',
      'Roe, R.',
    ]);
    expect(nameChunks('Doe, J. and Roe, R.', 200)).toEqual(['Doe, J. and Roe, R.']);
  });
});
