/*
 * The papers' ids and titles, stored deflated in blocks of NAME_BLOCK papers and inflated a
 * block at a time when one of its papers is first asked for. Inflating all 100,000 at load
 * (13 MB of text) was most of the popup's wait for its index; a keystroke needs only the
 * few hundred papers it re-ranks, a result list its thirty.
 *
 * fflate both ways, synchronously: search is synchronous (the browser's DecompressionStream is
 * not), and the build deflates each block as soon as its papers have arrived (PaperNamesBuilder),
 * so the build never holds the text of more than one block. Blocks of 1,024 papers (about 135 kB
 * of text, a millisecond to inflate): at 100,000 papers they store 3.1 MB where one stream
 * stored 2.5 MB (blocks of 256 took 4.2 MB).
 */
import { deflateSync, inflateSync } from 'fflate';

export const NAME_BLOCK = 1024;

export interface SerializedNames {
  /** The deflated blocks, one after the other: each is its papers' ids, then their titles, one a line. */
  blocks: Uint8Array;
  /** Where each block starts in `blocks`, and where the last ends. */
  offsets: Uint32Array;
  /** The first id of each block, one a line: an id's block is a binary search away. */
  firstIds: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * fflate's level 4 rather than its default 6: at 100,000 papers (both in one process, twice)
 * 324-374 ms of CPU against 530-805 ms, for 3.14 MB against 3.09 MB. Memory level 4 (a 64 kB
 * table, the least fflate recommends) rather than the 512 kB it picks for a block's size: each
 * block allocated that anew, and the garbage collections it brought took 16-199 ms of a build
 * against 9-18 ms (3.15 MB against 3.14 MB).
 */
const DEFLATE = { level: 4, mem: 4 } as const;

/** Whether a UTF-16 unit is white space to a regular expression's `\s`. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `text` with every run of white space made one space, as `text.replace(/\s+/g, ' ')` gives it,
 * but looked over first: nearly no title has anything to collapse, and the replace made a new
 * string of every one (at 100,000 papers, each kept to the end of the build).
 */
export function collapseSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? i + 1 < text.length && isSpace(text.charCodeAt(i + 1)) : (c <= 13 || c >= 128) && isSpace(c)) {
      return text.replace(/\s+/g, ' ');
    }
  }
  return text;
}

/**
 * Takes the papers' ids (in increasing order) and titles (white space collapsed, so one line each) one paper at a time and
 * deflates each block once its NAME_BLOCK papers are in, its text written into one buffer kept
 * for every block.
 */
export class PaperNamesBuilder {
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly parts: Uint8Array[] = [];
  private buffer = new Uint8Array(1 << 18);

  add(id: string, title: string): void {
    this.ids.push(id);
    this.titles.push(collapseSpaces(title));
    if (this.ids.length % NAME_BLOCK === 0) this.deflateBlock();
  }

  /** Deflates the papers added since the last block: their ids, then their titles, one a line. */
  private deflateBlock(): void {
    const from = this.parts.length * NAME_BLOCK;
    const to = this.ids.length;
    let units = 0;
    for (let i = from; i < to; i++) units += this.ids[i]!.length + this.titles[i]!.length + 2;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.buffer.length < 3 * units) this.buffer = new Uint8Array(3 * units);
    let at = 0;
    for (const list of [this.ids, this.titles]) {
      for (let i = from; i < to; i++) {
        if (at > 0) this.buffer[at++] = 10;
        at = this.put(list[i]!, at);
      }
    }
    this.parts.push(deflateSync(this.buffer.subarray(0, at), DEFLATE));
  }

  /**
   * Writes `text` as UTF-8 at `at` in the buffer; returns where it ends. ASCII (nearly every id
   * and title) is copied a character at a time, the rest encoded from the first other character
   * on: no string or array is made for a text without one (joining each block's text into one
   * string first, and encoding that, cost more than deflating it).
   */
  private put(text: string, at: number): number {
    const buffer = this.buffer;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) return at + encoder.encodeInto(text.slice(i), buffer.subarray(at)).written;
      buffer[at++] = c;
    }
    return at;
  }

  finish(): PaperNames {
    const { ids, titles, parts } = this;
    if (parts.length * NAME_BLOCK < ids.length) this.deflateBlock();
    const offsets = new Uint32Array(parts.length + 1);
    parts.forEach((p, b) => (offsets[b + 1] = offsets[b]! + p.length));
    const blocks = new Uint8Array(offsets[parts.length]!);
    parts.forEach((p, b) => blocks.set(p, offsets[b]!));
    const firstIds: string[] = [];
    for (let from = 0; from < ids.length; from += NAME_BLOCK) firstIds.push(ids[from]!);
    return new PaperNames({ blocks, offsets, firstIds: firstIds.join('\n') }, ids.length, { ids, titles });
  }
}

export class PaperNames {
  private readonly firstIds: string[];
  private readonly ids: (string[] | undefined)[];
  private readonly titles: (string[] | undefined)[];
  private inflated = 0;

  /** `known`: the ids and titles themselves, when the caller has them (the builder). */
  constructor(
    private readonly data: SerializedNames,
    readonly size: number,
    known?: { ids: readonly string[]; titles: readonly string[] },
  ) {
    this.firstIds = data.firstIds ? data.firstIds.split('\n') : [];
    const blocks = this.firstIds.length;
    if (data.offsets.length !== blocks + 1 || blocks !== Math.ceil(size / NAME_BLOCK)) {
      throw new Error(`search index holds ${blocks} name blocks for ${size} papers`);
    }
    this.ids = new Array<string[] | undefined>(blocks);
    this.titles = new Array<string[] | undefined>(blocks);
    if (known) {
      for (let b = 0; b < blocks; b++) {
        this.ids[b] = known.ids.slice(b * NAME_BLOCK, (b + 1) * NAME_BLOCK);
        this.titles[b] = known.titles.slice(b * NAME_BLOCK, (b + 1) * NAME_BLOCK);
      }
      this.inflated = blocks;
    }
  }

  /** Deflates ids (in increasing order) and titles (white space collapsed) block by block. */
  static build(ids: readonly string[], titles: readonly string[]): PaperNames {
    const builder = new PaperNamesBuilder();
    ids.forEach((id, i) => builder.add(id, titles[i]!));
    return builder.finish();
  }

  serialize(): SerializedNames {
    return this.data;
  }

  get storedBytes(): number {
    return this.data.blocks.byteLength + this.data.offsets.byteLength + this.data.firstIds.length;
  }

  /** Blocks not inflated yet. */
  get pendingBlocks(): number {
    return this.firstIds.length - this.inflated;
  }

  private block(b: number): void {
    if (this.ids[b]) return;
    const { blocks, offsets } = this.data;
    const lines = decoder.decode(inflateSync(blocks.subarray(offsets[b]!, offsets[b + 1]!))).split('\n');
    const count = Math.min(NAME_BLOCK, this.size - b * NAME_BLOCK);
    if (lines.length !== 2 * count) throw new Error(`search index name block ${b} holds ${lines.length} lines for ${count} papers`);
    this.ids[b] = lines.slice(0, count);
    this.titles[b] = lines.slice(count);
    this.inflated++;
  }

  /** Inflates up to `count` blocks not inflated yet (for idle time); returns how many are left. */
  inflateSome(count: number): number {
    for (let b = 0; b < this.firstIds.length && count > 0; b++) {
      if (!this.ids[b]) {
        this.block(b);
        count--;
      }
    }
    return this.pendingBlocks;
  }

  id(ordinal: number): string {
    const b = Math.floor(ordinal / NAME_BLOCK);
    this.block(b);
    return this.ids[b]![ordinal - b * NAME_BLOCK]!;
  }

  title(ordinal: number): string {
    const b = Math.floor(ordinal / NAME_BLOCK);
    this.block(b);
    return this.titles[b]![ordinal - b * NAME_BLOCK]!;
  }

  /** The ordinal of a paper id, or undefined: the last block starting at or before it, then its ids. */
  ordinalOf(id: string): number | undefined {
    let lo = 0;
    let hi = this.firstIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.firstIds[mid]! <= id) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    if (b < 0) return undefined;
    this.block(b);
    const ids = this.ids[b]!;
    let l = 0;
    let h = ids.length;
    while (l < h) {
      const mid = (l + h) >>> 1;
      if (ids[mid]! < id) l = mid + 1;
      else h = mid;
    }
    return ids[l] === id ? b * NAME_BLOCK + l : undefined;
  }
}

/**
 * Inflates the blocks not asked for yet one at a time between other work (a timer turn a
 * block: about a millisecond), so the first keystrokes after the popup opens find the
 * titles they re-rank ready without the load having waited for all of them.
 */
export function inflateInBackground(names: PaperNames, blocksPerTurn = 1): void {
  const turn = () => {
    if (names.inflateSome(blocksPerTurn) > 0) setTimeout(turn, 0);
  };
  if (names.pendingBlocks > 0) setTimeout(turn, 0);
}
