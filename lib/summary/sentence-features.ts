import { expectedUnigramF1, tokenLikelihood } from './expected-overlap.ts';
import { rougeTokens } from './rouge.ts';
import { isContentToken, wordCount } from './text.ts';

/** Signals that tell whether a sentence states the paper's contribution. */
export interface SentenceFeatures {
  /** "we/this paper/our … propose/present/introduce/develop". */
  contribution: number;
  /** Other first-person research verbs ("we show", "we study"). */
  weVerb: number;
  /** "In this paper/work/study". */
  thisPaper: number;
  /** Names the method ("called X", "we propose FooNet"). */
  naming: number;
  /** Background or motivation ("recent", "however", "has been"). */
  background: number;
  /** Experimental evidence ("experiments", "results show", "outperforms"). */
  evidence: number;
  /** Boilerplate that never summarises a paper: code links, questions, list items. */
  boilerplate: number;
  /** Share of title content words present in the sentence. */
  titleOverlap: number;
  /** Cosine similarity with the rest of the abstract. */
  centrality: number;
  /** Expected unigram F1 against a typical TL;DR of this abstract. */
  expectedF1: number;
  /** Position of the sentence, 0 for the first and 1 for the last. */
  position: number;
  /** 1 for the first sentence, which is usually generic background. */
  first: number;
  /** How far the length strays from a TL;DR-sized sentence, in units of 10 words. */
  lengthDeviation: number;
}

/** Typical length of a human TL;DR in ROUGE tokens. */
const REFERENCE_LENGTH = 22;

const CONTRIBUTION = /\b(we|this paper|this work|this study|our|here)\b[^.;]*?\b(propos\w*|present\w*|introduc\w*|develop\w*|design\w*|devis\w*|formulat\w*)\b/i;
const WE_VERB = /\bwe\s+(?:\w+ly\s+)?(?:also\s+)?(show|study|investigate|analy[sz]e|demonstrate|find|prove|explore|examine|derive|provide|describe|consider|address|train|apply|use|leverage|focus|aim|argue|establish|identify|observe|learn|build|extend|frame|cast|view|tackle|offer)\w*/i;
const THIS_PAPER = /\b(in|with)\s+this\s+(paper|work|study|article|submission)\b|\bthis (paper|work) (propos|present|introduc|show|stud|investigat|describ)/i;
const NAMING = /\b(called|dubbed|named|namely|termed|coined|referred to as)\b|\b(we|this paper|this work)\s+(propose|present|introduce|develop)\w*\s+[\p{Lu}][\p{L}\p{N}-]*[\p{Lu}]/iu;
const BACKGROUND = /\b(recent(ly)?|however|although|despite|existing|traditional(ly)?|conventional|previous(ly)?|prior|has been|have been|is a|are a|remain\w*|challeng\w*|typically|widely|popular|commonly|often|unfortunately|suffer\w*|limited|lack\w*)\b/i;
const EVIDENCE = /\b(experiment\w*|empirical\w*|results?|evaluat\w*|outperform\w*|benchmark\w*|state[- ]of[- ]the[- ]art|baselines?|datasets?|accuracy|compared|comparable)\b/i;
const BOILERPLATE = /https?:\/\/|www\.|github|\bcode\b.*\bavailable\b|\?\s*$|^\(?\d\)|^\(?[ivx]+\)/i;

function counts(tokens: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) if (isContentToken(t)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const [k, v] of a) sum += v * (b.get(k) ?? 0);
  return sum;
}

const flag = (pattern: RegExp, text: string): number => (pattern.test(text) ? 1 : 0);

/**
 * Computes {@link SentenceFeatures} for every sentence of an abstract; `tokens` are the
 * sentences' ROUGE tokens when the caller already has them.
 */
export function sentenceFeatures(sentences: string[], title: string, tokens: string[][] = sentences.map(rougeTokens)): SentenceFeatures[] {
  const titleTokens = new Set(rougeTokens(title));
  const titleContent = [...titleTokens].filter(isContentToken);
  const types = tokens.map((t) => new Set(t));
  const likelihood = tokenLikelihood(titleTokens, types);
  const bags = tokens.map(counts);
  const total = new Map<string, number>();
  for (const bag of bags) for (const [k, v] of bag) total.set(k, (total.get(k) ?? 0) + v);
  const totalNormSquared = dot(total, total);
  const last = Math.max(sentences.length - 1, 1);
  return sentences.map((sentence, i) => {
    const bag = bags[i]!;
    // Cosine with the rest of the abstract (total minus this sentence), by expanding the norms.
    const bagNormSquared = dot(bag, bag);
    const withTotal = dot(bag, total);
    const withRest = withTotal - bagNormSquared;
    const restNormSquared = totalNormSquared - 2 * withTotal + bagNormSquared;
    const centrality = bagNormSquared === 0 || restNormSquared <= 0 ? 0 : withRest / Math.sqrt(bagNormSquared * restNormSquared);
    const shared = titleContent.filter((t) => bag.has(t)).length;
    return {
      contribution: flag(CONTRIBUTION, sentence),
      weVerb: flag(WE_VERB, sentence),
      thisPaper: flag(THIS_PAPER, sentence),
      naming: flag(NAMING, sentence),
      background: flag(BACKGROUND, sentence),
      evidence: flag(EVIDENCE, sentence),
      boilerplate: flag(BOILERPLATE, sentence),
      titleOverlap: titleContent.length === 0 ? 0 : shared / titleContent.length,
      centrality,
      expectedF1: expectedUnigramF1(types[i]!, tokens[i]!.length, likelihood, REFERENCE_LENGTH),
      position: i / last,
      first: i === 0 ? 1 : 0,
      lengthDeviation: Math.abs(wordCount(sentence) - 25) / 10,
    };
  });
}
