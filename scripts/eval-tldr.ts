/**
 * Scores the TL;DR summarizer on the SciTLDR-A dev set with ROUGE-1/2/L F1 (best over gold
 * TL;DRs, averaged over papers), on all papers and on each half (split a / b), next to issue 6's
 * weight-free summarizer and two extractive baselines.
 * Usage: `npm run eval:tldr`. Skipped (exit 0) when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize, weightFreeSummary } from '../lib/summary/summarize.ts';
import {
  contributionSentenceBaseline,
  evaluate,
  firstSentenceBaseline,
  parseScitldrLine,
  splitOf,
  type EvalPaper,
  type EvalResult,
} from '../lib/summary/eval.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const devPath = resolve(repoRoot, '../shared/eval/scitldr-a-dev.jsonl');

if (!existsSync(devPath)) {
  console.log(`eval-tldr: ${devPath} not found, skipping evaluation.`);
  process.exit(0);
}

const papers: EvalPaper[] = readFileSync(devPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map(parseScitldrLine);

const systems: [string, (paper: EvalPaper) => string][] = [
  ['summarize (trained ranker)', (paper) => summarize(paper)],
  ['weight-free (issue 6)', (paper) => weightFreeSummary(paper)],
  ['baseline: first sentence', firstSentenceBaseline],
  ['baseline: we-propose', contributionSentenceBaseline],
];
const outputs = systems.map(([, system]) => new Map(papers.map((paper) => [paper, system(paper)])));

const f = (x: number) => x.toFixed(1).padStart(5);
const cell = (r: EvalResult) => `${f(r.r1)} ${f(r.r2)} ${f(r.rl)}`;
const halves = { all: papers, a: papers.filter((p) => splitOf(p.paperId) === 'a'), b: papers.filter((p) => splitOf(p.paperId) === 'b') };
console.log(`SciTLDR-A dev: ${papers.length} papers (split a ${halves.a.length}, b ${halves.b.length}); ROUGE F1 ×100, R1 R2 RL`);
console.log(`${''.padEnd(28)}${'all'.padEnd(18)}${'split a'.padEnd(18)}${'split b'.padEnd(18)}words`);
systems.forEach(([name], s) => {
  const score = (subset: EvalPaper[]) => evaluate(subset, (paper) => outputs[s]!.get(paper) ?? '');
  const all = score(halves.all);
  console.log(`${name.padEnd(28)}${cell(all)}  ${cell(score(halves.a))}  ${cell(score(halves.b))}  ${f(all.meanWords)}`);
});

console.log('Speed: npm run bench -- tldr');
