/**
 * Fits the TL;DR model on SciTLDR-A train (`../shared/eval/scitldr-a-train.jsonl`) and writes it
 * to lib/summary/model.json. Deterministic: run twice, same bytes. Usage: `npm run train:tldr`.
 * Dev is not read here; `npm run eval:tldr` scores the written model on it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScitldrLine } from '../lib/summary/eval.ts';
import { modelToJson } from '../lib/summary/model.ts';
import { trainModel } from '../lib/summary/train.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const trainPath = resolve(repoRoot, '../shared/eval/scitldr-a-train.jsonl');
const modelPath = resolve(repoRoot, 'lib/summary/model.json');

if (!existsSync(trainPath)) {
  console.error(`train-tldr: ${trainPath} not found; the model needs SciTLDR-A train.`);
  process.exit(1);
}
const papers = readFileSync(trainPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map(parseScitldrLine);
const started = performance.now();
const model = trainModel(papers);
const json = modelToJson(model);
writeFileSync(modelPath, json);
console.log(
  `train-tldr: ${papers.length} papers, ${model.vocabulary.size} words, ` +
    `${json.length} bytes to lib/summary/model.json in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
