import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build';
import { readSeedDir } from '../catalog/read-seeds';
import { exportData } from '../db/export';
import { applyImport, previewImport } from '../db/import';
import { deleteAllData, saveUserPaper } from '../db/library';
import { saveNote } from '../db/notes';
import { getRevision } from '../db/revisions';
import type { PaperLensDB } from '../db/schema';
import { useFreshDb } from '../db/testing';
import { isUserSetting, SETTING_KEYS } from '../settings';
import { serializeExport, type ExportFile } from './export';
import { ImportError, parseExport, validateExport } from './import';
import type { Note } from './model';

const catalog = buildCatalog(readSeedDir('seeds'));
const [first, second, third] = catalog.papers as [(typeof catalog.papers)[0], (typeof catalog.papers)[0], (typeof catalog.papers)[0]];
const SAVED = {
  title: 'Learning Knowledge Graph-based World Models of Textual Environments',
  abstract:
    'World models improve a learning agent\'s ability to efficiently operate in interactive and situated environments. ' +
    'We achieve 49.9% higher accuracy than baselines. Code: https://github.com/example/worldformer.',
  arxivId: '2106.09608',
  url: 'https://arxiv.org/abs/2106.09608',
  authors: ['Ammanabrolu, Prithviraj', 'Riedl, Mark O.'],
  year: 2021,
};

let db!: PaperLensDB;
useFreshDb('import', (fresh) => (db = fresh), catalog);

/** Notes with text that breaks naive encoders: emoji, RTL, NUL, lone surrogates, CRLF. */
const ODD = 'emoji 🧠👩🏽‍🔬, RTL ‏مرحبا بالعالم‎, NUL \u0000 here, lone \ud800 and \udfff, CRLF\r\nend, zero-width \u200b';

async function fillLibrary(): Promise<void> {
  const { id } = await saveUserPaper(db, SAVED, 1_000);
  await saveNote(db, { paperId: id, text: '## Why\nGraph world models.', tags: ['world models', 'rl'], status: 'reading' }, 2_000);
  await saveNote(db, { paperId: first.id, text: ODD, starred: true }, 3_000);
  await saveNote(db, { paperId: second.id, text: 'plain', status: 'read' }, 4_000);
  await db.settings.put({ key: 'sites', value: { disabled: ['x'], custom: ['https://example.org'] } });
  // A derived cache: neither exported nor deleted.
  await db.settings.put({ key: 'search:catalogIndex', value: { format: 1 } });
}

async function snapshot(d: PaperLensDB) {
  return {
    notes: await d.notes.orderBy('paperId').toArray(),
    userPapers: await d.papers.where('source').equals('user').sortBy('id'),
    sites: (await d.settings.get('sites'))?.value,
  };
}

const valid = () => ({ format: 'paperlens-export', version: 1, exportedAt: 1, catalogVersion: null, notes: [], userPapers: [], settings: [] });

/** Every settings row PaperLens writes, with a value like the real one (a search index holds typed arrays). */
async function fillEverySetting(): Promise<void> {
  for (const key of Object.values(SETTING_KEYS)) {
    const value =
      key === SETTING_KEYS.sites ? { disabled: ['x'], custom: [] } : key === SETTING_KEYS.historyPaused ? true : { revision: 3, postings: new Uint32Array([1, 2, 3]) };
    await db.settings.put({ key, value });
  }
}

describe('what an export holds', () => {
  it('writes the user\'s settings and none of PaperLens\'s bookkeeping or search caches', async () => {
    await fillEverySetting();
    const internal = Object.values(SETTING_KEYS).filter((key) => !isUserSetting(key));
    expect(internal).toEqual(expect.arrayContaining(['search:notesIndex', 'search:catalogIndex', 'revision:papers', 'catalogVersion']));
    const file = await exportData(db);
    expect(file.settings.map((s) => s.key)).toEqual([SETTING_KEYS.historyPaused, SETTING_KEYS.sites]);
    const text = serializeExport(file);
    for (const key of internal) expect(text).not.toMatch(new RegExp(`"key":\\s*"${key}"`));
    // A typed array written by JSON.stringify: {"0":1,"1":2,…}.
    expect(text).not.toMatch(/\{\s*"0":/);
  });

  it('ignores bookkeeping and caches in a file (older exports carry them): not previewed, not written', async () => {
    const file = validateExport({
      ...valid(),
      settings: [
        { key: 'search:notesIndex', value: { 0: 1, 1: 2 } },
        { key: 'revision:papers', value: 9 },
        { key: 'sites', value: { disabled: ['x'], custom: [] } },
      ],
    });
    expect(file.settings.map((s) => s.key)).toEqual(['sites']);
    const preview = await previewImport(db, file);
    expect([...preview.add, ...preview.skip].filter((i) => i.kind === 'setting').map((i) => i.id)).toEqual(['sites']);
    await applyImport(db, file);
    expect(await db.settings.get('search:notesIndex')).toBeUndefined();
    expect((await db.settings.get('revision:papers'))?.value).not.toBe(9);
  });

  it('"delete all my data" removes the user\'s settings and the search indexes (they hold the user\'s papers and notes), keeps the catalog\'s bookkeeping', async () => {
    await fillEverySetting();
    await deleteAllData(db);
    const left = (await db.settings.toCollection().primaryKeys()) as string[];
    expect(left).not.toContain(SETTING_KEYS.sites);
    expect(left).not.toContain(SETTING_KEYS.notesIndex);
    expect(left).not.toContain(SETTING_KEYS.catalogIndex);
    expect(left).toEqual(expect.arrayContaining([SETTING_KEYS.catalogVersion, SETTING_KEYS.papersRevision]));
  });
});

describe('JSON export and import', () => {
  it('round-trips losslessly through the file text, odd Unicode included', async () => {
    await fillLibrary();
    const before = await snapshot(db);
    const text = serializeExport(await exportData(db, 5_000));
    expect(text).not.toContain('search:catalogIndex');
    // Lone surrogates are escaped, so the text is valid UTF-16 and survives a UTF-8 file.
    expect(text.isWellFormed()).toBe(true);
    const bytes = new TextEncoder().encode(text);
    const file = parseExport(new TextDecoder().decode(bytes));
    expect(file.notes).toEqual(before.notes);
    // Identity keys are derived: left out of the file, recomputed on import.
    expect(file.userPapers).toEqual(before.userPapers.map(({ keys: _, ...paper }) => paper));

    await deleteAllData(db);
    expect(await snapshot(db)).toEqual({ notes: [], userPapers: [], sites: undefined });

    const result = await applyImport(db, file);
    expect(result.add).toHaveLength(5);
    expect(await snapshot(db)).toEqual(before);
    expect((await db.notes.get(first.id))?.text).toBe(ODD);
    // import(export(x)) is x: exporting again gives the same document.
    expect(await exportData(db, 5_000)).toEqual(file);
  });

  it('bumps revisions on import so caches see the imported papers and notes', async () => {
    await fillLibrary();
    const file = await exportData(db);
    await deleteAllData(db);
    const papersBefore = await getRevision(db, 'papers');
    const notesBefore = await getRevision(db, 'notes');
    await applyImport(db, file);
    expect(await getRevision(db, 'papers')).toBeGreaterThan(papersBefore);
    expect(await getRevision(db, 'notes')).toBeGreaterThan(notesBefore);
  });

  it('merges by paper id: newer notes win, equal or older ones are skipped, papers are added when absent', async () => {
    await fillLibrary();
    const file = await exportData(db);
    const older = file.notes.find((x) => x.paperId === first.id)!;
    const newer = file.notes.find((x) => x.paperId === second.id)!;
    const incoming: ExportFile = {
      ...file,
      notes: [
        { ...older, text: 'older text', updatedAt: older.updatedAt - 1 },
        { ...newer, text: 'newer text', updatedAt: newer.updatedAt + 10 },
        ...file.notes.filter((x) => x.paperId !== first.id && x.paperId !== second.id),
        { paperId: third.id, text: 'new note', tags: [], status: 'to-read', starred: false, titleSnapshot: third.title, createdAt: 1, updatedAt: 2 },
      ],
    };
    const preview = await previewImport(db, incoming);
    expect(preview.add.map((i) => i.id)).toEqual([third.id]);
    expect(preview.update.map((i) => [i.id, i.reason])).toEqual([[second.id, 'the imported note is newer']]);
    expect(preview.skip.map((i) => [i.kind, i.reason])).toEqual([
      ['paper', 'already in your library'],
      ['note', 'your note is newer'],
      ['note', 'same as your note'],
      ['setting', 'you already have this setting'],
    ]);
    // The preview wrote nothing.
    expect((await db.notes.get(third.id))).toBeUndefined();

    await applyImport(db, incoming);
    expect((await db.notes.get(first.id))?.text).toBe(ODD);
    expect((await db.notes.get(second.id))?.text).toBe('newer text');
    expect((await db.notes.get(third.id))?.text).toBe('new note');
  });

  it('skips a user paper the catalog now has, keeping the catalog row', async () => {
    await fillLibrary();
    const file = await exportData(db);
    const asCatalog = { ...file.userPapers[0]!, id: first.id };
    const preview = await previewImport(db, { ...file, userPapers: [asCatalog], notes: [], settings: [] });
    expect(preview.skip).toEqual([{ kind: 'paper', id: first.id, label: asCatalog.title, reason: 'now in the catalog' }]);
  });

  it('applies in one transaction: a failure half way leaves nothing changed', async () => {
    await fillLibrary();
    const file = await exportData(db);
    await deleteAllData(db);
    let writes = 0;
    db.notes.hook('creating', () => {
      if (++writes === 2) throw new Error('disk full');
    });
    await expect(applyImport(db, file)).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual({ notes: [], userPapers: [], sites: undefined });
  });

  it('imports a 20 MB file', async () => {
    const big = 'x'.repeat(200_000);
    const notes: Note[] = Array.from({ length: 100 }, (_, i) => ({
      paperId: `big-${i}`,
      text: `${i} ${big}`,
      tags: [],
      status: 'none',
      starred: false,
      titleSnapshot: `Big paper ${i}`,
      createdAt: i,
      updatedAt: i,
    }));
    const text = serializeExport({ format: 'paperlens-export', version: 1, exportedAt: 0, catalogVersion: null, notes, userPapers: [], settings: [] });
    expect(text.length).toBeGreaterThan(20_000_000);
    const result = await applyImport(db, parseExport(text));
    expect(result.add).toHaveLength(100);
    expect(await db.notes.count()).toBe(100);
    // Notes whose paper is not in the database are kept as orphans with their snapshot title.
    expect((await db.notes.get('big-7'))?.titleSnapshot).toBe('Big paper 7');
  });
});

describe('import validation', () => {
  const note = { paperId: 'p', text: 't', tags: [], status: 'none', starred: false, titleSnapshot: 'T', createdAt: 1, updatedAt: 2 };
  const reject = (value: unknown) => expect(() => validateExport(value));
  const error = (run: () => unknown): string => {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return (e as ImportError).message;
    }
    throw new Error('expected an ImportError');
  };

  it('says in words what is wrong with a broken file, names it, and never quotes the engine or the bytes', () => {
    const text = JSON.stringify({ ...valid(), notes: [{ ...note, text: 'a long note that the download cut in the middle of' }] });
    const truncated = text.slice(0, 232);
    const cut = error(() => parseExport(truncated, 'paperlens-2026-11-22.json'));
    expect(cut).toBe(
      '“paperlens-2026-11-22.json” ends in the middle (line 1): it looks cut short, for example by an interrupted download or copy. Export it again.',
    );
    const syntax = error(() => parseExport('{\n  "format": "paperlens-export",\n  oops\n}', 'hand-edited.json'));
    expect(syntax).toMatch(/^“hand-edited.json” is not valid JSON: something is missing or extra \(a comma, quote or bracket\) at line 3\./);
    for (const message of [cut, syntax]) expect(message).not.toMatch(/position|Unterminated|Unexpected|oops/);
    expect(error(() => parseExport('', 'empty.json'))).toMatch(/^“empty.json” is empty\./);
    expect(() => parseExport('   ')).toThrow(/^The file is empty\./);
  });

  it('refuses a binary file, a PDF or a web page in words, without echoing its bytes', () => {
    const zip = String.fromCharCode(0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0) + '\ufffd\ufffd\u0001\u0002garbage\u0000';
    const binary = error(() => parseExport(zip, 'backup.zip'));
    expect(binary).toBe(
      '“backup.zip” is not a text file (it holds binary data: an archive, an image or a document, for example), not a PaperLens export. ' +
        'Choose the .json file that “Export everything” saved.',
    );
    expect(error(() => parseExport('%PDF-1.7\n%\u00e2\u00e3', 'paper.pdf'))).toMatch(/^“paper.pdf” is a PDF document, not a PaperLens export\./);
    expect(error(() => parseExport('<!doctype html><html>', 'export.html'))).toMatch(/^“export.html” is a web page \(HTML\), not a PaperLens export\./);
    // A file name with control characters is shown without them.
    expect(error(() => parseExport('', 'a\u0000b\u202e.json'))).toMatch(/^“ab.json” is empty/);
  });

  it('rejects foreign files and unknown versions by name', () => {
    reject([]).toThrow('The file must be an object');
    reject({ notes: [] }).toThrow('not a PaperLens export');
    reject({ ...valid(), version: 2 }).toThrow('This export has version 2; this PaperLens reads version 1');
    reject({ ...valid(), version: '1' }).toThrow('This export\'s "version" is not a number');
  });

  it('says which field of which note or paper has the wrong type', () => {
    reject({ ...valid(), notes: [note, note, note, { ...note, updatedAt: '2' }] }).toThrow('notes[3].updatedAt must be a number');
    reject({ ...valid(), notes: [{ ...note, updatedAt: Number.NaN }] }).toThrow('notes[0].updatedAt must be a number');
    reject({ ...valid(), notes: [{ ...note, status: 'done' }] }).toThrow('notes[0].status must be one of none, to-read, reading, read');
    reject({ ...valid(), notes: [{ ...note, tags: ['a', 3] }] }).toThrow('notes[0].tags[1] must be a string');
    reject({ ...valid(), notes: [{ ...note, starred: 'yes' }] }).toThrow('notes[0].starred must be true or false');
    reject({ ...valid(), notes: [{ ...note, paperId: '' }] }).toThrow('notes[0].paperId must not be empty');
    reject({ ...valid(), notes: [note, note] }).toThrow('notes[1] repeats "p"');
    reject({ ...valid(), notes: null }).toThrow('notes must be an array');
    reject({ ...valid(), userPapers: [{ source: 'catalog' }] }).toThrow('userPapers[0].source must be "user"');
  });

  it('reads back a setting whose value was undefined (JSON leaves the key out)', () => {
    expect(validateExport({ ...valid(), settings: [{ key: 'sites' }] }).settings).toEqual([{ key: 'sites', value: undefined }]);
  });

  it('refuses a file over 50 MB before parsing it', () => {
    expect(() => parseExport(' '.repeat(50 * 1024 * 1024 + 1), 'huge.json')).toThrow('“huge.json” is 50 MB, more than the 50 MB');
  });

  it('changes nothing when a file is rejected', async () => {
    await saveNote(db, { paperId: first.id, text: 'keep me' }, 10);
    expect(() => parseExport('{"format":"paperlens-export","version":1,"notes":[')).toThrow(ImportError);
    expect((await db.notes.get(first.id))?.text).toBe('keep me');
  });
});
