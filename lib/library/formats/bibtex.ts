/**
 * BibTeX and BibLaTeX as Zotero (and Better BibTeX), Mendeley, Google Scholar, arXiv and DBLP
 * export them, read with @retorquere/bibtex-parser (the parser behind Better BibTeX): TeX
 * accents and commands to Unicode, braces, `@string` macros, month macros, name lists.
 *
 * Speed, for libraries of 100,000 entries: `bibtex-scan` cuts the file into entries and fields
 * first. Fields PaperLens does not keep are dropped unread; identifiers, dates and text without
 * TeX are read directly (`plainText`, tested equal to the library's output); the library reads
 * names, text with TeX and macros, long values in pieces. Measured on 1,000 Zotero-style entries:
 * an entry with no library call costs about 0.05 ms, a six-author name list 0.4 ms, a
 * 1,000-character abstract with TeX 1.8 ms.
 */
import { parse, type Creator, type Options } from '@retorquere/bibtex-parser';
import { arxivIdInText, idsFromUrl, parseArxivId, parseDoi } from '../identity';
import { UnreadableFile } from '../file-error';
import { cleanLine, cleanProse, printable, tagsFrom, yearIn } from '../text';
import type { LibraryEntry, ParseProblem } from '../types';
import { isClosed, nameChunks, proseChunks, scanEntry, splitEntries, type Segment } from './bibtex-scan';
import { missingTitle, PROGRESS_EVERY, type FormatReader } from './reader';

/** Identifiers and dates: taken as written (braces and TeX escapes off), never TeX-decoded. */
const IDENTIFIER_FIELDS = new Set([
  'doi', 'eprint', 'eprinttype', 'archiveprefix', 'url', 'number', 'eid', 'volume', 'date', 'year', 'crossref',
]);
/** Text PaperLens keeps; decoded by the library only when it holds TeX. */
const TEXT_FIELDS = new Set(['title', 'journal', 'journaltitle', 'booktitle', 'eventtitle', 'note', 'howpublished', 'keywords', 'mendeley-tags']);
/** Zotero's plain exporter and some tools write `abstractNote`. */
const ABSTRACT_FIELDS = new Set(['abstract', 'abstractnote']);
/** Fields the library leaves as written (no TeX decoding), so BibTeX escapes like `\_` remain. */
const VERBATIM_FIELDS = new Set(['doi', 'eprint', 'url']);
/** Above this many characters a field crosses the library's slow path (see bibtex-scan). */
const LONG_FIELD = 200;
const PIECE = 180;
/** Keys of the helper entries that carry pieces of a long field through the library. */
const PIECE_KEY = 'paperlens-piece';
/** Entry types that hold papers rather than being them; skipped when another entry crossrefs them. */
const CONTAINER_TYPES = new Set(['proceedings', 'mvproceedings', 'book', 'mvbook', 'collection', 'mvcollection', 'periodical', 'reference']);
/**
 * TeX's special characters, once escaped specials (`\%`, `\&`, `\_`, `\$`, `\#`) are set aside.
 * Text without them needs no TeX decoding: its braces only group, its escapes stand for the
 * character, and a bare `%` is a per cent sign (see `escapePercent`).
 */
const TEX_SPECIAL = /[\\$&#^_~]/;
const ESCAPED_SPECIAL = /\\([%&_$#])/g;

const OPTIONS: Options = {
  // Keep titles as the authors cased them (no sentence case) and braces only as grouping.
  sentenceCase: false,
  // Cross-references are resolved over the whole file below; each call sees one entry.
  applyCrossRef: false,
  // Decode TeX in keywords (the library keeps them verbatim by default: `st\"{a}mpfli`).
  fieldMode: { keywords: 'richtext' },
  // An unknown command keeps its text rather than vanishing.
  unsupported: (_node, tex) => tex,
};

/** `\_`, `\%`, `\&`, `\#`, `\$`, `\~` in a verbatim field (a DOI or URL escaped for TeX) as the plain character. */
function unescapeVerbatim(value: string): string {
  return value.replace(/\\([_%&#$~{}])/g, '$1');
}

/** A bare `%` in a prose field is a per cent sign; to TeX it would start a comment and hide the rest of the value. */
function escapePercent(raw: string): string {
  return raw.replace(/(?<!\\)%/g, '\\%');
}

/**
 * Text without TeX specials as the library renders it: ligatures applied, escaped specials as
 * their character, grouping braces dropped (the same output on thousands of random strings of
 * letters, punctuation, quotes, dashes, escapes and braces: see the tests). Two deliberate
 * differences: a bare `%` stays a per cent sign, and `<` and `>` stay themselves where the
 * library follows TeX's old font encoding and prints ¡ and ¿.
 */
export function plainText(text: string): string {
  return text
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/(?<!\\)[{}]/g, '')
    .replace(ESCAPED_SPECIAL, '$1');
}

/**
 * A TeX-free name list as the library reads it, in display order ("Given von Family Jr."):
 * without braces or commands a name's parts are only reordered around its commas (`Family,
 * Given` or `Family, Jr., Given`), never re-cased or split differently (the same output on
 * thousands of random lists with particles, suffixes, initials and accents: see the tests).
 * Null when the list needs the library (braces, TeX, a stray "and", more than two commas).
 */
export function plainNames(list: string): string[] | null {
  if (/[\\{}$%&#^_~]/.test(list) || /^\s*and\s|\sand\s*$/i.test(list)) return null;
  const names: string[] = [];
  for (const name of list.trim().split(/\s+and\s+/i)) {
    const parts = name.split(',').map((part) => part.trim());
    if (parts.length === 3 && parts[2] === '') parts.pop();
    if (parts.length > 3 || parts.some((part) => !part)) return null;
    const [family, second, third] = parts as [string, string?, string?];
    const ordered = third !== undefined ? [third, family, second] : second !== undefined ? [second, family] : [family];
    names.push(cleanLine(ordered.join(' ')));
  }
  return names;
}

/** TeX accent commands and the combining mark each puts on its letter. */
const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  c: '\u0327', v: '\u030c', u: '\u0306', H: '\u030b', r: '\u030a', k: '\u0328', d: '\u0323', b: '\u0331',
};
/**
 * One accented letter as exporters write it: `{\"u}`, `{\"{u}}`, `\"{u}`, `\"u`, and for the
 * letter-named accents only with the letter braced or spaced (`\v{S}`, `{\v S}`), since `\vS` is
 * another command. Groups: symbol accent + letter (braced or bare), or named accent + letter.
 */
const ACCENTED_LETTER =
  /\{\\(["'`^~=.])\s*(?:\{([A-Za-z])\}|([A-Za-z]))\}|\{\\([cvuHrkdb])(?:\s+([A-Za-z])|\{([A-Za-z])\})\}|\\(["'`^~=.])(?:\{([A-Za-z])\}|([A-Za-z]))|\\([cvuHrkdb])\{([A-Za-z])\}/g;

/**
 * Text with its accented letters written as the letter itself (`M{\"u}ller` → `Müller`), so the
 * most common TeX in names and titles needs no library call (the library costs about 0.2 ms
 * a field even for one accent: two thirds of a 100,000-entry Scholar import went there). Null
 * when an accent would not compose to one character (the library decides those) or the text
 * has `\\`, whose second backslash is no command. What remains may still hold TeX, for the
 * usual checks; the tests compare the result with the library's on random text and name lists.
 */
export function decodeAccents(text: string): string | null {
  if (text.includes('\\\\')) return null;
  if (!text.includes('\\')) return text;
  let composable = true;
  const decoded = text.replace(ACCENTED_LETTER, (...m: (string | undefined)[]) => {
    const accent = m[1] ?? m[4] ?? m[7] ?? m[10]!;
    const letter = m[2] ?? m[3] ?? m[5] ?? m[6] ?? m[8] ?? m[9] ?? m[11]!;
    const composed = (letter + ACCENTS[accent]!).normalize('NFC');
    if (composed.length !== 1) composable = false;
    return composed;
  });
  return composable ? decoded : null;
}

/** Whether `plainText` reads this value as the library would. */
function isPlain(text: string): boolean {
  return !TEX_SPECIAL.test(text.replace(ESCAPED_SPECIAL, ''));
}

interface Prepared {
  /**
   * What the library reads: the fields that need it (names, text with TeX, macros), then helper
   * entries carrying pieces of long fields; null when nothing does.
   */
  input: string | null;
  /** Fields read without the library. */
  plain: Record<string, string>;
  /** The name list, when it needed no library. */
  plainAuthors?: string[];
  type: string;
  key: string;
  /** Whether `input` holds the entry itself (and not only pieces of long fields). */
  hasMain: boolean;
  /**
   * A long abstract with TeX, piece by piece: the pieces without TeX read directly, the others
   * (undefined here) from the library's helper entries of the same number.
   */
  abstractPieces?: (string | undefined)[];
  /** False when the scan gave up and the library reads the entry as written. */
  trimmed: boolean;
}

function field(name: string, raw: string): string {
  return `  ${name} = ${VERBATIM_FIELDS.has(name) ? raw : escapePercent(raw)}`;
}

/** Decides, field by field, what the library must read and what is plain. */
function prepare(segment: Segment): Prepared {
  const scanned = scanEntry(segment.text);
  if (!scanned) return { input: segment.text, plain: {}, type: '', key: '', hasMain: true, trimmed: false };
  const lines: string[] = [];
  const helpers: string[] = [];
  const plain: Record<string, string> = {};
  let plainAuthors: string[] | undefined;
  let abstractPieces: (string | undefined)[] | undefined;
  const addPieces = (name: string, pieces: string[]) =>
    pieces.forEach((piece, i) => helpers.push(`@misc{${PIECE_KEY}-${name}-${i},\n${field(name, `{${piece}}`)}\n}`));
  for (const f of scanned.fields) {
    const name = ABSTRACT_FIELDS.has(f.name) ? 'abstract' : f.name;
    const isText = name === 'author' || name === 'abstract' || TEXT_FIELDS.has(name);
    const decoded = isText && f.inner !== undefined ? decodeAccents(f.inner) : null;
    const names = name === 'author' && decoded !== null ? plainNames(decoded) : null;
    if (IDENTIFIER_FIELDS.has(name) && (f.inner !== undefined || /^\d+$/.test(f.raw))) {
      plain[name] = unescapeVerbatim((f.inner ?? f.raw).replace(/(?<!\\)[{}]/g, '')).trim();
    } else if (name !== 'author' && isText && decoded !== null && isPlain(decoded)) {
      plain[name] = plainText(decoded);
    } else if (names) {
      plainAuthors = names;
    } else if (name === 'abstract' && f.inner !== undefined) {
      // Only the pieces that hold TeX go to the library (a sentence or two of a long abstract).
      abstractPieces = proseChunks(f.inner, PIECE).map((piece, i) => {
        const decoded = decodeAccents(piece);
        if (decoded !== null && isPlain(decoded)) return plainText(decoded);
        helpers.push(`@misc{${PIECE_KEY}-abstract-${i},\n${field('abstract', `{${piece}}`)}\n}`);
        return undefined;
      });
    } else if (name === 'author' && f.inner !== undefined && f.inner.length > LONG_FIELD) {
      addPieces('author', nameChunks(f.inner, PIECE));
    } else if (name === 'author' || name === 'abstract' || IDENTIFIER_FIELDS.has(name) || TEXT_FIELDS.has(name)) {
      lines.push(field(name, f.raw));
    }
  }
  const entry = lines.length ? [`@${scanned.type}{${scanned.key},\n${lines.join(',\n')}\n}`] : [];
  const input = [...entry, ...helpers].join('\n') || null;
  const prepared: Prepared = { input, plain, type: scanned.type, key: scanned.key, hasMain: entry.length > 0, trimmed: true };
  if (plainAuthors) prepared.plainAuthors = plainAuthors;
  if (abstractPieces) prepared.abstractPieces = abstractPieces;
  return prepared;
}

/** The library's errors that mean it stopped reading the entry somewhere (its parse errors carry a position). */
function isStructural(error: { error: string }): boolean {
  return / at line \d+, column \d+/.test(error.error);
}

/**
 * The library's complaint, in words, with the line it points at (it counts from the entry's
 * first line). `partial`: the library kept the fields before the error, and so do we.
 */
function describeFailure(errors: { error: string }[], segment: Segment, partial: boolean): ParseProblem {
  const message = errors.find(isStructural)?.error ?? errors[0]?.error ?? '';
  // An unclosed value is noticed where the entry ends; the entry's own line is the useful one.
  const at = /Unterminated|Unclosed/i.test(message) ? null : / at line (\d+)/.exec(message);
  const line = at ? segment.line + Number(at[1]) - 1 : segment.line;
  let what = 'it is not valid BibTeX';
  if (/Unterminated brace|Unclosed math/i.test(message)) what = 'a “{” or “$” is never closed';
  else if (/Unterminated quote/i.test(message)) what = 'a quoted value is never closed';
  else if (/equals sign missing/i.test(message)) what = 'a field has no “=” between its name and its value';
  else if (/expected '\{' or '\('/i.test(message)) what = 'the entry type is not followed by “{”';
  else if (/Runaway key/i.test(message)) what = 'the entry ends inside its key';
  else if (/Token mismatch/i.test(message)) what = 'there is unexpected text where a field or the closing “}” should be (a missing comma?)';
  const reason = partial
    ? `Part of this entry could not be read: ${what}. The fields before that point were imported.`
    : `This entry could not be read: ${what}.`;
  return { line, reason };
}

function authorName(creator: Creator): string {
  if (creator.name) return cleanLine(creator.name);
  return cleanLine([creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' '));
}

/** An entry's fields as read: the library's (strings, name and keyword lists) under the plain ones. */
interface Source {
  type: string;
  key: string;
  fields: Record<string, unknown>;
  /** Display names, read without the library. */
  authors?: string[];
  creators: Creator[];
  abstractPieces: string[];
}

function text(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' ? value : undefined;
}

/** An entry as read, with what crossref resolution needs. */
interface Read {
  entry: LibraryEntry;
  type: string;
  crossref?: string;
}

function arxivIdOf(fields: Record<string, unknown>, doiArxivId: string | undefined, urls: string[]): string | undefined {
  const eprint = text(fields, 'eprint');
  const prefix = (text(fields, 'archiveprefix') ?? text(fields, 'eprinttype') ?? '').toLowerCase();
  const fromEprint = eprint && (!prefix || prefix.includes('arxiv')) ? parseArxivId(unescapeVerbatim(eprint)) : null;
  const fromUrl = urls.map((u) => idsFromUrl(u)?.arxivId).find(Boolean);
  const journal = text(fields, 'journal') ?? text(fields, 'journaltitle');
  // DBLP files arXiv papers under the journal CoRR with volume `abs/<id>`.
  const corr = journal && /^corr$/i.test(journal.trim()) ? /^abs\/(.+)$/.exec(text(fields, 'volume') ?? '')?.[1] : undefined;
  const inText = ['journal', 'journaltitle', 'number', 'eid', 'note', 'howpublished']
    .map((name) => text(fields, name))
    .map((value) => (value ? arxivIdInText(value) : null))
    .find(Boolean);
  return fromEprint || doiArxivId || fromUrl || (corr && parseArxivId(corr)) || inText || undefined;
}

/** One entry's fields as a LibraryEntry. */
function toEntry(source: Source, line: number): Read {
  const { fields } = source;
  const entry: LibraryEntry = { title: cleanLine(text(fields, 'title') ?? ''), authors: [], tags: [], line };
  if (source.key) entry.key = source.key;
  entry.authors = source.authors ?? source.creators.map(authorName).filter(Boolean);
  const year = yearIn(text(fields, 'year')) ?? yearIn(text(fields, 'date'));
  if (year !== undefined) entry.year = year;
  const venue = ['journal', 'journaltitle', 'booktitle', 'eventtitle'].map((name) => text(fields, name)).find((v) => v?.trim());
  if (venue) entry.venue = cleanLine(venue);
  const doiText = text(fields, 'doi');
  const doi = doiText ? parseDoi(unescapeVerbatim(doiText)) : null;
  if (doi?.doi) entry.doi = doi.doi;
  const urls = unescapeVerbatim(text(fields, 'url') ?? '').split(/\s+/).filter((u) => /^https?:\/\//i.test(u));
  if (urls[0]) entry.url = urls[0];
  const arxivId = arxivIdOf(fields, doi?.arxivId, urls);
  if (arxivId) entry.arxivId = arxivId;
  const abstract = source.abstractPieces.length ? source.abstractPieces.join(' ') : text(fields, 'abstract');
  if (abstract?.trim()) entry.abstract = cleanProse(abstract);
  const keywords = fields.keywords;
  const lists = [...(Array.isArray(keywords) ? (keywords as string[]) : typeof keywords === 'string' ? [keywords] : [])];
  const mendeleyTags = text(fields, 'mendeley-tags');
  if (mendeleyTags) lists.push(mendeleyTags);
  entry.tags = tagsFrom(lists);
  const read: Read = { entry, type: source.type.toLowerCase() };
  const crossref = text(fields, 'crossref');
  if (crossref) read.crossref = crossref.trim().toLowerCase();
  return read;
}

/** A long abstract's pieces in order: read directly, or the library's reading of the helper entry with that number. */
function abstractOf(prepared: Prepared, pieces: { key: string; fields: Record<string, unknown> }[]): string[] {
  const fromLibrary = new Map<number, unknown>();
  const prefix = `${PIECE_KEY}-abstract-`;
  for (const piece of pieces) if (piece.key.startsWith(prefix)) fromLibrary.set(Number(piece.key.slice(prefix.length)), piece.fields.abstract);
  return (prepared.abstractPieces ?? [])
    .map((plain, i) => plain ?? fromLibrary.get(i))
    .filter((p): p is string => typeof p === 'string');
}

/** The library's result, or null when it throws (it does on some malformed TeX) rather than reporting. */
function parseOrNull(input: string, options: Options): ReturnType<typeof parse> | null {
  try {
    return parse(input, options);
  } catch {
    return null;
  }
}

/** Raw `@string` values, read in file order so a macro may use an earlier one; a broken one is a problem. */
function readStrings(segments: Segment[], problems: ParseProblem[]): Record<string, string> {
  let strings: Record<string, string> = {};
  for (const segment of segments) {
    if (segment.type !== 'string') continue;
    const result = parseOrNull(segment.text, { raw: true, strings });
    if (!result || Object.keys(result.strings).length === 0) {
      problems.push({ line: segment.line, reason: 'This @string definition could not be read; entries that use it keep the macro’s name.' });
    } else {
      strings = { ...strings, ...result.strings };
    }
  }
  return strings;
}

/** Children take their venue and year from the entry they cross-reference; containers so used are not papers. */
function resolveCrossrefs(reads: Read[]): LibraryEntry[] {
  const byKey = new Map<string, Read>();
  for (const read of reads) if (read.entry.key) byKey.set(read.entry.key.toLowerCase(), read);
  const containers = new Set<Read>();
  for (const read of reads) {
    const parent = read.crossref === undefined ? undefined : byKey.get(read.crossref);
    if (!parent || parent === read) continue;
    const isContainer = CONTAINER_TYPES.has(parent.type);
    if (isContainer) containers.add(parent);
    const parentVenue = isContainer ? parent.entry.title || parent.entry.venue : parent.entry.venue;
    if (!read.entry.venue && parentVenue) read.entry.venue = parentVenue;
    if (read.entry.year === undefined && parent.entry.year !== undefined) read.entry.year = parent.entry.year;
  }
  return reads.filter((read) => !containers.has(read)).map((read) => read.entry);
}

export const readBibtex: FormatReader = function* (source) {
  const segments = splitEntries(source);
  const problems: ParseProblem[] = [];
  const strings = readStrings(segments, problems);
  const entrySegments = segments.filter((s) => s.type !== 'string' && s.type !== 'comment' && s.type !== 'preamble');
  const options: Options = { ...OPTIONS, strings };
  const reads: Read[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const [done, segment] of entrySegments.entries()) {
    if (done % PROGRESS_EVERY === 0) yield { done, total: entrySegments.length };
    if (segment === segments.at(-1) && !isClosed(segment)) {
      throw new UnreadableFile('The file ends inside the entry that starts here, which has no closing “}”: the file looks cut short. Export it again.', segment.line);
    }
    const prepared = prepare(segment);
    const result = prepared.input === null ? null : parseOrNull(prepared.input, options);
    const main = result?.entries.find((e) => !e.key.startsWith(PIECE_KEY));
    const pieces = result?.entries.filter((e) => e.key.startsWith(PIECE_KEY)) ?? [];
    const broken = prepared.input !== null && (!result || result.errors.some(isStructural));
    // Errors point into what the library read; read the entry as written to point into the file.
    const errorsInFile = () => (prepared.trimmed || !result ? (parseOrNull(segment.text, options)?.errors ?? []) : result.errors);
    const read =
      (main || !prepared.hasMain) &&
      toEntry(
        {
          type: main?.type ?? prepared.type,
          key: main?.key ?? prepared.key,
          fields: { ...main?.fields, ...prepared.plain },
          ...(prepared.plainAuthors && { authors: prepared.plainAuthors }),
          creators: [...(main?.fields.author ?? []), ...pieces.flatMap((p) => p.fields.author ?? [])],
          abstractPieces: abstractOf(prepared, pieces),
        },
        segment.line,
      );
    if (!read || (broken && !read.entry.title)) {
      problems.push(describeFailure(errorsInFile(), segment, false));
      continue;
    }
    if (!read.entry.title) {
      problems.push({ line: segment.line, reason: missingTitle(read.entry.key) });
      continue;
    }
    if (broken) problems.push(describeFailure(errorsInFile(), segment, true));
    const key = read.entry.key?.toLowerCase();
    const first = key === undefined ? undefined : firstLineOfKey.get(key);
    if (first !== undefined) {
      problems.push({
        line: segment.line,
        reason: `The key “${printable(read.entry.key!)}” is used again (first at line ${first}); both entries were imported.`,
      });
    } else if (key !== undefined) {
      firstLineOfKey.set(key, segment.line);
    }
    reads.push(read);
  }
  yield { done: entrySegments.length, total: entrySegments.length };
  return { entries: resolveCrossrefs(reads), problems };
};
