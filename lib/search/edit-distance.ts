/**
 * Bounded Damerau–Levenshtein (optimal string alignment) distances for typo tolerance.
 * Bounded so that a vocabulary scan stops early on words that are clearly different.
 *
 * Hand-written: the npm edit-distance packages compute one pair at a time, unbounded, and most
 * without transpositions; a query word is compared with hundreds of vocabulary words per
 * keystroke, and only whether each is within one or two edits matters.
 */

/** Distances of a batch (see boundedDistances); each is `max + 1` when it exceeds `max`. */
export interface Distances {
  /** From the query word to each word. */
  full: Uint8Array;
  /** From the query word to each word's closest prefix; null unless asked for. */
  prefix: Uint8Array | null;
}

/** The three rows of the table, kept between calls (grown to the longest word seen). */
let rows = new Int32Array(3 * 64);

/**
 * The distance from `a` to each of `words`, and with `prefix` from `a` to the closest prefix of
 * each ("transfom" is 1 from "transformer"), for a word still being typed. Both come out of one
 * table per word, and only its band of cells within `max` of the diagonal is computed (a cell
 * off it is over `max` whatever the letters); a word stops at the first row whose cells are
 * all over `max`. The rows are reused for every word of the batch.
 */
export function boundedDistances(a: string, words: readonly string[], max: number, prefix = false): Distances {
  const full = new Uint8Array(words.length);
  const prefixes = prefix ? new Uint8Array(words.length) : null;
  const over = max + 1;
  const n = a.length;
  let longest = 0;
  for (const w of words) longest = Math.max(longest, w.length);
  if (rows.length < 3 * (longest + 2)) rows = new Int32Array(3 * (longest + 2));
  const width = longest + 2;
  for (let k = 0; k < words.length; k++) {
    const b = words[k]!;
    const m = b.length;
    full[k] = over;
    if (prefixes) prefixes[k] = over;
    // Too long or too short to be within max: the full distance is at least the length difference,
    // a prefix's at least how much shorter the word is.
    if (prefixes ? m < n - max : Math.abs(n - m) > max) continue;
    if (n === 0) {
      full[k] = Math.min(m, over);
      if (prefixes) prefixes[k] = 0;
      continue;
    }
    // Rows i - 2, i - 1 and i of the table, rotated by offset; cells hold min(distance, over).
    let prev2 = 0;
    let prev = width;
    let cur = 2 * width;
    const top = Math.min(m, over);
    for (let j = 0; j <= top; j++) rows[prev + j] = Math.min(j, over);
    let i = 1;
    for (; i <= n; i++) {
      const lo = Math.max(1, i - max);
      const hi = Math.min(m, i + max);
      // The cell left of the band (column 0, or one off the band) is read as the first left neighbour.
      rows[cur + lo - 1] = lo === 1 ? Math.min(i, over) : over;
      let rowMin = lo === 1 ? rows[cur]! : over;
      const ca = a.charCodeAt(i - 1);
      const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
      for (let j = lo; j <= hi; j++) {
        const cb = b.charCodeAt(j - 1);
        let d = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + (ca === cb ? 0 : 1));
        if (j > 1 && ca === b.charCodeAt(j - 2) && caBefore === cb) d = Math.min(d, rows[prev2 + j - 2]! + 1);
        if (d > over) d = over;
        rows[cur + j] = d;
        if (d < rowMin) rowMin = d;
      }
      // The cell right of the band, read by the next row as its last upper neighbour.
      if (hi + 1 <= m) rows[cur + hi + 1] = over;
      if (rowMin > max) break;
      const t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    if (i <= n) continue;
    // Row n is now `prev`; its cells off the band are over max.
    if (Math.abs(n - m) <= max) full[k] = rows[prev + m]!;
    if (prefixes) {
      let best = over;
      for (let j = Math.max(0, n - max); j <= Math.min(m, n + max); j++) best = Math.min(best, rows[prev + j]!);
      prefixes[k] = best;
    }
  }
  return { full, prefix: prefixes };
}

/**
 * Distance between `a` and `b`, or `max + 1` when it exceeds `max`. With `prefix`, the distance
 * from `a` to the closest prefix of `b` ("transfom" is 1 from "transformer").
 */
export function boundedDistance(a: string, b: string, max: number, prefix = false): number {
  const d = boundedDistances(a, [b], max, prefix);
  return prefix ? d.prefix![0]! : d.full[0]!;
}

/** How many typos a word of this length may carry and still be recognized. */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}
