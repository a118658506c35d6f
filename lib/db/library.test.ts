import { describe, expect, it } from 'vitest';
import { buildCatalog, catalogVersion, describePaper } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import type { Catalog } from '../catalog/types';
import { createHandlers } from '../messaging/handlers';
import { escapeBibtex, toBibtex } from '../notes/bibtex';
import { obsidianTag, toMarkdown } from '../notes/markdown-export';
import { SETTING_KEYS } from '../settings';
import { loadCatalog } from './catalog-load';
import { normalizeTitle } from '../match/normalize';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';
import { countLibrary, deleteAllData, loadLibrary, saveUserPaper } from './library';
import { saveNote } from './notes';
import { useFreshDb } from './testing';

const CATALOG_VERSION_KEY = SETTING_KEYS.catalogVersion;

const catalog = buildCatalog(readSeedDir('seeds'));
const [kept, renamed, removed] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0], (typeof catalog.papers)[0]];
const SAVED = {
  title: 'Learning Knowledge Graph-based World Models of Textual Environments',
  abstract:
    'World models improve a learning agent\'s ability to efficiently operate in interactive and situated environments. ' +
    'This work focuses on the task of building world models of text-based game environments.',
  arxivId: '2106.09608',
  url: 'https://arxiv.org/abs/2106.09608v2',
  authors: ['Ammanabrolu, Prithviraj', 'Riedl, Mark O.'],
  year: 2021,
};

let db!: PaperLensDB;
useFreshDb('library', (fresh) => (db = fresh), catalog);

describe('user papers', () => {
  it('are described like catalog papers, under the catalog id scheme, and bump the papers revision', async () => {
    const before = await getRevision(db, 'papers');
    const result = await saveUserPaper(db, SAVED, 42);
    const expected = describePaper(SAVED.title, SAVED.abstract);
    expect(result).toEqual({ id: expected.id, created: true });
    expect(await db.papers.get(expected.id)).toEqual({
      ...expected,
      keys: ['arxiv:2106.09608', `title:${normalizeTitle(SAVED.title)}`],
      source: 'user',
      savedAt: 42,
      url: SAVED.url,
      arxivId: '2106.09608',
      authors: SAVED.authors,
      year: 2021,
    });
    expect(expected.tldr.length).toBeGreaterThan(0);
    expect(await getRevision(db, 'papers')).toBe(before + 1);
  });

  it('save a paper PaperLens already knows on its own record, once', async () => {
    expect(await saveUserPaper(db, { title: kept.title, abstract: 'other', url: 'https://arxiv.org/abs/1' }, 5)).toEqual({ id: kept.id, created: true });
    const row = await db.papers.get(kept.id);
    expect(row).toMatchObject({ source: 'user', savedAt: 5, inCatalog: true, tldr: kept.tldr, abstract: kept.abstract });
    expect(await db.papers.count()).toBe(catalog.papers.length);
    const first = await saveUserPaper(db, SAVED, 1);
    expect(await saveUserPaper(db, SAVED, 2)).toEqual({ id: first.id, created: false });
    expect((await db.papers.get(first.id))?.savedAt).toBe(1);
  });

  it('survive catalog refreshes', async () => {
    const { id } = await saveUserPaper(db, SAVED);
    await loadCatalog(db, { version: 'next', papers: catalog.papers.slice(1) });
    expect((await db.papers.get(id))?.source).toBe('user');
  });
});

describe('the savePaper message', () => {
  it('validates what a page sent, with bounds, before saving', async () => {
    const h = createHandlers(db, async () => catalog);
    await expect(h.savePaper(null)).rejects.toThrow('paper must be an object');
    await expect(h.savePaper({ ...SAVED, title: ' ?! ' })).rejects.toThrow('title must contain a letter or digit');
    await expect(h.savePaper({ ...SAVED, title: 'x'.repeat(2_001) })).rejects.toThrow('title is longer than 2000 characters');
    await expect(h.savePaper({ ...SAVED, url: 'javascript:alert(1)' })).rejects.toThrow('url must be an http(s) address');
    await expect(h.savePaper({ ...SAVED, arxivId: '../../etc' })).rejects.toThrow('arxivId is not an arXiv identifier');
    await expect(h.savePaper({ ...SAVED, authors: 'Riedl' })).rejects.toThrow('authors must be an array');
    await expect(h.savePaper({ ...SAVED, year: 21 })).rejects.toThrow('year must be a four-digit number');
    await expect(h.savePaper({ ...SAVED, abstract: 'a'.repeat(50_001) })).rejects.toThrow('abstract is longer than');
    expect(await db.papers.where('source').equals('user').count()).toBe(0);

    const { id, created } = await h.savePaper({ ...SAVED, arxivId: 'cs/0102001v2' });
    expect(created).toBe(true);
    expect(await h.lookupTitles([SAVED.title.toUpperCase()])).toEqual([id]);
    expect((await h.catalogStatus()).userPapers).toBe(1);
  });
});

describe('orphans across catalog versions', () => {
  it('keep their notes, listed under the snapshot title', async () => {
    await saveNote(db, { paperId: kept.id, text: 'kept' }, 1);
    await saveNote(db, { paperId: renamed.id, text: 'renamed' }, 2);
    await saveNote(db, { paperId: removed.id, text: 'removed', tags: ['gone'] }, 3);

    const renamedPaper = describePaper(`${renamed.title} (revised)`, renamed.abstract);
    const papers = [kept, renamedPaper, ...catalog.papers.slice(3)];
    const next: Catalog = { version: catalogVersion(papers), papers };
    expect((await loadCatalog(db, next)).changed).toBe(true);

    expect(await db.notes.count()).toBe(3);
    const library = await loadLibrary(db);
    expect(library.map((e) => [e.paperId, e.title, e.orphan])).toEqual([
      [removed.id, removed.title, true],
      [renamed.id, renamed.title, true],
      [kept.id, kept.title, false],
    ]);
    expect(library[0]?.note?.text).toBe('removed');
    expect(await countLibrary(db)).toEqual({ notes: 3, userPapers: 0, orphans: 2 });

    // An orphan stays editable: saving keeps its snapshot title.
    const saved = await saveNote(db, { paperId: removed.id, text: 'still here' }, 10);
    expect(saved.ok && saved.note.titleSnapshot).toBe(removed.title);
    // A catalog that brings the paper back turns the orphan into a normal entry again.
    await loadCatalog(db, catalog);
    expect((await loadLibrary(db)).filter((e) => e.orphan)).toEqual([]);
  });
});

describe('delete all my data', () => {
  it('removes notes, user papers and user settings in one go, keeping the catalog', async () => {
    const { id } = await saveUserPaper(db, SAVED);
    await saveNote(db, { paperId: id, text: 'mine' });
    await db.settings.put({ key: 'sites', value: { disabled: [] } });
    const revisions = [await getRevision(db, 'papers'), await getRevision(db, 'notes')];
    await deleteAllData(db);
    expect(await db.notes.count()).toBe(0);
    expect(await db.papers.count()).toBe(catalog.papers.length);
    expect(await db.settings.get('sites')).toBeUndefined();
    expect((await db.settings.get(CATALOG_VERSION_KEY))?.value).toBe(catalog.version);
    expect(await getRevision(db, 'papers')).toBe(revisions[0]! + 1);
    expect(await getRevision(db, 'notes')).toBe(revisions[1]! + 1);
  });
});

describe('Markdown export', () => {
  it('writes one section per noted or saved paper, orphans included', async () => {
    const { id } = await saveUserPaper(db, SAVED, 5);
    await saveNote(db, { paperId: id, text: 'Graph **world** models.\n\n- [ ] read §3\n', tags: ['world models', 'RL!'], status: 'reading', starred: true }, Date.UTC(2026, 0, 2));
    await saveNote(db, { paperId: removed.id, text: 'orphan note' }, Date.UTC(2026, 0, 1));
    await loadCatalog(db, { version: 'v2', papers: catalog.papers.filter((p) => p.id !== removed.id) });

    const md = toMarkdown(await loadLibrary(db), Date.UTC(2026, 0, 3));
    const saved = (await db.papers.get(id))!;
    expect(md).toBe(
      [
        '# PaperLens notes',
        '',
        'Exported 2026-01-03 · 2 papers',
        '',
        `## ${SAVED.title}`,
        '',
        '- Link: <https://arxiv.org/abs/2106.09608>',
        `- TL;DR: ${saved.tldr}`,
        '- Tags: #world-models #RL',
        '- Status: reading',
        '- Starred: yes',
        '- Updated: 2026-01-02',
        '',
        'Graph **world** models.\n\n- [ ] read §3',
        '',
        `## ${removed.title}`,
        '',
        '- No longer in the catalog (title as it was when the note was saved)',
        '- Status: no status',
        '- Updated: 2026-01-01',
        '',
        'orphan note',
        '',
      ].join('\n'),
    );
    expect(obsidianTag('  ')).toBe('');
  });
});

describe('BibTeX export', () => {
  it('writes stable keys and escapes TeX specials', async () => {
    const { id } = await saveUserPaper(db, SAVED);
    const odd = await saveUserPaper(db, {
      title: 'Costs & {Benefits} of 100% $x_i$ ~ #1 \\ ^',
      abstract: '',
      url: 'https://example.org/paper?a={1}',
    });
    const papers = await db.papers.bulkGet([id, odd.id]);
    const bib = toBibtex(papers.filter((p) => p !== undefined));
    expect(bib).toContain(
      [
        '@misc{ammanabrolu2021learning,',
        '  title = {{Learning Knowledge Graph-based World Models of Textual Environments}},',
        '  author = {Ammanabrolu, Prithviraj and Riedl, Mark O.},',
        '  year = {2021},',
        '  eprint = {2106.09608},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2106.09608}',
        '}',
      ].join('\n'),
    );
    expect(bib).toContain('title = {{Costs \\& \\{Benefits\\} of 100\\% \\$x\\_i\\$ \\textasciitilde{} \\#1 \\textbackslash{} \\textasciicircum{}}}');
    expect(bib).toContain('url = {https://example.org/paper?a=%7B1%7D}');
    // Braces balance whatever the title holds.
    const depth = [...bib.replace(/\\[{}]/g, '')].reduce((d, c) => (d < 0 ? d : d + (c === '{' ? 1 : c === '}' ? -1 : 0)), 0);
    expect(depth).toBe(0);
    expect(toBibtex(papers.filter((p) => p !== undefined).reverse())).toBe(bib);
    expect(escapeBibtex(' a\n b ')).toBe('a b');
  });

  it('gives repeated keys a suffix from the paper id', async () => {
    const a = describePaper('Attention is all you need', 'x');
    const b = describePaper('Attention is all you need, again', 'y');
    const bib = toBibtex([
      { ...a, source: 'user', authors: ['Ashish Vaswani'], year: 2017 },
      { ...b, source: 'user', authors: ['Ashish Vaswani'], year: 2017 },
    ]);
    const keys = [...bib.matchAll(/@misc\{([^,]+),/g)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(2);
    expect(keys.every((k) => k?.startsWith('vaswani2017attention'))).toBe(true);
  });
});
