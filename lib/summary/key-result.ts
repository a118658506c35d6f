import { splitSentences } from './split-sentences.ts';

/** Verbs and phrases that make a sentence a comparative or quantitative claim. */
const CLAIM_CUE = /\b(outperform\w*|improv\w*|achiev\w*|speed-?ups?|faster|reduc\w*|surpass\w*|exceed\w*|beat\w*|gains?|accelerat\w*|boost\w*|lower\w*|increas\w*|higher|better|up to|by|state[- ]of[- ]the[- ]art|sota|accuracy|error)\b/i;

/** A number that carries a claim: a ratio, percentage, multiplier or decimal. */
const QUANTITY = /(\d+(\.\d+)?\s*(x|×|%|-fold|times|percent)(?![a-z])|\b\d+\.\d+\b|\b\d+(\.\d+)?\s*(points?|pp|bleu|db)\b)/i;

/**
 * Returns the clause of the abstract that states its main quantitative claim
 * (e.g. "our fused MHA outperforms PyTorch by 6.13x"), or null when no sentence
 * pairs a number with a claim verb.
 */
export function keyResult(abstract: string): string | null {
  for (const sentence of splitSentences(abstract)) {
    if (!QUANTITY.test(sentence) || !CLAIM_CUE.test(sentence)) continue;
    return claimClause(sentence);
  }
  return null;
}

/** Cuts a sentence down to the clause holding the number, minus its lead-in. */
function claimClause(sentence: string): string {
  const body = sentence.replace(/[.!?]+$/, '');
  // "Experiments show that X" / "results validate that X": keep X.
  const thatClause = /\b(?:show|shows|showed|demonstrate|demonstrates|validate|validates|confirm|confirms|indicate|indicates|reveal|reveals|suggest|suggests)\s+that\s+(.*)$/i.exec(body);
  const core = thatClause?.[1] ?? body;
  return core.trim();
}
