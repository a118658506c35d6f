import { isPageIndex, type PageIndex } from '../library/page-index';
import type { StringTable } from '../match/string-table';
import { opfsFile, type FileStore } from './opfs-file';

/**
 * The match index (lib/db/page-index.ts) as one binary file in the extension's origin private
 * file system (OPFS), beside the copy in IndexedDB. A service worker woken by a page starts
 * reading it the moment its script runs, while IndexedDB is still opening: at 100,000 papers
 * that open took 0.5–2.7 s on the loaded test machine and reading the index out of IndexedDB
 * another 0.4–2.3 s after it, one after the other, before the first page could be answered.
 * The file holds the index's typed arrays back to back; reading it back is one `arrayBuffer()`
 * and views on it, with no decoding.
 *
 * The file is a cache: it is used only when its header names the papers revision and the token
 * of the index stored in IndexedDB (read in one small transaction), so a file left from another
 * database, an older revision or a deleted library is never believed. Written by the background
 * after it stored or read an index the file did not hold; removed with "delete all my data".
 *
 * Layout: `PLIX`, a little-endian u32 header length, the header as JSON ({@link FileHeader}),
 * padding to 4 bytes, then each table's `ends` (u32) and `bytes`, each padded to 4 bytes.
 * Hand-written: it is a dozen lines over typed arrays, and no library packs typed arrays into
 * one buffer that views can be taken on.
 */

const MAGIC = 0x58494c50; // 'PLIX' little-endian
const FILE_FORMAT = 1;
export const PAGE_INDEX_FILE = 'match-index.bin';

/** What the file says about the index it holds. */
interface FileHeader {
  format: number;
  /** The papers revision and the token of the index in IndexedDB this file copies. */
  revision: number;
  token: string;
  /** Each table's string count and byte length, in {@link tablesOf} order. */
  tables: [count: number, bytes: number][];
}

/** The index as it is stored and checked: the revision it was built for, the token of its store. */
export interface IndexFileContents {
  revision: number;
  token: string;
  index: PageIndex;
}

function tablesOf(index: PageIndex): StringTable[] {
  return [index.titles.keys, index.titles.ids, index.titles.titles, index.idKeys, index.idPapers, index.withArxivId];
}

const pad4 = (n: number) => (n + 3) & ~3;

/** The file's bytes for `contents`. */
export function encodeIndexFile({ revision, token, index }: IndexFileContents): Uint8Array {
  const tables = tablesOf(index);
  const header: FileHeader = { format: FILE_FORMAT, revision, token, tables: tables.map((t) => [t.ends.length, t.bytes.length]) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = pad4(8 + json.length);
  for (const t of tables) size += pad4(t.ends.byteLength) + pad4(t.bytes.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  out.set(json, 8);
  let at = pad4(8 + json.length);
  for (const t of tables) {
    out.set(new Uint8Array(t.ends.buffer, t.ends.byteOffset, t.ends.byteLength), at);
    at += pad4(t.ends.byteLength);
    out.set(t.bytes, at);
    at += pad4(t.bytes.length);
  }
  return out;
}

/**
 * The contents of a file's bytes, as views on `buffer` (nothing is copied), or null when the
 * bytes are not a whole index file of this format (an older format, a file cut short).
 */
export function decodeIndexFile(buffer: ArrayBuffer): IndexFileContents | null {
  if (buffer.byteLength < 8) return null;
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const length = view.getUint32(4, true);
  if (8 + length > buffer.byteLength) return null;
  let header: FileHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, length))) as FileHeader;
  } catch {
    return null;
  }
  if (header.format !== FILE_FORMAT || !Array.isArray(header.tables) || header.tables.length !== 6) return null;
  let at = pad4(8 + length);
  const tables: StringTable[] = [];
  for (const [count, bytes] of header.tables) {
    if (at + pad4(count * 4) + bytes > buffer.byteLength) return null;
    const ends = new Uint32Array(buffer, at, count);
    at += pad4(count * 4);
    tables.push({ ends, bytes: new Uint8Array(buffer, at, bytes) });
    at += pad4(bytes);
  }
  const [keys, ids, titles, idKeys, idPapers, withArxivId] = tables as [StringTable, StringTable, StringTable, StringTable, StringTable, StringTable];
  const index: PageIndex = { titles: { keys, ids, titles }, idKeys, idPapers, withArxivId };
  if (typeof header.revision !== 'number' || typeof header.token !== 'string' || !isPageIndex(index)) return null;
  return { revision: header.revision, token: header.token, index };
}

/** Where the file is kept: OPFS in the extension, a map in tests. */
export type IndexFileStore = FileStore;

/** The match index file in OPFS. */
export function opfsIndexFile(name = PAGE_INDEX_FILE): IndexFileStore {
  return opfsFile(name);
}
