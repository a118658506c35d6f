import { isContentToken } from './text.ts';

/**
 * Whether a TL;DR reads on its own in the hover card, where nobody sees the abstract it came from.
 * Three kinds of failure, each named so a report can count them:
 * - `outsideReference`: it leans on text it does not contain ("… to close this gap", "It
 *   improves …", "We also …", "the above challenge");
 * - `danglingEnd`: it stops on a word that promises more ("… including.", "… and.", "… such as.");
 * - `lowercasedName`: a name lost its capitals when a clause was joined ("…; bERT …").
 */
export const READABILITY_ISSUES = ['outsideReference', 'danglingEnd', 'lowercasedName'] as const;

/** One kind of readability failure. */
export type ReadabilityIssue = (typeof READABILITY_ISSUES)[number];

/** Nouns a demonstrative may point at without an antecedent: the paper itself ("this paper"), or "such as". */
const SELF_REFERENCE = new Set([
  'paper', 'papers', 'work', 'study', 'article', 'survey', 'review', 'thesis', 'report', 'letter', 'note', 'chapter',
  'tutorial', 'submission', 'manuscript', 'as',
]);

/** A pointing word and the two words after it: "this latency gap", "these models are", "such methods". */
const DEMONSTRATIVE = /\b(this|these|those|such|both|said|aforementioned|above-mentioned)\s+([\p{L}\p{N}-]+)(?:\s+([\p{L}\p{N}-]+))?/giu;

/** Phrases that always point back to text outside the TL;DR. */
const BACK_REFERENCE = /\b(?:the\s+(?:above|aforementioned|former|latter|same\s+(?:problem|issue|task|model|method|setting))|as\s+(?:mentioned|discussed|noted|described)\s+(?:above|before|earlier))\b/i;

/** A clause that opens on a pronoun or a linking word has its subject or its premise elsewhere. */
const LEANING_OPENING = /^(?:it|its|they|them|their|he|she|this|these|those|such|both|also|however|fortunately|unfortunately|moreover|furthermore|additionally|thus|therefore|hence|then|finally|besides|instead|nevertheless|nonetheless|consequently|similarly|likewise|conversely|in\s+addition|in\s+contrast|as\s+a\s+result|as\s+a\s+solution|in\s+response|in\s+(?:this|that)\s+context|in\s+light\s+of|motivated\s+by\s+(?:this|these|that)|to\s+this\s+end|to\s+(?:address|tackle|solve|overcome|alleviate|mitigate|remedy|fix)\s+(?:this|these|that|them|it))\b/i;

/** "We also propose …", "this survey also …", "we instead show …": a step or contrast whose other half is missing. */
const SECOND_STEP = /^\s*(?:we|our\s+\S+|the\s+\S+|this\s+\S+)\s+(?:also|further|additionally|then|next|finally|again|likewise|similarly|instead|thus|therefore|hence)\b|^(?:\S+\s+){0,4}also\b/i;

/** Personal pronouns that need a noun before them; "it" a few words in ("We show it …") has none. */
const EARLY_PRONOUN = /^(?:\S+\s+){0,2}(?:it|its|they|them|their)\b/i;

/** Words a finished sentence never ends on. */
const DANGLING_WORD = new Set([
  'a', 'an', 'the', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'without', 'and', 'or', 'nor', 'but', 'as', 'from',
  'into', 'onto', 'than', 'that', 'which', 'who', 'whose', 'whom', 'where', 'when', 'while', 'whereas', 'because', 'if',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'its', 'their', 'our', 'his', 'her', 'this', 'these', 'those', 'such',
  'via', 'using', 'including', 'includes', 'include', 'between', 'among', 'both', 'either', 'neither', 'not', 'e.g', 'i.e',
  'like', 'namely', 'toward', 'towards', 'over', 'under', 'about', 'across', 'through', 'within', 'per', 'versus', 'vs',
  'can', 'could', 'will', 'would', 'may', 'might', 'should', 'must', 'has', 'have', 'had', 'do', 'does', 'very', 'more',
  'most', 'less', 'especially', 'particularly', 'respectively', 'whether',
]);

/** Phrases that end a sentence on a promise: "… to the best of our knowledge." */
const DANGLING_PHRASE = /(?:\bto the best of our knowledge|\bin order|\bsuch as|\bas well|\bbased on|\bdue to|\bin terms of|[-–—:;,(])$/i;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;

/** Splits a TL;DR into its clauses at semicolons and sentence ends. */
function clauses(text: string): string[] {
  return text.split(/;\s+|[.!?]\s+(?=\p{Lu})/u).map((c) => c.trim()).filter((c) => c !== '');
}

/** The singular stem, so "models" finds an earlier "model". */
function stem(word: string): string {
  return word.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '');
}

function leansOutside(tldr: string): boolean {
  for (const clause of clauses(tldr)) {
    if (LEANING_OPENING.test(clause) && !/^(?:this|these)\s+(?:paper|work|study|article|survey|review|thesis|report|letter|note|tutorial)\b/i.test(clause)) {
      return true;
    }
    if (SECOND_STEP.test(clause) || EARLY_PRONOUN.test(clause)) return true;
  }
  if (BACK_REFERENCE.test(tldr)) return true;
  for (const match of tldr.matchAll(DEMONSTRATIVE)) {
    const next = match[2]!.toLowerCase();
    if (SELF_REFERENCE.has(next) || /^\d/.test(next)) continue;
    // "both X and Y" lists what it points at.
    if (match[1]!.toLowerCase() === 'both' && /\band\b/i.test(tldr.slice(match.index))) continue;
    // Pointing back inside the TL;DR: "We fine-tune BERT …, and this fine-tuned BERT …".
    const before = new Set((tldr.slice(0, match.index).match(WORD) ?? []).map(stem));
    const words = [next, match[3]?.toLowerCase()].filter((w): w is string => w !== undefined && isContentToken(w));
    if (!words.some((w) => before.has(stem(w)))) return true;
  }
  return false;
}

/** Whether a text stops on a word or mark that promises more ("… including", "… and", "… (see"). */
export function endsDangling(tldr: string): boolean {
  const body = tldr.trim().replace(/[.!?]+$/, '').trim();
  if (body === '') return true;
  // End-anchored patterns run on the tail only: on the whole text they rescan it from every position.
  const tail = body.slice(-40);
  if (DANGLING_PHRASE.test(tail)) return true;
  const last = /([\p{L}.]+)$/u.exec(tail.slice(tail.lastIndexOf(' ') + 1))?.[1]?.replace(/\.$/, '').toLowerCase();
  if (last !== undefined && DANGLING_WORD.has(last)) return true;
  // An opened bracket the sentence never closes.
  return (body.match(/\(/g)?.length ?? 0) > (body.match(/\)/g)?.length ?? 0);
}

/**
 * Names as the abstract writes them: words with a capital after the first letter ("BERT",
 * "FlatFormer"), or capitalised where no sentence starts ("… the Transformer"). A TL;DR that
 * writes one of them with fewer capitals lowercased a name.
 */
function namesOf(source: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of source.matchAll(WORD)) {
    const word = match[0].replace(/[.'’-]+$/, '');
    const sentenceStart = /(?:^|[.!?:;]\s+|["(]\s*)$/.test(source.slice(Math.max(0, match.index - 3), match.index));
    if (/^\p{Lu}/u.test(word) && (/.\p{Lu}/u.test(word) || !sentenceStart)) names.set(word.toLowerCase(), word);
  }
  return names;
}

function capitals(word: string): number {
  return word.match(/\p{Lu}/gu)?.length ?? 0;
}

function lowercasesName(tldr: string, source: string, names: () => ReadonlyMap<string, string>): boolean {
  for (const match of tldr.matchAll(WORD)) {
    const word = match[0].replace(/[.'’-]+$/, '');
    // Written so in the abstract: not a lowercased name (a substring test, cheap and enough here).
    if (!/^\p{Ll}/u.test(word) || source.includes(word)) continue;
    const name = names().get(word.toLowerCase());
    // A multi-capital name lowered anywhere, or a capitalised name lowered at the head of a joined clause.
    if (name !== undefined && capitals(name) > capitals(word) && (capitals(name) > 1 || /;\s*$/.test(tldr.slice(0, match.index)))) return true;
  }
  return false;
}

/**
 * A checker for TL;DRs of one abstract (which tells how names are written): it reads the
 * abstract's names once, and only if a TL;DR has a word the abstract does not, so checking
 * each of many candidate TL;DRs stays cheap.
 */
export function readabilityChecker(abstract: string): (tldr: string) => ReadabilityIssue[] {
  let names: Map<string, string> | undefined;
  const abstractNames = () => (names ??= namesOf(abstract));
  return (tldr) => {
    const issues: ReadabilityIssue[] = [];
    if (leansOutside(tldr)) issues.push('outsideReference');
    if (endsDangling(tldr)) issues.push('danglingEnd');
    if (lowercasesName(tldr, abstract, abstractNames)) issues.push('lowercasedName');
    return issues;
  };
}

/** The readability failures of a TL;DR, judged against the abstract it summarises (for names). */
export function readabilityIssues(tldr: string, abstract: string): ReadabilityIssue[] {
  return readabilityChecker(abstract)(tldr);
}

/** How many TL;DRs have each issue, and how many have any. */
export type ReadabilityCounts = Record<ReadabilityIssue | 'any', number>;

/** Counts readability issues over TL;DRs, each judged against its own abstract. */
export function countReadabilityIssues(items: Iterable<{ tldr: string; abstract: string }>): ReadabilityCounts {
  const counts: ReadabilityCounts = { any: 0, outsideReference: 0, danglingEnd: 0, lowercasedName: 0 };
  for (const { tldr, abstract } of items) {
    const issues = readabilityIssues(tldr, abstract);
    if (issues.length > 0) counts.any++;
    for (const issue of issues) counts[issue]++;
  }
  return counts;
}
