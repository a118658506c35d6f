/** ROUGE precision, recall and F1 for one candidate/reference pair. */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

/** ROUGE-1, ROUGE-2 and ROUGE-L F-scores. */
export interface RougeTriple {
  r1: RougeScore;
  r2: RougeScore;
  rl: RougeScore;
}

/** Tokenises as ROUGE does here: lower-cased runs of letters and digits, no stemming. */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function score(overlap: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal === 0 ? 0 : overlap / candidateTotal;
  const recall = referenceTotal === 0 ? 0 : overlap / referenceTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** ROUGE-N with clipped n-gram counts. */
export function rougeN(candidate: string[], reference: string[], n: number): RougeScore {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  return score(overlap, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0));
}

/** Length of the longest common subsequence of two token lists. */
export function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const tokenA of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) {
      current[j + 1] = tokenA === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** ROUGE-L (sentence level, LCS based). */
export function rougeL(candidate: string[], reference: string[]): RougeScore {
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** ROUGE-1/2/L of a candidate against one reference text. */
export function rouge(candidate: string, reference: string): RougeTriple {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: rougeL(c, r) };
}

/**
 * Best F1 per metric over several gold references, each metric maximised
 * independently (the SciTLDR convention for multi-target evaluation).
 */
export function bestRougeF1(candidate: string, references: string[]): { r1: number; r2: number; rl: number } {
  const best = { r1: 0, r2: 0, rl: 0 };
  for (const reference of references) {
    const s = rouge(candidate, reference);
    best.r1 = Math.max(best.r1, s.r1.f1);
    best.r2 = Math.max(best.r2, s.r2.f1);
    best.rl = Math.max(best.rl, s.rl.f1);
  }
  return best;
}
