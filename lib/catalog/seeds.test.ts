import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeedDir } from './read-seeds';
import { parseSeedFile, SeedError } from './seeds';

const seeds = readSeedDir('seeds');
const seed = (prefix: string) => seeds.find((f) => f.name.startsWith(prefix))!;

/** Independent count of the entries in a file: non-chrome lines, two per paper. */
const EXPECTED_ENTRIES: Record<string, number> = { '000': 27, '001': 196, '002': 67, '003': 62, '004': 53 };

describe('parseSeedFile on the real seed files', () => {
  it('reads all five files', () => {
    expect(seeds.map((f) => f.name.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  it.each(Object.entries(EXPECTED_ENTRIES))('file %s yields %i title/abstract pairs', (prefix, count) => {
    const entries = parseSeedFile(seed(prefix).text, seed(prefix).name);
    expect(entries).toHaveLength(count);
    for (const e of entries) {
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.title).not.toMatch(/^(Subscribe|new|Daily Papers)/);
      expect(e.abstract.split(' ').length).toBeGreaterThanOrEqual(25);
    }
  });

  it('un-glues the first title of 001 from "Subscribe" and keeps its line number', () => {
    const [first] = parseSeedFile(seed('001').text, seed('001').name);
    expect(first!.title).toBe('Coordinate Transformer: Achieving Single-stage Multi-person Mesh Recovery from Videos');
    expect(first!.line).toBe(3);
    expect(first!.abstract).toMatch(/^Multi-person 3D mesh recovery/);
  });

  it('skips the page chrome and date lines of the blank-line files', () => {
    const [first] = parseSeedFile(seed('000').text, seed('000').name);
    expect(first!.title).toBe('ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs');
    expect(first!.line).toBe(11);
    const [first4] = parseSeedFile(seed('004').text, seed('004').name);
    expect(first4!.title).toBe('Pretraining Data Mixtures Enable Narrow Model Selection Capabilities in Transformer Models');
  });

  it('reads the files byte for byte as shipped in ../shared when it is there', () => {
    const shared = '../shared/seeds';
    for (const f of seeds) {
      let original: string;
      try {
        original = readFileSync(`${shared}/${f.name}`, 'utf8');
      } catch {
        return;
      }
      expect(f.text).toBe(original);
    }
  });
});

describe('parseSeedFile on malformed input', () => {
  const abstract = 'word '.repeat(40).trim() + '.';

  it('names the file and line of a title without abstract', () => {
    const text = `Subscribe\n\nA Title\n\n${abstract}\n\nAnother Title\n\nYet Another Title\n\n${abstract}\n`;
    expect(() => parseSeedFile(text, 'bad.txt')).toThrow(SeedError);
    expect(() => parseSeedFile(text, 'bad.txt')).toThrow(/^bad\.txt:9: expected the abstract of "Another Title"/);
  });

  it('names the line of a paragraph where a title should be', () => {
    const text = `A Title\n${abstract}\n${abstract}\nTitle\n`;
    expect(() => parseSeedFile(text, 'bad.txt')).toThrow(/^bad\.txt:3: expected a paper title, found a paragraph/);
  });

  it('reports a last title with nothing after it', () => {
    expect(() => parseSeedFile(`A Title\n${abstract}\nDangling Title\n`, 'cut.txt')).toThrow(
      /^cut\.txt:3: title "Dangling Title" has no abstract/,
    );
  });

  it('rejects empty and binary files', () => {
    expect(() => parseSeedFile('Subscribe\nnew\n', 'empty.txt')).toThrow(/^empty\.txt:1: no papers/);
    expect(() => parseSeedFile('A\u0000B', 'bin.txt')).toThrow(/NUL byte/);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const entries = parseSeedFile(`\uFEFFA Title\r\n${abstract}\r\n`, 'crlf.txt');
    expect(entries).toEqual([{ title: 'A Title', abstract, file: 'crlf.txt', line: 1 }]);
  });
});
