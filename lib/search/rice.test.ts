import { describe, expect, it } from 'vitest';
import { decodePostings, postingBits, postingBytes, riceParameter, writePosting } from './rice';

/** Codes the lists one after the other (written in `order`), then decodes each. */
function roundTrip(n: number, lists: { docs: number[]; masks: number[] }[], order = lists.map((_, i) => i)) {
  const counts = new Map<number, number>();
  for (const l of lists) for (const m of l.masks) counts.set(m, (counts.get(m) ?? 0) + 1);
  const byRank = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const rank = new Uint8Array(128);
  byRank.forEach((m, r) => (rank[m] = r));
  const gaps = (docs: number[]) => docs.map((d, i) => d - (i > 0 ? docs[i - 1]! : -1) - 1);
  const starts: number[] = [];
  let bits = 0;
  for (const l of lists) {
    starts.push(bits);
    const k = riceParameter(n, l.docs.length);
    gaps(l.docs).forEach((gap, i) => (bits += postingBits(gap, k, rank[l.masks[i]!]!)));
  }
  const bytes = new Uint8Array(postingBytes(bits));
  for (const i of order) {
    const l = lists[i]!;
    const k = riceParameter(n, l.docs.length);
    let pos = starts[i]!;
    gaps(l.docs).forEach((gap, j) => (pos = writePosting(bytes, pos, gap, k, rank[l.masks[j]!]!, l.masks[j]!)));
    expect(pos).toBe(i + 1 < lists.length ? starts[i + 1] : bits);
  }
  const decoded = lists.map((l, i) => {
    const docs = new Uint32Array(l.docs.length);
    const fields = new Uint8Array(l.docs.length);
    decodePostings(bytes, starts[i]!, l.docs.length, riceParameter(n, l.docs.length), byRank, docs, fields);
    return { docs: [...docs], masks: [...fields], bytes: bytes.length };
  });
  return { decoded, bytes };
}

describe('Rice-coded postings', () => {
  it('round-trips dense, sparse and edge lists with their field masks', () => {
    const n = 100_000;
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const lists = [
      { docs: [0], masks: [8] },
      { docs: [n - 1], masks: [1] },
      { docs: [0, 1, 2, 3, 99_999], masks: [8, 8, 9, 127, 64] },
      { docs: Array.from({ length: 60_000 }, (_, i) => i + Math.floor(i / 2)), masks: Array.from({ length: 60_000 }, (_, i) => (i % 13 === 0 ? 10 : 8)) },
      // A dense list with one long gap: a quotient longer than 32 bits of zeros.
      { docs: [...Array.from({ length: 5000 }, (_, i) => i), 99_000], masks: Array.from({ length: 5001 }, (_, i) => [8, 10, 1, 9, 11, 4, 14, 12, 2, 3][i % 10]!) },
    ];
    const sparse = new Set<number>();
    while (sparse.size < 300) sparse.add(Math.floor(rand() * n));
    lists.push({ docs: [...sparse].sort((a, b) => a - b), masks: [...sparse].map((_, i) => (i % 3 ? 8 : 24)) });
    const { decoded, bytes } = roundTrip(n, lists);
    decoded.forEach((b, i) => {
      expect(b.docs).toEqual(lists[i]!.docs);
      expect(b.masks).toEqual(lists[i]!.masks);
    });
    // Lists written in any order give the same bytes (the builder writes them interleaved).
    const reversed = roundTrip(n, lists, lists.map((_, i) => lists.length - 1 - i));
    expect(reversed.bytes).toEqual(bytes);
  });

  it('spends a few bits a posting, not the 40 of a Uint32 ordinal and a mask byte', () => {
    const n = 100_000;
    const docs = Array.from({ length: 20_000 }, (_, i) => i * 5);
    const [b] = roundTrip(n, [{ docs, masks: docs.map(() => 8) }]).decoded;
    expect((b!.bytes * 8) / docs.length).toBeLessThanOrEqual(6);
  });
});
