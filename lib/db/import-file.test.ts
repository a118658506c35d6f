import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { describeImported, LibraryFileError, MAX_LIBRARY_BYTES } from '../library';
import { importLibraryFile } from './import-file';
import { describeImportedPapers, setsToDescribe } from './library-describe';
import { saveNote } from './notes';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

const catalog = buildCatalog(readSeedDir('seeds'));
let db!: PaperLensDB;
useFreshDb('import-file', (fresh) => (db = fresh), catalog);

const ZOTERO = readFileSync('lib/library/fixtures/zotero-better-biblatex.bib', 'utf8');

async function snapshot(d: PaperLensDB) {
  return {
    papers: await d.papers.count(),
    notes: await d.notes.toArray(),
    sets: await d.sets.toArray(),
    settings: await d.settings.toArray(),
  };
}

describe('importLibraryFile', () => {
  it('reads and writes a real export, reporting each phase, and leaves the TL;DRs for after the write', async () => {
    const phases = new Set<string>();
    const result = await importLibraryFile(db, 'My Library.bib', ZOTERO, { onProgress: (phase) => phases.add(phase), now: 3 });
    expect(result).toMatchObject({ format: 'bibtex', entries: 4, added: 4, problems: [], count: 4 });
    expect([...phases]).toEqual(['read', 'match', 'write']);
    expect(await db.sets.get('My Library.bib')).toEqual({ id: 'My Library.bib', name: 'My Library.bib', format: 'bibtex', count: 4, importedAt: 3 });
    const withAbstract = (await db.papers.where('sets').equals('My Library.bib').toArray()).filter((p) => p.abstract);
    expect(result.toDescribe).toBe(withAbstract.length);
    expect(withAbstract.map((p) => p.tldr)).toEqual(withAbstract.map(() => ''));
    expect(await setsToDescribe(db)).toEqual(['My Library.bib']);
    expect(await describeImportedPapers(db)).toBe(withAbstract.length);
    const described = await db.papers.bulkGet(withAbstract.map((p) => p.id));
    expect(described.map((p) => p!.tldr)).toEqual(withAbstract.map((p) => describeImported(p).tldr));
    expect(described.every((p) => p!.tldr.length > 20)).toBe(true);
    expect(await setsToDescribe(db)).toEqual([]);
  });

  it('updates the set the caller names from a file of another name', async () => {
    await importLibraryFile(db, 'My Library.bib', ZOTERO, { now: 3 });
    const result = await importLibraryFile(db, 'My Library (2).bib', ZOTERO, { setId: 'My Library.bib', now: 4 });
    expect(result).toMatchObject({ added: 0, updated: 4, count: 4 });
    expect(await db.sets.toArray()).toEqual([{ id: 'My Library.bib', name: 'My Library (2).bib', format: 'bibtex', count: 4, importedAt: 4 }]);
  });

  it('reads RIS with CRLF line ends and a byte-order mark, and titles in Chinese or with emoji (made up)', async () => {
    const ris = '\uFEFFTY  - JOUR\r\nTI  - 基于深度学习的图像识别研究\r\nAU  - 王, 伟\r\nPY  - 2021\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Emoji in titles 🚀: a study\r\nDO  - 10.1000/rocket\r\nER  - \r\n';
    const result = await importLibraryFile(db, 'chinese.ris', new TextEncoder().encode(ris));
    expect(result).toMatchObject({ format: 'ris', entries: 2, added: 2, problems: [] });
    const titles = (await db.papers.where('sets').equals('chinese.ris').toArray()).map((p) => p.title).sort();
    expect(titles).toEqual(['Emoji in titles 🚀: a study', '基于深度学习的图像识别研究']);
  });

  it('lists entries it cannot read with their line, and imports the rest', async () => {
    const text = `${ZOTERO}\n@article{notitle,\n  author = {Nobody},\n  year = {2020}\n}\n`;
    const result = await importLibraryFile(db, 'My Library.bib', text);
    expect(result.added).toBe(4);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.line).toBe(ZOTERO.split('\n').length + 1);
    expect(result.problems[0]!.reason).toMatch(/title/i);
  });

  const pdf = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 0, 159, 146, 150, 0, 255]);
  const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
  const cases: [string, string, Uint8Array | string][] = [
    ['a BibTeX file cut short', 'cut.bib', ZOTERO.slice(0, Math.floor(ZOTERO.length * 0.6))],
    ['a PDF renamed .bib', 'paper.bib', pdf],
    ['binary data', 'data.bib', binary],
    ['a file over 50 MB', 'huge.bib', new Uint8Array(MAX_LIBRARY_BYTES + 1).fill(0x41)],
  ];
  for (const [what, name, input] of cases) {
    it(`changes nothing and says what is wrong for ${what}`, async () => {
      await importLibraryFile(db, 'first.bib', ZOTERO);
      await saveNote(db, { paperId: catalog.papers[0]!.id, text: 'mine' });
      const before = await snapshot(db);
      const error = await importLibraryFile(db, name, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LibraryFileError);
      const message = (error as Error).message;
      expect(message).toContain(name);
      // Words, not the file's bytes.
      expect(message).not.toMatch(/%PDF|obj|\uFFFD/);
      expect([...message].filter((c) => c.charCodeAt(0) < 32)).toEqual([]);
      expect(message.length).toBeLessThan(300);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('writes nothing when cancelled while writing', async () => {
    const before = await snapshot(db);
    const controller = new AbortController();
    const many = Array.from({ length: 300 }, (_, i) => `@article{k${i},\n  title = {Generated Paper ${i}},\n  abstract = {We propose method ${i}. It improves accuracy by ${i}% on the benchmark. We release code.}\n}`).join('\n');
    const run = importLibraryFile(db, 'many.bib', many, {
      sliceMs: 0,
      onProgress: (phase, done) => {
        if (phase === 'write' && done > 0) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(await snapshot(db)).toEqual(before);
  });
});
