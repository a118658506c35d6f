import { describe, expect, it } from 'vitest';
import { LibraryFileError, MAX_LIBRARY_BYTES } from './file-error';
import { fixture } from './formats/testing';
import { parseLibraryFile } from './parse-library';

/** Characters a message must never carry: controls and the decoder's replacement character. */
const RAW_BYTES = /(?!\n)\p{Cc}|\ufffd/u;

async function failure(fileName: string, input: string | Uint8Array): Promise<LibraryFileError> {
  const error = await parseLibraryFile(fileName, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LibraryFileError);
  const fileError = error as LibraryFileError;
  expect(fileError.message).not.toMatch(RAW_BYTES);
  return fileError;
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

describe('parseLibraryFile: format by content', () => {
  it.each([
    ['refs.bib', fixture('zotero.ris'), 'ris', 3],
    ['export.txt', fixture('arxiv.bib'), 'bibtex', 1],
    ['library.json', fixture('zotero-better-csl.json'), 'csl-json', 5],
    ['anything', '{"title": "A"}\n{"title": "B", "tldr": "b"}\n', 'paperlens-jsonl', 2],
    ['catalog.json', JSON.stringify({ version: 'x', papers: [{ id: 'a', title: 'A', abstract: '', tldr: '' }] }), 'paperlens-json', 1],
  ])('%s is read as what it holds', async (name, text, format, count) => {
    const result = await parseLibraryFile(name, text);
    expect(result.format).toBe(format);
    expect(result.entries).toHaveLength(count);
  });

  it('reads an RIS file with CRLF line ends and a byte-order mark, as text or bytes', async () => {
    const text = `\ufeff${fixture('mendeley.ris').replace(/\n/g, '\r\n')}`;
    const fromText = await parseLibraryFile('mendeley.ris', text);
    const fromBytes = await parseLibraryFile('mendeley.ris', bytes(text));
    for (const result of [fromText, fromBytes]) {
      expect(result.format).toBe('ris');
      expect(result.entries[0]).toMatchObject({ title: 'A constant rate of spontaneous mutation in DNA-based microbes.', year: 1991, line: 1 });
      expect(JSON.stringify(result.entries)).not.toMatch(/\\r|\\ufeff|\ufeff/);
    }
  });

  it('decodes a UTF-16 export with its byte-order mark', async () => {
    const text = '@misc{a, title = {Über Attention}}';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    const { entries } = await parseLibraryFile('windows.bib', utf16);
    expect(entries[0]!.title).toBe('Über Attention');
  });

  it('reads an older export in Windows-1252 rather than losing its accents', async () => {
    const latin1 = bytes('@misc{a, title = {K', [0xfc], 'nstliche Intelligenz}, author = {M', [0xfc], 'ller, J', [0xf6], 'rg}}');
    const { entries } = await parseLibraryFile('old.bib', latin1);
    expect(entries[0]).toMatchObject({ title: 'Künstliche Intelligenz', authors: ['Jörg Müller'] });
  });

  it('lists a JSON Lines line that is not an object as a problem and imports the rest', async () => {
    const { entries, problems } = await parseLibraryFile('papers.jsonl', '{"title": "A"}\nnot json\n{"title": "B"}\n');
    expect(entries.map((e) => e.title)).toEqual(['A', 'B']);
    expect(problems).toEqual([{ line: 2, reason: 'This line is not a JSON object, so it was not imported.' }]);
  });
});

describe('parseLibraryFile: titles', () => {
  it('keeps Chinese, emoji, TeX and decomposed Unicode titles, in NFC', async () => {
    const text = [
      '@misc{zh, title = {注意力机制就是你所需要的}}',
      '@misc{emoji, title = {🚀 Rocket Transformers 🤗}}',
      '@misc{tex, title = {$\\alpha$-Entmax and {\\"O}ber-{\\v{C}}ech Attention: $O(n^2)$}}',
      `@misc{nfd, title = {Re\u0301seaux de Neurones}}`,
      '@misc{symbols, title = {🚀 ✨ —}}',
    ].join('\n');
    const { entries, problems } = await parseLibraryFile('titles.bib', text);
    expect(entries.map((e) => e.title)).toEqual([
      '注意力机制就是你所需要的',
      '🚀 Rocket Transformers 🤗',
      'α-Entmax and Öber-Čech Attention: O(n²)',
      'Réseaux de Neurones',
    ]);
    expect(entries[3]!.title).toBe(entries[3]!.title.normalize('NFC'));
    expect(problems).toEqual([{ line: 5, reason: 'The title “🚀 ✨ —” has no letter or digit, so the paper cannot be recognized; it was not imported.' }]);
  });
});

describe('parseLibraryFile: files that are not a library', () => {
  it('refuses a truncated BibTeX file, naming the line of the cut entry', async () => {
    const whole = fixture('zotero-better-biblatex.bib');
    const cut = whole.slice(0, whole.lastIndexOf('abstract = {') + 40);
    const error = await failure('My Library.bib', cut);
    expect(error.line).toBe(50);
    expect(error.message).toBe(
      '“My Library.bib”, line 50: The file ends inside the entry that starts here, which has no closing “}”: the file looks cut short. Export it again.',
    );
  });

  it('refuses a PDF renamed to .bib', async () => {
    const pdf = bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n<< /Type /Catalog >>\nstream\n', [0x78, 0x9c, 0x00, 0xff, 0x10]);
    const error = await failure('paper.bib', pdf);
    expect(error.message).toMatch(/^“paper\.bib”: is a PDF document, not a library export\./);
  });

  it('refuses binary data, saying where, without echoing it', async () => {
    const binary = bytes('@misc{a, title={A}}\nline two\n', [0x00, 0x01, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1f]);
    const error = await failure('photo.bib', binary);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/is not a text file \(it holds binary data, or text in an encoding other than UTF-8\)/);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const big = new Uint8Array(MAX_LIBRARY_BYTES + 1);
    const error = await failure('huge.bib', big);
    expect(error.message).toBe(
      '“huge.bib”: is 50 MB, more than the 50 MB PaperLens imports at once. Export the library in parts (for example one collection at a time).',
    );
    await failure('huge.bib', 'x'.repeat(MAX_LIBRARY_BYTES + 1));
  });

  it.each([
    ['empty.bib', '', /^“empty\.bib”: is empty\.$/],
    ['blank.ris', ' \n\t\n', /^“blank\.ris”: is empty\.$/],
    ['export.bib', '<!DOCTYPE html>\n<html><body>Export</body></html>', /is a web page \(HTML\), not a library export/],
    ['endnote.xml', '<?xml version="1.0"?><xml><records/></xml>', /is XML, which PaperLens does not read/],
    ['notes.json', '{"format": "paperlens-export", "version": 1, "notes": []}', /is a PaperLens notes export/],
    ['other.json', '{"hello": "world"}', /is JSON, but neither CSL-JSON/],
    ['readme.txt', 'Just some notes about papers I like.\nNothing else.', /is not a library export PaperLens can read/],
    ['comments.bib', '@comment{nothing here}\n@string{a = {b}}', /^“comments\.bib”: holds no entries\.$/],
  ])('refuses %s in words', async (name, text, message) => {
    const error = await failure(name, text);
    expect(error.message).toMatch(message);
  });

  it('refuses broken JSON with the line of the error, and cut-short JSON as such', async () => {
    const broken = await failure('library.json', '[\n  {"title": "A"},\n  {"title": "B" "author": []}\n]');
    expect(broken.line).toBe(3);
    expect(broken.message).toMatch(/^“library\.json”, line 3: is not valid JSON/);
    const cut = await failure('library.json', fixture('zotero-better-csl.json').slice(0, 3000));
    expect(cut.message).toMatch(/ends in the middle: the file looks cut short/);
  });

  it('keeps control characters of a file name out of the message', async () => {
    const error = await failure('evil\u0007\u202ename\ufffd.bib', '');
    expect(error.message).toBe('“evilname.bib”: is empty.');
  });
});

// Parsing thousands of entries takes seconds on a busy two-core machine.
describe('parseLibraryFile: progress and cancel', { timeout: 120_000 }, () => {
  const text = Array.from({ length: 2_000 }, (_, i) => `@misc{k${i}, title = {Synthetic paper ${i}}, year = {2020}}`).join('\n');

  it('reports progress from 0 to the total', async () => {
    const seen: [number, number][] = [];
    const { entries } = await parseLibraryFile('big.bib', text, { onProgress: (done, total) => seen.push([done, total]) });
    expect(entries).toHaveLength(2_000);
    expect(seen[0]).toEqual([0, 2_000]);
    expect(seen.at(-1)).toEqual([2_000, 2_000]);
    expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1]![0])).toBe(true);
  });

  it('stops when aborted, rejecting with the abort reason', async () => {
    const controller = new AbortController();
    let last = 0;
    const parsing = parseLibraryFile('big.bib', text, {
      signal: controller.signal,
      sliceMs: 0,
      onProgress: (done) => {
        last = done;
        if (done >= 256) controller.abort();
      },
    });
    await expect(parsing).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toBeLessThan(2_000);
    await expect(parseLibraryFile('big.bib', text, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('parses a 20,000-entry file', async () => {
    const entries = Array.from(
      { length: 20_000 },
      (_, i) => `@article{key${i},\n  title = {Synthetic Paper Number ${i}},\n  author = {Doe, Jane and Roe, Richard},\n  journal = {Journal ${i % 50}},\n  year = {${2000 + (i % 25)}},\n  eprint = {2101.${String(i).padStart(5, '0')}},\n  archivePrefix = {arXiv}\n}`,
    ).join('\n\n');
    const result = await parseLibraryFile('twenty-thousand.bib', entries);
    expect(result.entries).toHaveLength(20_000);
    expect(result.problems).toEqual([]);
    expect(result.entries[19_999]).toMatchObject({ title: 'Synthetic Paper Number 19999', arxivId: '2101.19999', line: 19_999 * 9 + 1 });
  });
});
