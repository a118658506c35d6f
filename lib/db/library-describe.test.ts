import { describe, expect, it } from 'vitest';
import { describeImported, toPaper, undescribed, type LibraryEntry } from '../library';
import { describeImportedPapers, setsToDescribe } from './library-describe';
import { removeImportSet, writeImportedPapers, type ImportSetInfo } from './library-import';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';
import { useFreshDb } from './testing';

let db!: PaperLensDB;
useFreshDb('library-describe', (fresh) => (db = fresh));

const SET: ImportSetInfo = { id: 'refs.bib', name: 'refs.bib', format: 'bibtex' };

function entry(i: number, more: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    title: `Sparse Mixtures of Experts for Long Context Number ${i}`,
    authors: [],
    tags: [],
    line: i,
    abstract: `We propose method ${i} for long-context language models. It reduces memory by ${i + 2}x on the benchmark while keeping accuracy. Code is at https://github.com/org/repo${i}.`,
    ...more,
  };
}

// Summarizing hundreds of abstracts (to cross batches) takes seconds on a loaded machine.
describe('describeImportedPapers', { timeout: 30_000 }, () => {
  it('writes the TL;DR, key result, links and topics an import left for later, as describeImported makes them', async () => {
    const papers = Array.from({ length: 250 }, (_, i) => undescribed(toPaper(entry(i))));
    papers.push(undescribed(toPaper(entry(1000, { abstract: undefined }))), undescribed(toPaper(entry(1001, { tldr: 'From the file.' }))));
    const summary = await writeImportedPapers(db, papers, { set: SET });
    expect(summary.toDescribe).toBe(250);
    expect(papers[250]!.topics).toEqual(describeImported(toPaper(entry(1000, { abstract: undefined }))).topics);
    const revision = await getRevision(db, 'papers');
    const progress: [number, number][] = [];

    expect(await describeImportedPapers(db, { onProgress: (done, total) => progress.push([done, total]) })).toBe(250);

    const stored = await db.papers.bulkGet(papers.map((p) => p.id));
    for (const [i, row] of stored.slice(0, 250).entries()) {
      const expected = describeImported(toPaper(entry(i)));
      expect(row).toMatchObject({ tldr: expected.tldr, keyResult: expected.keyResult, links: expected.links, topics: expected.topics });
    }
    expect(stored[251]!.tldr).toBe('From the file.');
    expect(progress.at(-1)).toEqual([252, 252]);
    expect(progress.length).toBeGreaterThan(2);
    expect(await setsToDescribe(db)).toEqual([]);
    expect(await getRevision(db, 'papers')).toBe(revision + 1);
    expect(await describeImportedPapers(db)).toBe(0);
  });

  it('stops between batches when cancelled, keeps what it wrote, and finishes on the next run', async () => {
    await writeImportedPapers(db, Array.from({ length: 300 }, (_, i) => undescribed(toPaper(entry(i)))), { set: SET });
    const controller = new AbortController();
    const run = describeImportedPapers(db, { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    await expect(run).rejects.toThrow(/abort/i);
    const partly = (await db.papers.where('sets').equals(SET.id).toArray()).filter((p) => p.tldr).length;
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(300);
    expect(await setsToDescribe(db)).toEqual([SET.id]);
    expect(await describeImportedPapers(db)).toBe(300 - partly);
    expect((await db.papers.where('sets').equals(SET.id).toArray()).every((p) => p.tldr)).toBe(true);
  });

  it('leaves a TL;DR written meanwhile alone, and forgets a set removed meanwhile', async () => {
    const papers = [undescribed(toPaper(entry(1))), undescribed(toPaper(entry(2)))];
    await writeImportedPapers(db, papers, { set: SET });
    await db.papers.update(papers[0]!.id, { tldr: 'Written meanwhile.' });
    await writeImportedPapers(db, [undescribed(toPaper(entry(3)))], { set: { ...SET, id: 'gone.bib', name: 'gone.bib' } });
    await removeImportSet(db, 'gone.bib');
    expect(await setsToDescribe(db)).toEqual([SET.id, 'gone.bib']);
    expect(await describeImportedPapers(db)).toBe(1);
    expect((await db.papers.get(papers[0]!.id))!.tldr).toBe('Written meanwhile.');
    expect(await setsToDescribe(db)).toEqual([]);
  });
});
