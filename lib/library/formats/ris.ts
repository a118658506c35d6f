/**
 * RIS, as Mendeley, Zotero, EndNote and Google Scholar export it: one `TAG  - value` per line,
 * a record from `TY` to `ER`, values wrapped onto indented continuation lines by some tools.
 *
 * Hand-written, because no package on npm fits: @citation-js/plugin-ris needs @citation-js/core,
 * which brings node-fetch and sync-fetch (a network stack, in an extension that makes no
 * requests) and reports no line per record; @customcommander/ris validates with ajv, which
 * compiles code at run time (`new Function`, refused by an extension's content security policy),
 * and reports no lines either. The format itself is a tag per line: the table below and the
 * continuation rule are all there is to it.
 */
import { arxivIdInText, idsFromUrl, parseDoi } from '../identity';
import { cleanLine, cleanProse, tagsFrom, yearIn } from '../text';
import type { LibraryEntry, ParseProblem } from '../types';
import { missingTitle, PROGRESS_EVERY, type FormatReader } from './reader';

/** `TY  - JOUR`, `ER  -`; two capitals or a capital and a digit (some tools write four-letter tags like `NOTE`). */
const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) {1,2}-(?: (.*))?$/;
const RECORD_START = /^TY {1,2}- /gm;

const TITLE_TAGS = ['TI', 'T1'];
const AUTHOR_TAGS = ['AU', 'A1'];
const YEAR_TAGS = ['PY', 'Y1', 'DA', 'Y2'];
/** Journal or proceedings: Zotero and EndNote write T2, Mendeley JO/JF, Scholar JO, conference records BT. */
const VENUE_TAGS = ['T2', 'JF', 'JO', 'JA', 'J2', 'BT', 'T3'];
const URL_TAGS = ['UR', 'L1', 'L2', 'LK'];
/** Mendeley writes the abstract to N2, EndNote and Zotero to AB. */
const ABSTRACT_TAGS = ['AB', 'N2'];
/** Where exports mention an arXiv id in words (`arXiv:2403.01234`). */
const NOTE_TAGS = ['N1', 'M1', 'M3', 'AN', 'JO', 'T2', 'J2'];

type RisRecord = Map<string, string[]>;

function first(record: RisRecord, tags: string[]): string | undefined {
  for (const tag of tags) {
    const value = record.get(tag)?.find((v) => v.trim());
    if (value) return value;
  }
  return undefined;
}

function all(record: RisRecord, tags: string[]): string[] {
  return tags.flatMap((tag) => record.get(tag) ?? []);
}

/** "Vaswani, Ashish" → "Ashish Vaswani"; "King, Martin Luther, Jr." → "Martin Luther King Jr."; "OpenAI" stays. */
function displayName(name: string): string {
  const [family, given, suffix] = name.split(',').map((part) => part.trim());
  return cleanLine([given, family, suffix].filter(Boolean).join(' '));
}

/** One keyword per KW line is the standard; Mendeley packs them into one line, comma-separated. */
function keywords(record: RisRecord): string[] {
  const lines = record.get('KW') ?? [];
  return tagsFrom(lines, lines.length === 1 ? /[,;]/ : /;/);
}

function toEntry(record: RisRecord, line: number): LibraryEntry {
  const type = first(record, ['TY'])?.trim();
  const title = first(record, TITLE_TAGS) ?? (type === 'BOOK' ? first(record, ['BT']) : undefined);
  const entry: LibraryEntry = { title: cleanLine(title ?? ''), authors: [], tags: keywords(record), line };
  const key = first(record, ['ID']);
  if (key) entry.key = key.trim();
  entry.authors = all(record, AUTHOR_TAGS).map(displayName).filter(Boolean);
  const year = YEAR_TAGS.map((tag) => yearIn(first(record, [tag]))).find((y) => y !== undefined);
  if (year !== undefined) entry.year = year;
  const venue = VENUE_TAGS.map((tag) => first(record, [tag])).find((v) => v && v !== title);
  if (venue) entry.venue = cleanLine(venue);
  const urls = all(record, URL_TAGS).flatMap((value) => value.split(/[\s;]+/)).filter((u) => /^https?:\/\//i.test(u));
  const fromUrls = urls.map(idsFromUrl);
  const doi = parseDoi(first(record, ['DO']) ?? '') ?? fromUrls.find((ids) => ids?.doi) ?? null;
  if (doi?.doi) entry.doi = doi.doi;
  if (urls[0]) entry.url = urls[0];
  const arxivId =
    doi?.arxivId ??
    fromUrls.map((ids) => ids?.arxivId).find(Boolean) ??
    all(record, NOTE_TAGS).map(arxivIdInText).find(Boolean);
  if (arxivId) entry.arxivId = arxivId;
  const abstract = all(record, ABSTRACT_TAGS)
    .map(cleanProse)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  if (abstract) entry.abstract = abstract;
  return entry;
}

export const readRis: FormatReader = function* (text) {
  const total = text.match(RECORD_START)?.length ?? 0;
  const entries: LibraryEntry[] = [];
  const problems: ParseProblem[] = [];
  let record: RisRecord | null = null;
  let recordLine = 0;
  let lastValues: string[] | null = null;
  let done = 0;
  const finish = () => {
    if (!record) return;
    const entry = toEntry(record, recordLine);
    if (entry.title) entries.push(entry);
    else problems.push({ line: recordLine, reason: missingTitle(entry.key) });
    record = null;
    lastValues = null;
    done++;
  };
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, line] of lines.entries()) {
    const tagged = TAG_LINE.exec(line.trimEnd());
    if (!tagged) {
      // A wrapped value continues on the next line (some tools indent it).
      if (lastValues && line.trim()) lastValues[lastValues.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const [, tag, value = ''] = tagged as unknown as [string, string, string | undefined];
    if (tag === 'TY') {
      // A record without its ER line still ends where the next one starts.
      finish();
      if (done % PROGRESS_EVERY === 0) yield { done, total };
      record = new Map([['TY', [value]]]);
      recordLine = i + 1;
    } else if (tag === 'ER') {
      finish();
    } else if (record) {
      const values = record.get(tag) ?? [];
      values.push(value.trim());
      record.set(tag, values);
      lastValues = values;
    }
  }
  finish();
  yield { done: total, total };
  return { entries, problems };
};
