/*
 * The papers' ids and titles, stored deflated in blocks of NAME_BLOCK papers and inflated a
 * block at a time when one of its papers is first asked for. Inflating all 100,000 at load
 * (13 MB of text) was most of the popup's wait for its index; a keystroke needs only the
 * few hundred papers it re-ranks, a result list its thirty.
 *
 * fflate inflates synchronously: search is synchronous, and the browser's DecompressionStream
 * is not. The build, asynchronous anyway, deflates with the browser's CompressionStream. Blocks of 1,024 papers (about 135 kB of text, a millisecond to inflate): at 100,000
 * papers they store 3.1 MB where one stream stored 2.5 MB (blocks of 256 took 4.2 MB).
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
 * Raw DEFLATE (what fflate's inflateSync reads) through the platform's CompressionStream: native
 * zlib, at 100,000 papers about half the CPU of fflate's deflate and a few percent smaller.
 * fflate where the platform has no 'deflate-raw' (older browsers).
 */
export async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  let stream: CompressionStream;
  try {
    stream = new CompressionStream('deflate-raw');
  } catch {
    return deflateSync(bytes);
  }
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
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

  /** Deflates ids (in increasing order) and titles (one line each) block by block. */
  static async build(ids: readonly string[], titles: readonly string[]): Promise<PaperNames> {
    const texts: Uint8Array<ArrayBuffer>[] = [];
    const firstIds: string[] = [];
    for (let from = 0; from < ids.length; from += NAME_BLOCK) {
      const to = Math.min(ids.length, from + NAME_BLOCK);
      firstIds.push(ids[from]!);
      texts.push(encoder.encode(`${ids.slice(from, to).join('\n')}\n${titles.slice(from, to).join('\n')}`));
    }
    const parts = await Promise.all(texts.map(deflateRaw));
    const offsets = new Uint32Array(parts.length + 1);
    parts.forEach((p, b) => (offsets[b + 1] = offsets[b]! + p.length));
    const blocks = new Uint8Array(offsets[offsets.length - 1]!);
    parts.forEach((p, b) => blocks.set(p, offsets[b]!));
    return new PaperNames({ blocks, offsets, firstIds: firstIds.join('\n') }, ids.length, { ids, titles });
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
