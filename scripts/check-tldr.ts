/**
 * Counts TL;DRs that do not read on their own (lib/summary/readability.ts): leaning on text
 * they do not contain, ending on a dangling word, or lowercasing a name. Over the 333 catalog
 * papers (built from seeds/) and, when ../shared is present, the SciTLDR-A dev set; for the
 * trained summarizer and issue 6's weight-free one. Also counts catalog key results that would
 * repeat their TL;DR. Exits 1 when any catalog TL;DR has an issue. Usage: `npm run check:tldr`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from '../lib/catalog/build.ts';
import { readSeedDir } from '../lib/catalog/read-seeds.ts';
import { parseScitldrLine } from '../lib/summary/eval.ts';
import { keyResult, keyResultRepeats } from '../lib/summary/key-result.ts';
import { plainText } from '../lib/summary/plain-text.ts';
import { countReadabilityIssues, type ReadabilityCounts } from '../lib/summary/readability.ts';
import { summarize, weightFreeSummary, type SummaryInput } from '../lib/summary/summarize.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const devPath = resolve(repoRoot, '../shared/eval/scitldr-a-dev.jsonl');

function line(name: string, counts: ReadabilityCounts, total: number): string {
  return (
    `${name.padEnd(40)} any ${String(counts.any).padStart(4)} / ${total}` +
    `   outside reference ${String(counts.outsideReference).padStart(4)}` +
    `   dangling end ${String(counts.danglingEnd).padStart(3)}` +
    `   lowercased name ${String(counts.lowercasedName).padStart(3)}`
  );
}

function report(corpus: string, papers: SummaryInput[], shipped?: string[]): ReadabilityCounts {
  const abstracts = papers.map((p) => plainText(p.abstract));
  const trained = shipped ?? papers.map((p) => summarize(p));
  const counts = countReadabilityIssues(trained.map((tldr, i) => ({ tldr, abstract: abstracts[i]! })));
  console.log(line(`${corpus}: summarize (trained ranker)`, counts, papers.length));
  const weightFree = papers.map((p) => weightFreeSummary(p));
  console.log(line(`${corpus}: weight-free (issue 6)`, countReadabilityIssues(weightFree.map((tldr, i) => ({ tldr, abstract: abstracts[i]! }))), papers.length));
  return counts;
}

const catalog = buildCatalog(readSeedDir(resolve(repoRoot, 'seeds')));
// The catalog stores abstracts already cleaned of TeX; summarizing them again is what the build did, less "\$" escapes.
const catalogCounts = report('catalog', catalog.papers, catalog.papers.map((p) => p.tldr));
const repeats = catalog.papers.filter((p) => {
  const result = keyResult(p.abstract, p.title);
  return result !== null && keyResultRepeats(result, p.tldr);
}).length;
console.log(`catalog: key results that repeat their TL;DR (shown as null): ${repeats}`);

if (existsSync(devPath)) {
  const dev = readFileSync(devPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(parseScitldrLine);
  report('dev', dev);
} else {
  console.log(`check-tldr: ${devPath} not found, dev set skipped.`);
}

if (catalogCounts.any > 0) {
  console.error(`check-tldr: ${catalogCounts.any} catalog TL;DRs do not read on their own.`);
  process.exitCode = 1;
}
