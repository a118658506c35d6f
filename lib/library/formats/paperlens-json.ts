/**
 * PaperLens's own paper format: the bundled catalog's `{ version, papers: [...] }` (see
 * lib/catalog/types.ts), or one paper object per line (JSON Lines), with the optional fields a
 * saved paper has (authors, year, url). A TL;DR the file carries is kept.
 */
import * as v from 'valibot';
import { parseArxivId, parseDoi } from '../identity';
import { cleanLine, cleanProse, tagsFrom, yearIn } from '../text';
import type { LibraryEntry } from '../types';
import { readItems } from './json-items';
import type { FormatOutput, Progress } from './reader';

const optionalText = v.optional(v.string());

/** A catalog `Paper`, loosely: only `title` matters, the rest is taken when present and well-typed. */
export const PaperItem = v.looseObject({
  id: optionalText,
  title: optionalText,
  abstract: optionalText,
  tldr: optionalText,
  arxivId: optionalText,
  doi: optionalText,
  url: optionalText,
  venue: optionalText,
  authors: v.optional(v.array(v.string())),
  year: v.optional(v.union([v.number(), v.string()])),
  tags: v.optional(v.array(v.string())),
});
type PaperItem = v.InferOutput<typeof PaperItem>;

/** One paper object as a LibraryEntry. */
export function paperEntry(item: PaperItem, line: number): LibraryEntry {
  const entry: LibraryEntry = { title: cleanLine(item.title ?? ''), authors: [], tags: [], line };
  if (item.id) entry.key = item.id;
  entry.authors = (item.authors ?? []).map(cleanLine).filter(Boolean);
  const year = yearIn(item.year);
  if (year !== undefined) entry.year = year;
  if (item.venue?.trim()) entry.venue = cleanLine(item.venue);
  const doi = item.doi ? parseDoi(item.doi) : null;
  if (doi) entry.doi = doi.doi;
  const arxivId = (item.arxivId && parseArxivId(item.arxivId)) || doi?.arxivId;
  if (arxivId) entry.arxivId = arxivId;
  if (item.url?.trim()) entry.url = item.url.trim();
  const abstract = cleanProse(item.abstract ?? '');
  if (abstract) entry.abstract = abstract;
  const tldr = cleanLine(item.tldr ?? '');
  if (tldr) entry.tldr = tldr;
  entry.tags = tagsFrom(item.tags ?? [], null);
  return entry;
}

/** Reads already parsed paper objects; `lines` holds each one's line. */
export function readPaperItems(items: readonly unknown[], lines: readonly number[]): Generator<Progress, FormatOutput, void> {
  return readItems(items, lines, PaperItem, paperEntry);
}
