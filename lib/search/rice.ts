/*
 * Rice-coded posting lists: each document ordinal is stored as the gap from the previous one,
 * split into a quotient (unary) and k low bits, k chosen per list from its density; each
 * posting's field mask follows as the rank of that mask among the index's masks, in truncated
 * unary (the commonest mask, "abstract only", costs one bit). Bits are written most significant
 * first so the unary parts are read with Math.clz32.
 *
 * Hand-written: the npm packages for this (integer compression libraries) target 32-bit blocks
 * of sorted integers without a side channel, and a field mask per posting is what the ranking
 * needs; the codec is 100 lines and tested against a plain round trip.
 */

/** Masks of rank below this are unary; the rest are an escape of this many zeros plus 7 raw bits. */
const UNARY_RANKS = 7;
const MASK_BITS = 7;

/** The Rice parameter for a list of `df` ordinals out of `n`: about log2 of the mean gap. */
export function riceParameter(n: number, df: number): number {
  const mean = n / Math.max(1, df);
  return mean * Math.LN2 < 2 ? 0 : Math.min(24, Math.floor(Math.log2(mean * Math.LN2)));
}

/** A growable bit buffer, most significant bit first. */
export class BitWriter {
  private bytes: Uint8Array;
  private acc = 0;
  private accBits = 0;
  private length = 0;

  constructor(initialBytes = 1 << 16) {
    this.bytes = new Uint8Array(initialBytes);
  }

  /** Bits written so far. */
  get position(): number {
    return this.length * 8 + this.accBits;
  }

  private pushByte(b: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = b;
  }

  /** Writes the low `count` bits of `value` (count ≤ 24). */
  write(value: number, count: number): void {
    this.acc = ((this.acc << count) | (value & ((1 << count) - 1))) >>> 0;
    this.accBits += count;
    while (this.accBits >= 8) {
      this.accBits -= 8;
      this.pushByte((this.acc >>> this.accBits) & 0xff);
    }
    this.acc &= (1 << this.accBits) - 1;
  }

  /** `count` zero bits then a one: unary. */
  unary(count: number): void {
    while (count >= 24) {
      this.write(0, 24);
      count -= 24;
    }
    this.write(1, count + 1);
  }

  /** The bits, padded with zero bytes so a reader may look 8 bytes past the last one. */
  finish(): Uint8Array {
    if (this.accBits > 0) this.write(0, 8 - this.accBits);
    const out = new Uint8Array(this.length + 8);
    out.set(this.bytes.subarray(0, this.length));
    return out;
  }
}

/** Appends one posting list: ordinals strictly increasing, a field mask each (maskRank maps mask → rank). */
export function encodePostings(
  out: BitWriter,
  docs: ArrayLike<number>,
  masks: ArrayLike<number>,
  from: number,
  to: number,
  k: number,
  maskRank: ArrayLike<number>,
): void {
  let prev = -1;
  for (let i = from; i < to; i++) {
    const doc = docs[i]!;
    const gap = doc - prev - 1;
    prev = doc;
    out.unary(gap >>> k);
    if (k > 0) out.write(gap & ((1 << k) - 1), k);
    const rank = maskRank[masks[i]!]!;
    if (rank < UNARY_RANKS) out.unary(rank);
    else {
      out.write(0, UNARY_RANKS);
      out.write(masks[i]!, MASK_BITS);
    }
  }
}

/**
 * Decodes `df` postings starting at bit `pos` into `docs` and `fields` (from index 0). The bits
 * pass through a 32-bit register refilled a byte at a time: the per-keystroke hot loop.
 */
export function decodePostings(
  bytes: Uint8Array,
  pos: number,
  df: number,
  k: number,
  maskByRank: ArrayLike<number>,
  docs: Uint32Array,
  fields: Uint8Array,
): void {
  let at = pos >>> 3;
  let buf = 0;
  let avail = 0;
  const refill = () => {
    while (avail <= 24) {
      buf = (buf | (bytes[at++]! << (24 - avail))) >>> 0;
      avail += 8;
    }
  };
  const skip = (count: number) => {
    buf = count === 32 ? 0 : (buf << count) >>> 0;
    avail -= count;
  };
  refill();
  skip(pos & 7);
  let doc = -1;
  for (let i = 0; i < df; i++) {
    refill();
    let q = 0;
    while (buf === 0) {
      q += avail;
      avail = 0;
      refill();
    }
    const z = Math.clz32(buf);
    q += z;
    skip(z + 1);
    let gap = q;
    if (k > 0) {
      refill();
      gap = q * (1 << k) + (buf >>> (32 - k));
      skip(k);
    }
    doc += gap + 1;
    docs[i] = doc;
    refill();
    const r = Math.clz32(buf);
    if (r < UNARY_RANKS) {
      fields[i] = maskByRank[r]!;
      skip(r + 1);
    } else {
      skip(UNARY_RANKS);
      fields[i] = buf >>> (32 - MASK_BITS);
      skip(MASK_BITS);
    }
  }
}
