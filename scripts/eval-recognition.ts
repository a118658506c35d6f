/**
 * `npm run eval:recognition [-- --verbose]`: found / planted and false marks per site (see
 * lib/sites/eval/run.ts). Saved pages are read from ../shared/fixtures/pages and skipped when
 * absent; reconstructed pages always run.
 */
import { resolve } from 'node:path';
import { buildCatalog } from '../lib/catalog/build';
import { readSeedDir } from '../lib/catalog/read-seeds';
import { runRecognitionEval } from '../lib/sites/eval/run';

const verbose = process.argv.includes('--verbose');
const catalog = buildCatalog(readSeedDir(resolve('seeds')));
const results = runRecognitionEval(catalog.papers);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`${pad('site', 46)}${pad('found / planted', 18)}false marks / unmarked entries`);
let planted = 0;
let found = 0;
let negatives = 0;
let falseMarks = 0;
for (const r of results) {
  planted += r.planted;
  found += r.found;
  negatives += r.negatives;
  falseMarks += r.falseMarks;
  console.log(`${pad(r.site, 46)}${pad(`${r.found} / ${r.planted}`, 18)}${r.falseMarks} / ${r.negatives}`);
  if (verbose) {
    for (const m of r.missed) console.log(`    missed: ${m}`);
    for (const w of r.wrong) console.log(`    false:  ${w}`);
  }
}
const pct = (a: number, b: number) => ((100 * a) / Math.max(b, 1)).toFixed(1);
console.log(`${pad('all', 46)}${pad(`${found} / ${planted}`, 18)}${falseMarks} / ${negatives}   (${pct(found, planted)}% found)`);
