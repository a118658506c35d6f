/**
 * TL;DR speed in Node: every abstract of the catalog (333, from seeds/) and of SciTLDR-A dev
 * (619, when ../shared is present) summarized one by one, after a warm-up pass. Reported per
 * abstract: the median and 90th percentile of single calls (the median shrugs off the moments
 * other processes take the CPU) and the mean over a pass in CPU time. Issue 6's weight-free
 * summarizer runs alongside as the reference. `npm run bench -- tldr`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCatalog } from '../lib/catalog/build';
import { readSeedDir } from '../lib/catalog/read-seeds';
import { parseScitldrLine } from '../lib/summary/eval';
import { summarize, weightFreeSummary, type SummaryInput } from '../lib/summary/summarize';

const PASSES = 5;
const DEV = resolve('..', 'shared', 'eval', 'scitldr-a-dev.jsonl');

function measure(papers: SummaryInput[], system: (input: SummaryInput) => string): { median: number; p90: number; cpuMean: number } {
  for (const paper of papers) system(paper);
  const calls: number[] = [];
  const cpuMeans: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const cpu = process.cpuUsage();
    for (const paper of papers) {
      const started = performance.now();
      system(paper);
      calls.push(performance.now() - started);
    }
    const used = process.cpuUsage(cpu);
    cpuMeans.push((used.user + used.system) / 1000 / papers.length);
  }
  calls.sort((a, b) => a - b);
  cpuMeans.sort((a, b) => a - b);
  return { median: calls[Math.floor(calls.length / 2)]!, p90: calls[Math.floor(calls.length * 0.9)]!, cpuMean: cpuMeans[Math.floor(PASSES / 2)]! };
}

export default async function bench(): Promise<void> {
  const corpora: [string, SummaryInput[]][] = [['catalog', buildCatalog(readSeedDir('seeds')).papers]];
  if (existsSync(DEV)) {
    corpora.push(['SciTLDR-A dev', readFileSync(DEV, 'utf8').split('\n').filter((l) => l.trim() !== '').map(parseScitldrLine)]);
  } else {
    console.log(`(${DEV} not found: catalog only)`);
  }
  console.log('ms per abstract        median    p90   mean CPU');
  for (const [corpus, papers] of corpora) {
    for (const [name, system] of [['summarize', summarize], ['weight-free (issue 6)', weightFreeSummary]] as const) {
      const { median, p90, cpuMean } = measure(papers, system);
      console.log(`${corpus} (${papers.length}), ${name}: ${median.toFixed(3)}  ${p90.toFixed(3)}  ${cpuMean.toFixed(3)}`);
    }
  }
}
