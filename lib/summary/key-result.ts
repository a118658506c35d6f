import { dropOpenBracket, truncateAtClause } from './compress.ts';
import { plainText } from './plain-text.ts';
import { splitSentences } from './split-sentences.ts';
import { titleNames } from './title-names.ts';

export { keyResultRepeats } from './key-result-repeats.ts';

/** Words that turn a number into a claim rather than a setting ("on 3 datasets"). */
const CLAIM_CUE = /\b(outperform\w*|improv\w*|achiev\w*|speed-?ups?|faster|slower|reduc\w*|surpass\w*|exceed\w*|beat\w*|gains?|accelerat\w*|boost\w*|lower\w*|increas\w*|decreas\w*|higher|better|sav\w*|compress\w*|state[- ]of[- ]the[- ]art|sota|accuracy|error|over)\b/i;

/** A number that carries a claim: a ratio, percentage, multiplier or decimal. */
const QUANTITY = /\d+(\.\d+)?\s*(x|×|%|-fold|times|percent)(?![a-z\d])|\b\d+\.\d+\b|\b\d+(\.\d+)?\s*(points?|pp|bleu|db)\b/i;

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

/** Sentences about other people's work: "However, their latency lags behind … (3x slower)". */
const ABOUT_OTHERS = /^(?:however|although|though|while|whereas|but|despite|existing|previous|prior|current|conventional|traditional|recent(?:ly)?|these|those|their|such|many|most|standard|vanilla)\b|\b(?:lags? behind|suffers?|fails? to|struggles?)\b/i;

/** The paper speaking about its own work. */
const OWN_WORK = /\b(?:we|our|ours)\b/i;

/** Finite claim verbs a clause may start with once its subject was cut off: "outperforms X by 12%". */
const VERB_START = /^(?:outperform|improv|achiev|reduc|surpass|exceed|beat|accelerat|boost|speed|sav|increas|decreas|lower|yield|obtain|reach|attain|deliver|demonstrat|show|enabl|run|train|converg|compress|cut|has|is|are|uses|requires|needs|performs|matches)\w*\b/i;

/** Claims longer than this many words are cut at a clause boundary. */
const MAX_CLAIM_WORDS = 30;

/** A list marker the clause kept from its sentence: "(ii) prompt-based training …". */
const LIST_MARKER = /^\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s+/i;

/**
 * Returns the clause of the abstract that states its main quantitative claim
 * (e.g. "our fused MHA outperforms PyTorch by 6.13x"), or null when no
 * sentence pairs a claim-bearing number with a claim word. Claims about other
 * work ("their latency lags behind … 3x slower") do not count. A clause that
 * lost its subject gets the method's name from the title, or "It".
 */
export function keyResult(abstract: string, title = ''): string | null {
  return keyResultOfPlainText(plainText(abstract), title);
}

/**
 * {@link keyResult} of an abstract already passed through `plainText`. Cleaning twice is not
 * harmless: the "\\$5 … \\$2" the first pass unescaped would read as math the second time.
 */
export function keyResultOfPlainText(abstract: string, title: string): string | null {
  for (const sentence of splitSentences(abstract)) {
    if (!QUANTITY.test(sentence) || !CLAIM_CUE.test(sentence)) continue;
    if (ABOUT_OTHERS.test(sentence) && !OWN_WORK.test(sentence)) continue;
    const clause = claimClause(sentence).replace(LIST_MARKER, '');
    if (clause.split(/\s+/).length < 3 || !/\p{L}{3}/u.test(clause)) continue;
    return withSubject(closeBrackets(clause), title);
  }
  return null;
}

/** "outperforms X by 12%" → "EquiformerV2 outperforms X by 12%" (or "It …" when the title names nothing); "It …" → "EquiformerV2 …". */
function withSubject(clause: string, title: string): string {
  // An all-capitals title ("NEURAL EXECUTION ENGINES") names nothing in particular.
  const name = title === title.toUpperCase() ? undefined : titleNames(title)[0];
  if (VERB_START.test(clause)) return `${name ?? 'It'} ${clause}`;
  // "It improves …" out of context: say what "it" is.
  if (name !== undefined && /^It\s/.test(clause)) return clause.replace(/^It/, name);
  return clause;
}

/** Drops an opening bracket left unclosed by a clause cut ("… respectively (i.e."). */
function closeBrackets(clause: string): string {
  return dropOpenBracket(truncateAtClause(clause, MAX_CLAIM_WORDS, 8)).replace(/[\s,;:(-]+$/, '');
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
