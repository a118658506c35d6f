/**
 * Finds where BibTeX entries and field values begin and end, so each entry can be handed to
 * bibtex-parser on its own and with only the fields PaperLens keeps. This is not a second
 * BibTeX parser: it decodes nothing (TeX, names, `@string`s and errors stay the library's job)
 * and gives up, returning null, on anything unusual, in which case the library gets the entry
 * untouched.
 *
 * Why it exists: bibtex-parser runs every field through a LaTeX grammar whose cost jumps from
 * about 1.5 µs to 7 µs per character once a field passes about 200 characters (measured on
 * 9.0.29), so a 1,500-character abstract costs some 10 ms and a 20,000-entry Zotero export
 * minutes. Parsing entry by entry also gives each problem its line and lets the caller show
 * progress and cancel.
 */

/** One `@type{…}` block of the file. */
export interface Segment {
  /** Entry type in lowercase (`article`, `string`, `comment`, …). */
  type: string;
  text: string;
  /** 1-based line of the `@`. */
  line: number;
}

const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z][\w-]*)[ \t]*[{(]/gm;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BACKSLASH = 92;
const QUOTE = 34;

/** Index just past the `}` closing the `{` at `open` (a backslash escapes the next character, as in BibTeX), or -1. */
export function closeBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE && --depth === 0) return i + 1;
  }
  return -1;
}

/** Index just past the `"` closing the quoted value at `open` (braces inside must balance), or -1. */
function closeQuote(text: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE) depth--;
    else if (c === QUOTE && depth <= 0) return i + 1;
  }
  return -1;
}

/** Whether the entry closes before its text ends; false for the last entry of a file cut short. */
export function isClosed(segment: Segment): boolean {
  const { text } = segment;
  const open = text.search(/[{(]/);
  if (text[open] === '{') return closeBrace(text, open) !== -1;
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ')' && depth <= 0) return true;
  }
  return false;
}

/** The file's `@…` blocks, each with its line. Text before the first `@` (Mendeley's header) is skipped. */
export function splitEntries(text: string): Segment[] {
  const starts: { index: number; type: string }[] = [];
  ENTRY_START.lastIndex = 0;
  for (let m = ENTRY_START.exec(text); m; m = ENTRY_START.exec(text)) {
    starts.push({ index: m.index, type: m[1]!.toLowerCase() });
  }
  const segments: Segment[] = [];
  let line = 1;
  let counted = 0;
  starts.forEach((start, k) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < start.index; i = text.indexOf('\n', i + 1)) line++;
    counted = start.index;
    const end = k + 1 < starts.length ? starts[k + 1]!.index : text.length;
    segments.push({ type: start.type, text: text.slice(start.index, end), line });
  });
  return segments;
}

/** One `name = value` of an entry, value as written (`{…}`, `"…"`, a macro, or `a # b`). */
export interface RawField {
  /** Lowercase. */
  name: string;
  raw: string;
  /** The text inside the braces or quotes, when the value is one braced or quoted part. */
  inner?: string;
}

/** An entry cut into its parts, not decoded. */
export interface ScannedEntry {
  type: string;
  key: string;
  fields: RawField[];
}

const HEAD = /^\s*@\s*([A-Za-z][\w-]*)\s*([{(])/y;
const FIELD_NAME = /[^\s=,{}()"#%]+/y;
const BARE_VALUE = /[^\s,#{}()"%]+/y;

/** Index of the next character that is not whitespace, a comma, or inside a `%` comment. */
function skipBlank(text: string, i: number, commas: boolean): number {
  for (;;) {
    const c = text[i];
    if (c === '%') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol + 1;
    } else if (c !== undefined && (/\s/.test(c) || (commas && c === ','))) {
      i++;
    } else {
      return i;
    }
  }
}

/** The entry's type, key and fields as written; null for anything this scan does not recognise. */
export function scanEntry(segment: string): ScannedEntry | null {
  HEAD.lastIndex = 0;
  const head = HEAD.exec(segment);
  if (!head) return null;
  const closer = head[2] === '{' ? '}' : ')';
  const comma = segment.indexOf(',', HEAD.lastIndex);
  if (comma === -1) return null;
  const key = segment.slice(HEAD.lastIndex, comma).trim();
  if (/[\s={}"]/.test(key)) return null;
  const fields: RawField[] = [];
  let i = comma + 1;
  for (;;) {
    i = skipBlank(segment, i, true);
    if (segment[i] === closer) return { type: head[1]!.toLowerCase(), key, fields };
    FIELD_NAME.lastIndex = i;
    const name = FIELD_NAME.exec(segment);
    if (!name) return null;
    i = skipBlank(segment, FIELD_NAME.lastIndex, false);
    if (segment[i] !== '=') return null;
    i = skipBlank(segment, i + 1, false);
    const start = i;
    let parts = 0;
    let quotedOrBraced = false;
    for (;;) {
      const c = segment[i];
      if (c === '{' || c === '"') {
        i = c === '{' ? closeBrace(segment, i) : closeQuote(segment, i);
        if (i === -1) return null;
        quotedOrBraced = true;
      } else {
        BARE_VALUE.lastIndex = i;
        if (!BARE_VALUE.exec(segment)) return null;
        i = BARE_VALUE.lastIndex;
        quotedOrBraced = false;
      }
      parts++;
      const next = skipBlank(segment, i, false);
      if (segment[next] !== '#') break;
      i = skipBlank(segment, next + 1, false);
    }
    const raw = segment.slice(start, i);
    const field: RawField = { name: name[0].toLowerCase(), raw };
    if (parts === 1 && quotedOrBraced) field.inner = raw.slice(1, -1);
    fields.push(field);
    // Fields are comma-separated; without one the library decides what the entry means.
    i = skipBlank(segment, i, false);
    if (segment[i] !== ',' && segment[i] !== closer) return null;
  }
}

/** Tokens rejoined with `separator` into pieces of at most `max` characters (a longer token stays whole). */
function pack(tokens: string[], separator: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (current && current.length + separator.length + token.length > max) {
      pieces.push(current);
      current = token;
    } else {
      current = current ? current + separator + token : token;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * `text` cut at each `boundary` that stands outside braces and math and not between a command
 * and its argument: places where cutting changes no piece's meaning.
 */
function topLevelSplit(text: string, boundary: RegExp): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let math = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
    } else if (c === '$') {
      math = !math;
    } else if (depth === 0 && !math) {
      boundary.lastIndex = i;
      const cut = boundary.exec(text);
      if (cut && !/\\[A-Za-z]+$/.test(text.slice(from, i))) {
        tokens.push(text.slice(from, i));
        from = boundary.lastIndex;
        i = from - 1;
      }
    }
  }
  tokens.push(text.slice(from));
  return tokens.filter((t) => t.trim());
}

/** Prose (an abstract) in pieces of at most `max` characters, cut at spaces. */
export function proseChunks(tex: string, max: number): string[] {
  return pack(topLevelSplit(tex, /\s+/y), ' ', max);
}

/** A BibTeX name list in pieces of at most `max` characters, cut only at ` and `. */
export function nameChunks(tex: string, max: number): string[] {
  return pack(topLevelSplit(tex, /\s+and\s+/iy), ' and ', max);
}
