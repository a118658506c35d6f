/**
 * Library import speed: `parseLibraryFile` (what the options page's worker will run) on
 * synthetic exports shaped like the real ones in lib/library/fixtures:
 * - "Zotero" BibTeX, as Zotero with Better BibLaTeX writes it: 3 to 15 authors (one in twenty
 *   with a TeX accent), a ~900-character abstract (one in four with TeX in it), keywords, file
 *   paths, arXiv ids; about 2 KB an entry, so 20,000 of them make 40 MB;
 * - "Scholar" BibTeX, as Google Scholar and DBLP write it, without abstracts (~400 bytes an
 *   entry): the only way 100,000 entries fit under the 50 MB import limit;
 * - Zotero-style RIS with abstracts.
 * Baseline, in the same run: bibtex-parser alone reading the smallest Zotero-style file in one
 * call (what `parseLibraryFile` would cost without its own scanning), capped at 2,000 entries.
 * Also times `toPaper` and grouping by identity on the largest result.
 *
 * Reports wall and CPU time (this process, user + system) and the machine's load average,
 * since the machine is shared. `BENCH_RUNS=2000:zotero,20000:scholar` runs a chosen set.
 * Deterministic data (bench/rng).
 */
import { parse } from '@retorquere/bibtex-parser';
import { loadavg } from 'node:os';
import { groupByIdentity } from '../lib/library/merge';
import { parseLibraryFile } from '../lib/library/parse-library';
import { toPaper } from '../lib/library/to-paper';
import type { ParseResult } from '../lib/library/types';
import { rng } from './rng';

const RUNS = (process.env.BENCH_RUNS ?? '2000:zotero,20000:zotero,100000:scholar,20000:ris').split(',').map((run) => {
  const [count, style] = run.split(':');
  return { count: Number(count), style: style as keyof typeof STYLES };
});

const WORDS = (
  'adaptive sparse attention transformer diffusion graph neural network contrastive learning efficient scalable robust ' +
  'multimodal vision language model reinforcement policy optimization federated privacy quantization pruning distillation ' +
  'retrieval augmented generation benchmark dataset segmentation detection forecasting time series mixture experts state ' +
  'space long context reasoning alignment self supervised pretraining tokenization speech audio video'
).split(' ');
const FAMILY = 'Vaswani Shazeer Parmar Uszkoreit Jones Gomez Kaiser Polosukhin Devlin Chang Lee Toutanova Dosovitskiy Beyer Kolesnikov Weissenborn'.split(' ');
const GIVEN = 'Ashish Noam Niki Jakob Llion Aidan Lukasz Illia Jacob Ming-Wei Kenton Kristina Alexey Lucas Alexander Dirk'.split(' ');
const TEX_SENTENCES = [
  String.raw`We reach \$5\times\$ speed-ups with $O(n \log n)$ memory on {ImageNet} -- see \url{https://github.com/org/repo_name}.`,
  String.raw`Results improve by 3.2\% over {BERT} and {\"U}ber-style baselines \citep{x}.`,
];

type Next = () => number;
const pick = <T>(next: Next, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const words = (next: Next, n: number) => Array.from({ length: n }, () => pick(next, WORDS)).join(' ');
const capitalized = (text: string) => text.replace(/\b\w/g, (c) => c.toUpperCase());

function abstract(next: Next): string {
  const sentences = Array.from({ length: 7 }, () => `${capitalized(words(next, 1))} ${words(next, 17)}.`);
  if (next() < 0.25) sentences.splice(3, 0, pick(next, TEX_SENTENCES));
  return sentences.join(' ');
}

function author(next: Next): [family: string, given: string] {
  const family = next() < 0.05 ? 'M{\\"u}ller' : pick(next, FAMILY);
  return [family, pick(next, GIVEN)];
}

function bibtexEntry(i: number, next: Next): string {
  const id = `${21 + (i % 4)}${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}`;
  const authors = Array.from({ length: 3 + Math.floor(next() * 13) }, () => author(next));
  return `@misc{paper${i},
  title = {{{${capitalized(words(next, 3))}}}: ${capitalized(words(next, 6))} ${i}},
  author = {${authors.map(([f, g]) => `${f}, ${g}`).join(' and ')}},
  date = {2022-05-15},
  number = {arXiv:${id}},
  eprint = {${id}},
  eprinttype = {arxiv},
  primaryclass = {cs},
  publisher = {{arXiv}},
  doi = {10.48550/arXiv.${id}},
  url = {http://arxiv.org/abs/${id}},
  urldate = {2022-11-11},
  abstract = {${abstract(next)}},
  archiveprefix = {arXiv},
  keywords = {Computer Science - Machine Learning,Computer Science - ${capitalized(pick(next, WORDS))}},
  file = {/Users/someone/Zotero/storage/ABCD${i}/Paper ${i}.pdf;/Users/someone/Zotero/storage/EFGH${i}/${id}.html}
}
`;
}

function risRecord(i: number, next: Next): string {
  const authors = Array.from({ length: 3 + Math.floor(next() * 13) }, () => author(next));
  return [
    'TY  - JOUR',
    `TI  - ${capitalized(words(next, 9))} ${i}`,
    ...authors.map(([f, g]) => `AU  - ${f.replace('{\\"u}', 'ü')}, ${g}`),
    `T2  - Journal of ${capitalized(words(next, 2))}`,
    'DA  - 2021/12/23/',
    'PY  - 2021',
    `DO  - 10.1007/s12517-021-${String(i).padStart(5, '0')}`,
    `AB  - ${abstract(next).replace(/\\/g, '')}`,
    `KW  - ${words(next, 2)}`,
    `UR  - http://dx.doi.org/10.1007/s12517-021-${String(i).padStart(5, '0')}`,
    'ER  - ',
    '',
  ].join('\n');
}

function scholarEntry(i: number, next: Next): string {
  const authors = Array.from({ length: 3 + Math.floor(next() * 6) }, () => author(next));
  const venue =
    i % 3 === 0
      ? `journal={arXiv preprint arXiv:${21 + (i % 4)}${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}}`
      : `booktitle={Advances in neural information processing systems}`;
  return `@inproceedings{${pick(next, FAMILY).toLowerCase()}${2017 + (i % 8)}${words(next, 1)}${i},
  title={${capitalized(words(next, 7))} ${i}},
  author={${authors.map(([f, g]) => `${f}, ${g}`).join(' and ')}},
  ${venue},
  pages={5998--6008},
  year={${2017 + (i % 8)}}
}
`;
}

const STYLES = {
  zotero: { label: 'BibTeX entries (Zotero)', make: bibtexEntry },
  scholar: { label: 'BibTeX entries (Scholar)', make: scholarEntry },
  ris: { label: 'RIS records (Zotero)', make: risRecord },
};

/** A deterministic library file of `count` entries in one of the styles above (also used by import-write). */
export function buildLibrary(count: number, style: keyof typeof STYLES): string {
  return build(count, STYLES[style].make, count);
}

function build(count: number, make: (i: number, next: Next) => string, seed: number): string {
  const next = rng(seed);
  return Array.from({ length: count }, (_, i) => make(i, next)).join('\n');
}

/** The synthetic file this benchmark reads for `count` entries of `style` (also used by bench/library-import). */
export function syntheticLibrary(style: keyof typeof STYLES, count: number): string {
  return build(count, STYLES[style].make, count);
}

async function time(name: string, text: string): Promise<ParseResult> {
  let reports = 0;
  const load = loadavg()[0]!;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await parseLibraryFile(name, text, { onProgress: () => reports++ });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const n = result.entries.length;
  console.log(
    `| ${name} | ${n.toLocaleString('en')} | ${(text.length / 1e6).toFixed(1)} MB | ${(ms / 1000).toFixed(1)} s | ${(cpuMs / 1000).toFixed(1)} s | ` +
      `${((cpuMs * 1000) / n).toFixed(0)} µs | ${Math.round(n / (cpuMs / 1000)).toLocaleString('en')} | ${reports} | ${result.problems.length} | ${load.toFixed(1)} |`,
  );
  return result;
}

export default async function importParseBench(): Promise<void> {
  console.log('| file | entries | size | wall time | CPU time | CPU per entry | entries per CPU second | progress reports | problems | load average |');
  console.log(`|${' --- |'.repeat(10)}`);
  let largest: ParseResult | undefined;
  for (const { count, style } of RUNS) {
    const { label, make } = STYLES[style];
    const result = await time(`${count.toLocaleString('en')} ${label}`, build(count, make, count));
    if (!largest || result.entries.length > largest.entries.length) largest = result;
  }
  const baseline = RUNS.find((run) => run.style === 'zotero' && run.count <= 2_000);
  if (baseline) {
    const text = build(baseline.count, bibtexEntry, baseline.count);
    const load = loadavg()[0]!;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const entries = parse(text, { sentenceCase: false }).entries.length;
    const cpu = process.cpuUsage(cpuStart);
    console.log(
      `| baseline: bibtex-parser alone, whole file in one call | ${entries.toLocaleString('en')} | ${(text.length / 1e6).toFixed(1)} MB | ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s | ${((cpu.user + cpu.system) / entries).toFixed(0)} µs | | | | ${load.toFixed(1)} |`,
    );
  }
  if (!largest) return;
  let start = performance.now();
  const records = largest.entries.map(toPaper);
  const toPaperMs = performance.now() - start;
  start = performance.now();
  const groups = groupByIdentity([...records, ...records.slice(0, records.length / 2)]);
  const groupMs = performance.now() - start;
  console.log(
    `\ntoPaper on ${records.length.toLocaleString('en')} entries: ${toPaperMs.toFixed(0)} ms; ` +
      `groupByIdentity on ${(records.length * 1.5).toLocaleString('en')} records (half of them twice): ${groupMs.toFixed(0)} ms, ` +
      `${groups.length.toLocaleString('en')} groups (load average ${loadavg()[0]!.toFixed(1)})`,
  );
}
