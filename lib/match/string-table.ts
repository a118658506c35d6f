/**
 * A list of strings packed as UTF-8 bytes with the end offset of each: the form the match
 * indexes take in memory and in IndexedDB alike. IndexedDB's structured clone copies two typed
 * arrays as two blocks of memory, where reading back (or splitting apart) 100,000 separate
 * strings took hundreds of milliseconds; a woken service worker therefore answers from the
 * stored table as it comes out of the database, with no per-string work. Bytes rather than one
 * long JS string, because a single Greek letter in 100,000 titles makes V8 store the whole
 * string at two bytes a character (35 MB of index at 100,000 papers where UTF-8 takes 17).
 *
 * Sorted tables are in UTF-8 byte order, which is code point order, and are searched in place:
 * `lowerBound` compares the target's bytes with the packed bytes without decoding anything.
 *
 * Hand-written: no maintained library offers a sorted string table over typed arrays that
 * structured clone keeps as they are.
 */
export interface StringTable {
  /** Every string, UTF-8 encoded and concatenated in order. */
  bytes: Uint8Array;
  /** Where each string ends in `bytes` (string `i` starts where `i - 1` ends). */
  ends: Uint32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Packs `list` in its order; `sortStrings` first for a table `lowerBound` can search. */
export function packStrings(list: readonly string[]): StringTable {
  const encoded = list.map((s) => encoder.encode(s));
  const ends = new Uint32Array(list.length);
  let at = 0;
  for (let i = 0; i < encoded.length; i++) {
    at += encoded[i]!.length;
    ends[i] = at;
  }
  const bytes = new Uint8Array(at);
  for (let i = 0; i < encoded.length; i++) bytes.set(encoded[i]!, i === 0 ? 0 : ends[i - 1]!);
  return { bytes, ends };
}

/** A UTF-16 code unit moved so that comparing moved units compares code points (UTF-8 byte order). */
function codePointOrder(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Compares two strings in code point order, the order of their UTF-8 bytes. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(k);
    const y = b.charCodeAt(k);
    if (x !== y) return codePointOrder(x) - codePointOrder(y);
  }
  return a.length - b.length;
}

/** `list` sorted as sorted tables are (code point order). */
export function sortStrings(list: Iterable<string>): string[] {
  return [...list].sort(compareStrings);
}

export function tableSize(table: StringTable): number {
  return table.ends.length;
}

function startOf(table: StringTable, i: number): number {
  return i === 0 ? 0 : table.ends[i - 1]!;
}

export function stringAt(table: StringTable, i: number): string {
  return decoder.decode(table.bytes.subarray(startOf(table, i), table.ends[i]));
}

/** Every string of the table, in order. */
export function unpackStrings(table: StringTable): string[] {
  return Array.from({ length: table.ends.length }, (_, i) => stringAt(table, i));
}

/** Scratch space for a target's bytes, grown as needed (lookups run one at a time). */
let scratch = new Uint8Array(1024);

/** `target` as UTF-8 in the scratch buffer; its length in bytes. */
function encodeTarget(target: string): number {
  if (scratch.length < target.length * 3) scratch = new Uint8Array(target.length * 3);
  return encoder.encodeInto(target, scratch).written;
}

/** Compares string `i` with the first `length` scratch bytes: negative, 0 or positive. */
function compareEncoded(table: StringTable, i: number, length: number): number {
  const { bytes } = table;
  const start = startOf(table, i);
  const own = table.ends[i]! - start;
  const n = Math.min(own, length);
  for (let k = 0; k < n; k++) {
    const d = bytes[start + k]! - scratch[k]!;
    if (d !== 0) return d;
  }
  return own - length;
}

function lowerBoundEncoded(table: StringTable, length: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEncoded(table, mid, length) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Compares string `i` with `target` in code point order: negative, 0 or positive. */
export function compareAt(table: StringTable, i: number, target: string): number {
  return compareEncoded(table, i, encodeTarget(target));
}

/** The first position in `[lo, hi)` of a sorted table whose string is not below `target`. */
export function lowerBound(table: StringTable, target: string, lo = 0, hi = table.ends.length): number {
  return lowerBoundEncoded(table, encodeTarget(target), lo, hi);
}

/** The position of `target` in a sorted table, or -1. */
export function indexOfSorted(table: StringTable, target: string): number {
  const length = encodeTarget(target);
  const at = lowerBoundEncoded(table, length, 0, table.ends.length);
  return at < table.ends.length && compareEncoded(table, at, length) === 0 ? at : -1;
}

/** The positions `[from, to)` of a sorted table's strings that start with `prefix`, and the prefix's length in bytes. */
export function prefixRange(table: StringTable, prefix: string): { from: number; to: number; length: number } {
  const length = encodeTarget(prefix);
  const from = lowerBoundEncoded(table, length, 0, table.ends.length);
  let to = from;
  while (to < table.ends.length) {
    const start = startOf(table, to);
    if (table.ends[to]! - start < length) break;
    let same = true;
    for (let k = 0; k < length && same; k++) same = table.bytes[start + k] === scratch[k];
    if (!same) break;
    to++;
  }
  return { from, to, length };
}

/** The byte of string `i` at byte `offset`, or -1 past its end. */
export function byteAt(table: StringTable, i: number, offset: number): number {
  const at = startOf(table, i) + offset;
  return at < table.ends[i]! ? table.bytes[at]! : -1;
}

/** Whether `value` has the shape of a table (a stored index is checked before use). */
export function isStringTable(value: unknown): value is StringTable {
  if (typeof value !== 'object' || value === null) return false;
  const { bytes, ends } = value as StringTable;
  return (
    bytes instanceof Uint8Array &&
    ends instanceof Uint32Array &&
    (ends.length === 0 ? bytes.length === 0 : ends[ends.length - 1] === bytes.length)
  );
}
