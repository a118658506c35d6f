import * as v from 'valibot';
import type { LinkKind, StoredPaper } from '../catalog/types';
import { MAX_TITLE_CHARS } from '../match/title-index';
import { isUserSetting } from '../settings';
import { at, boundedString, finiteNumber, record, uniqueBy } from '../validation';
import { LIBRARY_LIMITS, NoteSchema } from './model';

/** Marks a file as ours, so a foreign JSON file is rejected by name rather than by accident. */
export const EXPORT_FORMAT = 'paperlens-export';
/** Bumped on any incompatible change; import refuses versions it does not know. */
export const EXPORT_VERSION = 1;

const LINK_KINDS: readonly LinkKind[] = ['code', 'project', 'other'];
const strings = v.array(boundedString(), at('must be an array'));
const aNumber = finiteNumber(at('must be a number'));

const LinkSchema = record(
  {
    kind: v.picklist(LINK_KINDS, at(`must be one of ${LINK_KINDS.join(', ')}`)),
    url: boundedString(),
    label: boundedString(),
  },
  at('must be an object'),
);

/** A paper the user saved from a page; catalog papers are never in a file (the extension ships them). */
const UserPaperSchema = record(
  {
    source: v.literal('user', at('must be "user" (catalog papers are not imported)')),
    keyResult: v.nullable(v.string(at('must be a string or null'))),
    id: v.pipe(boundedString(LIBRARY_LIMITS.idChars), v.nonEmpty(at('must not be empty'))),
    title: boundedString(MAX_TITLE_CHARS),
    abstract: boundedString(LIBRARY_LIMITS.abstractChars),
    tldr: boundedString(),
    links: v.array(LinkSchema, at('must be an array')),
    topics: strings,
    sources: strings,
    arxivId: v.optional(boundedString(40)),
    arxivClass: v.optional(boundedString(40)),
    savedAt: v.optional(aNumber),
    url: v.optional(boundedString(LIBRARY_LIMITS.urlChars)),
    authors: v.optional(strings),
    year: v.optional(aNumber),
  },
  at('must be an object'),
) satisfies v.GenericSchema<unknown, StoredPaper>;

const SettingSchema = record(
  {
    key: v.pipe(
      boundedString(LIBRARY_LIMITS.idChars),
      v.nonEmpty(at('must not be empty')),
    ),
    // JSON drops an undefined value, so a missing one is what an undefined setting exports as.
    value: v.unknown(),
  },
  at('must be an object'),
);

/**
 * Everything that is the user's, as one JSON document. Lossless: importing it into an empty
 * database gives back exactly these notes, user papers and settings. Catalog papers are not in
 * it (the extension ships them); `catalogVersion` says which catalog the notes were written against.
 * Reading a file checks every field and keeps only known ones; the first problem is reported
 * with its path, e.g. `notes[3].updatedAt must be a number`.
 */
export const ExportFileSchema = record(
  {
    format: v.literal(EXPORT_FORMAT, 'This is not a PaperLens export (its "format" is not "paperlens-export").'),
    version: v.literal(
      EXPORT_VERSION,
      // Only a number is quoted back: the file's own text never reaches the page.
      (issue) =>
        typeof issue.input === 'number'
          ? `This export has version ${issue.input}; this PaperLens reads version ${EXPORT_VERSION}. Update PaperLens to import it.`
          : `This export's "version" is not a number; this PaperLens reads version ${EXPORT_VERSION}.`,
    ),
    catalogVersion: v.nullable(v.string(at('must be a string or null'))),
    notes: v.pipe(v.array(NoteSchema, at('must be an array')), uniqueBy((n) => n.paperId)),
    /** Papers saved from pages (`source: 'user'`). */
    userPapers: v.pipe(v.array(UserPaperSchema, at('must be an array')), uniqueBy((p) => p.id)),
    /**
     * The user's settings (enabled sites, …). Any other row is dropped on reading: files written
     * before exports left them out carry PaperLens's bookkeeping and search caches, which must
     * not land in this browser (a cache from elsewhere is stale here).
     */
    settings: v.pipe(
      v.array(SettingSchema, at('must be an array')),
      uniqueBy((s) => s.key),
      v.transform((settings) => settings.filter((s) => isUserSetting(s.key))),
    ),
    /** ms since epoch. */
    exportedAt: aNumber,
  },
  'The file must be an object',
);
export type ExportFile = v.InferOutput<typeof ExportFileSchema>;

/**
 * The file's text. JSON.stringify writes lone surrogates and control characters as `\u` escapes,
 * so any string a note holds survives the UTF-8 file unchanged.
 */
export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file, null, 1);
}

/** A file name that sorts by date: `paperlens-2026-11-22.json`. */
export function exportFileName(exportedAt: number, extension: 'json' | 'md' | 'bib'): string {
  return `paperlens-${new Date(exportedAt).toISOString().slice(0, 10)}.${extension}`;
}
