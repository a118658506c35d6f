import { bestRougeF1 } from './rouge.ts';
import { splitSentences } from './split-sentences.ts';

/** One SciTLDR record, restricted to the fields a summarizer may see plus the gold targets. */
export interface EvalPaper {
  paperId: string;
  title: string;
  abstract: string;
  targets: string[];
}

/** Which half of the dev set to score. */
export type EvalSplit = 'a' | 'b' | 'all';

/** Mean ROUGE F1 (×100) and mean length in words of a system's outputs. */
export interface EvalResult {
  r1: number;
  r2: number;
  rl: number;
  meanWords: number;
  papers: number;
}

/**
 * Parses one SciTLDR JSON line. Only `paper_id`, `title`, `source` and
 * `target` are read; the gold annotations `source_labels` and `rouge_scores`
 * are deliberately ignored.
 */
export function parseScitldrLine(line: string): EvalPaper {
  const record = JSON.parse(line) as { paper_id: string; title?: string; source: string[]; target: string[] };
  return { paperId: record.paper_id, title: record.title ?? '', abstract: record.source.join(' '), targets: record.target };
}

/** FNV-1a hash so the a/b split is stable across runs and machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Deterministic half of the data set a paper belongs to. */
export function splitOf(paperId: string): 'a' | 'b' {
  return fnv1a(paperId) % 2 === 0 ? 'a' : 'b';
}

/** Scores a summarizer on papers: best F1 over each paper's targets, averaged over papers. */
export function evaluate(papers: EvalPaper[], system: (paper: EvalPaper) => string): EvalResult {
  let r1 = 0, r2 = 0, rl = 0, words = 0;
  for (const paper of papers) {
    const output = system(paper);
    const best = bestRougeF1(output, paper.targets);
    r1 += best.r1;
    r2 += best.r2;
    rl += best.rl;
    words += output.split(/\s+/).filter((w) => w !== '').length;
  }
  const n = Math.max(papers.length, 1);
  return { r1: (100 * r1) / n, r2: (100 * r2) / n, rl: (100 * rl) / n, meanWords: words / n, papers: papers.length };
}

/** Baseline: the first sentence of the abstract. */
export function firstSentenceBaseline(paper: EvalPaper): string {
  return splitSentences(paper.abstract)[0] ?? '';
}

/**
 * Baseline: the first sentence where "we/this paper/this work/our" is followed
 * by propose/present/introduce/develop (any inflection), else the first sentence.
 */
export function contributionSentenceBaseline(paper: EvalPaper): string {
  const sentences = splitSentences(paper.abstract);
  const cue = /\b(we|this paper|this work|our)\b.*\b(propos|present|introduc|develop)/i;
  return sentences.find((s) => cue.test(s)) ?? sentences[0] ?? '';
}
