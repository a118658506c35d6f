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

/**
 * The bits one posting takes: the gap's quotient in unary, its `k` low bits, then the field
 * mask's rank in truncated unary (or the escape and the mask itself).
 */
export function postingBits(gap: number, k: number, rank: number): number {
  return (gap >>> k) + 1 + k + (rank < UNARY_RANKS ? rank + 1 : UNARY_RANKS + MASK_BITS);
}

/** ORs the low `count` bits of `value` (count ≤ 24, value < 2^count) in at bit `pos`, most significant first. */
function putBits(bytes: Uint8Array, pos: number, value: number, count: number): void {
  const at = pos >>> 3;
  // At most 7 + 24 bits from the byte at `at`: a 32-bit window holds them.
  const window = (value << (32 - (pos & 7) - count)) >>> 0;
  bytes[at]! |= window >>> 24;
  bytes[at + 1]! |= window >>> 16;
  bytes[at + 2]! |= window >>> 8;
  bytes[at + 3]! |= window;
}

/**
 * Writes one posting (the gap from the previous ordinal minus one, and its mask's rank) at bit
 * `pos` of `bytes`, which must be zero from there on (zeros are only skipped); returns the bit
 * after it. Lists can so be written in any order once each one's start is known (see
 * TextIndexBuilder.finish), and `bytes` needs 4 bytes of room past the last posting.
 */
export function writePosting(bytes: Uint8Array, pos: number, gap: number, k: number, rank: number, mask: number): number {
  pos += gap >>> k;
  bytes[pos >>> 3]! |= 0x80 >>> (pos & 7);
  pos++;
  if (k > 0) {
    putBits(bytes, pos, gap & ((1 << k) - 1), k);
    pos += k;
  }
  if (rank < UNARY_RANKS) {
    pos += rank;
    bytes[pos >>> 3]! |= 0x80 >>> (pos & 7);
    return pos + 1;
  }
  putBits(bytes, pos + UNARY_RANKS, mask, MASK_BITS);
  return pos + UNARY_RANKS + MASK_BITS;
}

/** Bytes for postings of `bits` bits in all: whole bytes, plus 8 so a reader may look 8 bytes past the last one. */
export function postingBytes(bits: number): number {
  return Math.ceil(bits / 8) + 8;
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
