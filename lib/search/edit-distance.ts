/**
 * Bounded Damerau–Levenshtein (optimal string alignment) distances for typo tolerance.
 * Bounded so that a vocabulary scan stops early on words that are clearly different.
 */

/**
 * Distance between `a` and `b`, or `max + 1` when it exceeds `max`. With `prefix`, the distance
 * from `a` to the closest prefix of `b` ("transfom" is 1 from "transformer"), for a word that
 * is still being typed.
 */
export function boundedDistance(a: string, b: string, max: number, prefix = false): number {
  const n = a.length;
  const m = b.length;
  if (!prefix && Math.abs(n - m) > max) return max + 1;
  if (prefix && m < n - max) return max + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  let result = prev[m]!;
  if (prefix) for (let j = 0; j <= m; j++) result = Math.min(result, prev[j]!);
  return Math.min(result, max + 1);
}

/** How many typos a word of this length may carry and still be recognized. */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}
