/**
 * CSL-JSON, as Zotero ("CSL JSON") and Better BibTeX ("Better CSL JSON") export it: an array
 * of items with `title`, `author` name objects, `issued` date parts, `container-title`, `DOI`,
 * `URL`, `abstract`, `keyword`, and the arXiv id in `number`, `archive_location` or the URL.
 */
import * as v from 'valibot';
import { arxivIdInText, idsFromUrl, parseArxivId, parseDoi } from '../identity';
import { cleanLine, cleanProse, tagsFrom, yearIn } from '../text';
import type { LibraryEntry } from '../types';
import { readItems } from './json-items';
import type { FormatOutput, Progress } from './reader';

/** Zotero writes some values as numbers (`"volume": 30`); anything text-like is accepted. */
const text = v.optional(v.union([v.string(), v.number()]));

const Name = v.looseObject({
  family: text,
  given: text,
  literal: text,
  'non-dropping-particle': text,
  'dropping-particle': text,
  suffix: text,
});

const CslDate = v.looseObject({
  'date-parts': v.optional(v.array(v.array(v.union([v.string(), v.number()])))),
  raw: text,
  literal: text,
});

/** The fields PaperLens reads; other fields pass through unchecked (looseObject). */
export const CslItem = v.looseObject({
  id: text,
  'citation-key': text,
  title: text,
  author: v.optional(v.array(Name)),
  issued: v.optional(CslDate),
  'container-title': text,
  'event-title': text,
  DOI: text,
  URL: text,
  abstract: text,
  keyword: text,
  number: text,
  archive_location: text,
  note: text,
});
type CslItem = v.InferOutput<typeof CslItem>;

function str(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}

function nameOf(name: v.InferOutput<typeof Name>): string {
  if (name.literal !== undefined) return cleanLine(str(name.literal));
  const parts = [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix];
  return cleanLine(parts.map(str).filter(Boolean).join(' '));
}

function yearOf(issued: CslItem['issued']): number | undefined {
  return yearIn(issued?.['date-parts']?.[0]?.[0]) ?? yearIn(str(issued?.raw)) ?? yearIn(str(issued?.literal));
}

/** One CSL item as a LibraryEntry. */
export function cslEntry(item: CslItem, line: number): LibraryEntry {
  const entry: LibraryEntry = { title: cleanLine(str(item.title)), authors: [], tags: [], line };
  const key = str(item['citation-key']) || str(item.id);
  if (key) entry.key = key;
  entry.authors = (item.author ?? []).map(nameOf).filter(Boolean);
  const year = yearOf(item.issued);
  if (year !== undefined) entry.year = year;
  const venue = cleanLine(str(item['container-title']) || str(item['event-title']));
  if (venue) entry.venue = venue;
  const doi = item.DOI === undefined ? null : parseDoi(str(item.DOI));
  if (doi) entry.doi = doi.doi;
  const url = str(item.URL).trim();
  if (url) entry.url = url;
  const arxivId =
    doi?.arxivId ??
    idsFromUrl(url)?.arxivId ??
    [item.number, item.archive_location, item['container-title'], item.note].map((t) => (t === undefined ? null : arxivIdInText(str(t)))).find(Boolean) ??
    parseArxivId(str(item.number));
  if (arxivId) entry.arxivId = arxivId;
  const abstract = cleanProse(str(item.abstract));
  if (abstract) entry.abstract = abstract;
  entry.tags = tagsFrom(item.keyword === undefined ? [] : [str(item.keyword)]);
  return entry;
}

/** Reads an already parsed CSL-JSON array; `lines` holds each item's line. */
export function readCslItems(items: readonly unknown[], lines: readonly number[]): Generator<Progress, FormatOutput, void> {
  return readItems(items, lines, CslItem, cslEntry);
}
