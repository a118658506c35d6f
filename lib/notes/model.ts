import * as v from 'valibot';
import type { StoredPaper } from '../catalog/types';
import { MAX_TITLE_CHARS } from '../match/title-index';
import { at, boundedString, finiteNumber, record } from '../validation';
import type { PaperState } from './paper-state';
import { READING_STATUS } from './reading-status';

/**
 * Upper bounds of what the user's library holds, checked on every note save and import, so
 * neither a hostile page nor a broken file makes the background store without limit.
 */
export const LIBRARY_LIMITS = {
  idChars: 200,
  noteChars: 1_000_000,
  tags: 100,
  tagChars: 100,
  abstractChars: 50_000,
  urlChars: 2_000,
  authors: 500,
  authorChars: 300,
} as const;


const STATUS_WORDS = `must be one of ${READING_STATUS.join(', ')}`;

/** A paper id as a message names it. */
export const PaperIdSchema = v.pipe(boundedString(LIBRARY_LIMITS.idChars, 'paper id'), v.nonEmpty('paper id must not be empty'));

/**
 * The user's note on a paper, as stored and as an export file holds it. Its own table keyed by
 * paper id, holding a title snapshot, so catalog updates cannot delete it and a note outlives a
 * paper renamed or removed. Messages name the field's path (`notes[3].updatedAt must be a number`).
 */
export const NoteSchema = record(
  {
    paperId: v.pipe(boundedString(LIBRARY_LIMITS.idChars), v.nonEmpty(at('must not be empty'))),
    /** Markdown. */
    text: boundedString(LIBRARY_LIMITS.noteChars),
    tags: v.pipe(
      v.array(boundedString(), at('must be an array')),
      v.maxLength(LIBRARY_LIMITS.tags, at(`has more than ${LIBRARY_LIMITS.tags} tags`)),
    ),
    status: v.picklist(READING_STATUS, at(STATUS_WORDS)),
    starred: v.boolean(at('must be true or false')),
    /** The paper's title when the note was last saved. */
    titleSnapshot: boundedString(MAX_TITLE_CHARS),
    createdAt: finiteNumber(at('must be a number')),
    updatedAt: finiteNumber(at('must be a number')),
  },
  at('must be an object'),
);
export type Note = v.InferOutput<typeof NoteSchema>;

/**
 * A list of at most `max` strings, each trimmed and at most `maxChars` long, empty ones dropped.
 * Counted before any item is read, so a huge list is refused at once.
 */
/* @__NO_SIDE_EFFECTS__ */
function trimmedStrings(max: number, maxChars: number, list: string, item: string) {
  const words = `${list} must be an array of at most ${max} strings`;
  return v.pipe(
    v.array(v.unknown(), words),
    v.maxLength(max, words),
    v.array(v.pipe(boundedString(maxChars, item), v.trim())),
    v.filterItems((s) => s !== ''),
  );
}

/** Fields a note save may change; omitted fields keep their stored value. Tags are trimmed, empty ones dropped. */
export const NoteInputSchema = record(
  {
    paperId: PaperIdSchema,
    text: v.optional(boundedString(LIBRARY_LIMITS.noteChars, 'note text')),
    tags: v.optional(trimmedStrings(LIBRARY_LIMITS.tags, LIBRARY_LIMITS.tagChars, 'tags', 'tag')),
    status: v.optional(v.picklist(READING_STATUS, `status ${STATUS_WORDS}`)),
    starred: v.optional(v.boolean('starred must be true or false')),
    /**
     * `updatedAt` of the note the editor started from. When the stored note is newer and its
     * text differs, the save is refused as a conflict instead of overwriting newer text. null is
     * kept: "the editor started from no note", so a note created elsewhere meanwhile is a conflict.
     */
    baseUpdatedAt: v.optional(v.nullable(finiteNumber('baseUpdatedAt must be a number'))),
  },
  'note must be an object',
);
export type NoteInput = v.InferOutput<typeof NoteInputSchema>;

/** A save either lands, or reports the newer note it would have overwritten. */
export type NoteSaveResult = { ok: true; note: Note } | { ok: false; conflict: Note };

/**
 * Where a note editor reads and saves notes. Each page backs it with what it may use: Dexie on
 * extension pages (lib/messaging/page-notes.ts), background messages in the hover card's frame,
 * which gets no IndexedDB of its own (lib/messaging/card-notes.ts).
 */
export interface NoteStore {
  /**
   * Calls `onNote` with the stored note (undefined: none yet) now and after every change it
   * learns of, or `onError` when it cannot read it; returns the function that stops this.
   */
  subscribe(paperId: string, onNote: (note: Note | undefined) => void, onError: (error: unknown) => void): () => void;
  save(input: NoteInput): Promise<NoteSaveResult>;
  /**
   * Told the whole unsaved draft on every change, and null once it is saved: the card streams
   * it to the background, which saves it if the tab closes first.
   */
  draft?(paperId: string, draft: NoteInput | null): void;
  /**
   * The user chose the stored note over their unsaved text ("Use the other text"): forget every
   * copy kept to save that text later (the extension pages' journal, the card's streamed draft),
   * so it is neither saved behind their back nor reported as "not saved" next time.
   */
  discard?(paperId: string): void;
  /** Every tag the user has put on a note, most used first, for the tag field's suggestions. */
  tags?(): Promise<string[]>;
}

export type { PaperState } from './paper-state';

/** A paper with the user's note on it and its state, as the hover card and popup show it. */
export interface PaperWithNote {
  paper: StoredPaper;
  note: Note | null;
  state: PaperState;
}

/**
 * One row of the user's library: a paper they noted or saved. `paper` is null for an orphan,
 * a note whose paper left the catalog (renamed or removed); it is shown by its title snapshot.
 */
export interface LibraryEntry {
  paperId: string;
  title: string;
  paper: StoredPaper | null;
  note: Note | null;
  orphan: boolean;
}

/** arXiv identifiers: new style (2106.09608, optional version) or old style (cs/0102001). */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;
/** arXiv categories: `cs.LG`, `stat.ML`, `hep-th`, `math.AG`. */
export const ARXIV_CLASS = /^[a-z-]+(\.[A-Za-z-]+)?$/;
const YEAR_WORDS = 'year must be a four-digit number';

/**
 * A paper that is not in the catalog, as the save-paper content script reads it from an arXiv
 * or Hugging Face page; the background describes it with the catalog's own summarizer.
 */
export const SavePaperInputSchema = record(
  {
    title: v.pipe(
      boundedString(MAX_TITLE_CHARS, 'title'),
      v.trim(),
      v.regex(/[\p{L}\p{N}]/u, 'title must contain a letter or digit'),
    ),
    url: v.pipe(boundedString(LIBRARY_LIMITS.urlChars, 'url'), v.regex(/^https?:\/\//, 'url must be an http(s) address')),
    abstract: v.pipe(boundedString(LIBRARY_LIMITS.abstractChars, 'abstract'), v.trim()),
    arxivId: v.optional(v.pipe(boundedString(40, 'arxivId'), v.regex(ARXIV_ID, 'arxivId is not an arXiv identifier'))),
    arxivClass: v.optional(v.pipe(boundedString(40, 'arxivClass'), v.regex(ARXIV_CLASS, 'arxivClass is not an arXiv category such as cs.LG'))),
    authors: v.optional(trimmedStrings(LIBRARY_LIMITS.authors, LIBRARY_LIMITS.authorChars, 'authors', 'author')),
    year: v.optional(v.pipe(v.number(YEAR_WORDS), v.integer(YEAR_WORDS), v.minValue(1000, YEAR_WORDS), v.maxValue(9999, YEAR_WORDS))),
  },
  'paper must be an object',
);
export type SavePaperInput = v.InferOutput<typeof SavePaperInputSchema>;

/** The id the saved paper has (`created` is false when it was already known). */
export interface SavePaperResult {
  id: string;
  created: boolean;
}

/**
 * A paper page the user opened (arXiv abstract, HTML or PDF page, Hugging Face or alphaXiv
 * paper page), as the content script reads it; a PDF gives its address only. Ids are checked
 * by lib/library when the visit is recorded, so a malformed one is ignored, not an error.
 */
export const VisitInputSchema = record(
  {
    url: v.pipe(boundedString(LIBRARY_LIMITS.urlChars, 'url'), v.regex(/^https?:\/\//, 'url must be an http(s) address')),
    arxivId: v.optional(boundedString(40, 'arxivId')),
    doi: v.optional(boundedString(300, 'doi')),
    title: v.optional(v.pipe(boundedString(MAX_TITLE_CHARS, 'title'), v.trim())),
    authors: v.optional(trimmedStrings(LIBRARY_LIMITS.authors, LIBRARY_LIMITS.authorChars, 'authors', 'author')),
    abstract: v.optional(v.pipe(boundedString(LIBRARY_LIMITS.abstractChars, 'abstract'), v.trim())),
  },
  'visit must be an object',
);
export type VisitInput = v.InferOutput<typeof VisitInputSchema>;
