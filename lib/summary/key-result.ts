import { splitSentences } from './split-sentences.ts';

/** Words that turn a number into a claim rather than a setting ("on 3 datasets"). */
const CLAIM_CUE = /\b(outperform\w*|improv\w*|achiev\w*|speed-?ups?|faster|slower|reduc\w*|surpass\w*|exceed\w*|beat\w*|gains?|accelerat\w*|boost\w*|lower\w*|increas\w*|decreas\w*|higher|better|sav\w*|compress\w*|state[- ]of[- ]the[- ]art|sota|accuracy|error|over)\b/i;

/** A number that carries a claim: a ratio, percentage, multiplier or decimal. */
const QUANTITY = /\d+(\.\d+)?\s*(x|×|%|-fold|times|percent)(?![a-z])|\b\d+\.\d+\b|\b\d+(\.\d+)?\s*(points?|pp|bleu|db)\b/i;

/** Verbs that introduce a finding: "results show that X" keeps only X. */
const REPORTING_LEAD = /^.*?\b(?:show|shows|showed|demonstrate|demonstrates|validate|validates|confirm|confirms|indicate|indicates|reveal|reveals|suggest|suggests|verify|verifies|find|found)\s+that\s+/i;

/** Clause boundaries inside a result sentence. */
const CLAUSE_SPLIT = /\s*[;,]\s+|\s+(?=(?:while|whereas|where)\s)/;

/** Connectives left at the start of a clause once it is cut out. */
const CLAUSE_LEAD = /^(?:and|but|yet|while|whereas|where|which|thereby|thus)\s+/i;

/** A finite claim verb, so the clause says who did better rather than naming a gain. */
const CLAIM_VERB = /\b(outperform(s|ed)?|improv(es|ed)|achiev(es|ed)|reduc(es|ed)|surpass(es|ed)?|exceed(s|ed)?|beat(s)?|accelerat(es|ed)|boost(s|ed)|speeds? up|sped up|cuts?|sav(es|ed)|increas(es|ed)|decreas(es|ed)|lower(s|ed)|is\s+[\d.]+\s*(x|×|times))\b/i;

/** Clauses that cannot stand alone: "providing 90% compression", "with 30% savings". */
const DEPENDENT_START = /^(?:\w+ing|with|by|at|to)\b/i;

/**
 * Returns the clause of the abstract that states its main quantitative claim
 * (e.g. "our fused MHA outperforms PyTorch by 6.13x"), or null when no
 * sentence pairs a claim-bearing number with a claim word.
 */
export function keyResult(abstract: string): string | null {
  for (const sentence of splitSentences(abstract)) {
    if (QUANTITY.test(sentence) && CLAIM_CUE.test(sentence)) return claimClause(sentence);
  }
  return null;
}

/** Cuts a result sentence down to the clause that holds the number and the claim. */
function claimClause(sentence: string): string {
  const body = sentence.replace(/[.!?]+$/, '').replace(REPORTING_LEAD, '');
  const clauses = body.split(CLAUSE_SPLIT).map((c) => c.replace(CLAUSE_LEAD, '').trim());
  const index = [
    (c: string) => QUANTITY.test(c) && CLAIM_VERB.test(c),
    (c: string) => QUANTITY.test(c) && CLAIM_CUE.test(c),
    (c: string) => QUANTITY.test(c),
  ]
    .map((test) => clauses.findIndex(test))
    .find((i) => i !== -1);
  if (index === undefined) return body.trim();
  const clause = clauses[index]!;
  if (!DEPENDENT_START.test(clause)) return clause;
  // A participle or prepositional clause needs the clause it hangs off.
  if (index > 0) return `${clauses[index - 1]}, ${clause}`;
  return clauses.length > 1 ? `${clause}, ${clauses[1]}` : clause;
}
