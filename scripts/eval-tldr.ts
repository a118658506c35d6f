/**
 * Scores the TL;DR summarizer on the SciTLDR-A dev split with ROUGE-1/2/L F1
 * (best over gold TL;DRs, averaged over papers) next to two extractive
 * baselines. Usage: `npm run eval:tldr [-- --split a|b|all]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from '../lib/summary/index.ts';
import {
  contributionSentenceBaseline,
  evaluate,
  firstSentenceBaseline,
  parseScitldrLine,
  splitOf,
  type EvalPaper,
  type EvalResult,
  type EvalSplit,
} from '../lib/summary/eval.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const devPath = resolve(repoRoot, '../shared/eval/scitldr-a-dev.jsonl');

function parseSplit(argv: string[]): EvalSplit {
  const index = argv.indexOf('--split');
  const value = index === -1 ? 'all' : argv[index + 1];
  if (value === 'a' || value === 'b' || value === 'all') return value;
  console.error(`eval-tldr: --split must be a, b or all (got ${String(value)})`);
  process.exit(2);
}

function format(name: string, result: EvalResult): string {
  const f = (x: number) => x.toFixed(1).padStart(5);
  return `${name.padEnd(26)} R1 ${f(result.r1)}  R2 ${f(result.r2)}  RL ${f(result.rl)}  words ${f(result.meanWords)}`;
}

const split = parseSplit(process.argv.slice(2));
if (!existsSync(devPath)) {
  console.log(`eval-tldr: ${devPath} not found, skipping evaluation.`);
  process.exit(0);
}

const papers: EvalPaper[] = readFileSync(devPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map(parseScitldrLine)
  .filter((paper) => split === 'all' || splitOf(paper.paperId) === split);

const tldrs = new Map(papers.map((paper) => [paper, summarize({ title: paper.title, abstract: paper.abstract })]));
// Time further passes so JIT warm-up does not count; the median resists
// noise from other processes on the machine.
const passes = Array.from({ length: 5 }, () => {
  const started = performance.now();
  for (const paper of papers) summarize({ title: paper.title, abstract: paper.abstract });
  return (performance.now() - started) / Math.max(papers.length, 1);
}).sort((x, y) => x - y);
const system = evaluate(papers, (paper) => tldrs.get(paper) ?? '');

console.log(`SciTLDR-A dev, split ${split}: ${papers.length} papers`);
console.log(format('summarize', system));
console.log(format('baseline: first sentence', evaluate(papers, firstSentenceBaseline)));
console.log(format('baseline: we-propose', evaluate(papers, contributionSentenceBaseline)));
console.log(`summarize: ${passes[2]!.toFixed(3)} ms per abstract (median of 5 passes; fastest ${passes[0]!.toFixed(3)})`);
