/** Function words almost every TL;DR uses ("This paper proposes a … for the …"). */
const FREQUENT_FUNCTION_WORDS = new Set(['a', 'the', 'to', 'of', 'and']);
const COMMON_FUNCTION_WORDS = new Set(['for', 'in', 'that', 'this', 'we', 'on', 'with', 'an', 'by', 'paper', 'which', 'using', 'is', 'as']);

/**
 * Estimates, for each token of an abstract, how likely a human TL;DR of the
 * paper is to contain it. Words the title shares or that recur across many
 * sentences are the topic and usually reappear; one-off details rarely do.
 * The rates are rounded from how often SciTLDR gold summaries reuse words in
 * each of these classes. Takes the title's ROUGE tokens and each sentence's
 * distinct ROUGE tokens.
 */
export function tokenLikelihood(titleTokens: ReadonlySet<string>, sentenceTypes: ReadonlySet<string>[]): Map<string, number> {
  const sentenceFrequency = new Map<string, number>();
  for (const types of sentenceTypes) {
    for (const t of types) sentenceFrequency.set(t, (sentenceFrequency.get(t) ?? 0) + 1);
  }
  const likelihood = new Map<string, number>();
  for (const [token, df] of sentenceFrequency) {
    let p: number;
    if (FREQUENT_FUNCTION_WORDS.has(token)) p = 0.8;
    else if (COMMON_FUNCTION_WORDS.has(token)) p = 0.45;
    else if (titleTokens.has(token)) p = Math.min(0.95, 0.6 + 0.15 * (df - 1));
    else p = Math.min(0.6, 0.1 + 0.15 * (df - 1));
    likelihood.set(token, p);
  }
  return likelihood;
}

/**
 * Expected ROUGE-1 F1 of a candidate of `length` tokens with distinct tokens
 * `types` against an unseen reference of `referenceLength` tokens whose token
 * probabilities are `likelihood`.
 */
export function expectedUnigramF1(
  types: ReadonlySet<string>,
  length: number,
  likelihood: ReadonlyMap<string, number>,
  referenceLength: number,
): number {
  let overlap = 0;
  for (const t of types) overlap += likelihood.get(t) ?? 0;
  return (2 * overlap) / (length + referenceLength);
}
