/**
 * Search speed and quality in Node: per-keystroke latency of lib/search at 333 (the real catalog),
 * 10,000, 20,000 and 100,000 papers with abstracts and notes, against fuse.js (title, TL;DR,
 * notes), index size, build and load time. The popup in Chromium is bench/search-popup.bench.ts.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fuse from 'fuse.js';
import { buildCatalog } from '../lib/catalog/build';
import { paperId } from '../lib/catalog/id';
import { readSeedDir } from '../lib/catalog/read-seeds';
import type { Paper } from '../lib/catalog/types';
import type { Note } from '../lib/notes/model';
import { NO_FILTERS } from '../lib/search/filters';
import * as current from '../lib/search/search-index';
import { rng } from './rng';

/** The fixed query set: misspelled and partial titles, topics with and without typos, a note word. */
const QUERIES = [
  'itransfomer',
  'forcasting',
  'autofromer decomposition',
  'bytetransformer',
  'informer long sequence',
  'attention is all',
  'linear attention',
  'quantization llm',
  'vision transformer segmentation',
  'speech recognition',
  'graph neural network',
  'diffusion image generation',
  'reinforcement learning policy',
  'medical image segmentation',
  'mixture of experts',
  'knowledge distillation',
  'long context',
  'state space model',
  'efficent transformer',
  'mamba',
  'retreival augmented',
  'zanzibarite',
];

/**
 * Known-item queries (typos, partial titles) and the title the user is after: the measure of
 * "find any paper in a few keystrokes", where a first result is right or wrong.
 */
export const KNOWN: [query: string, titleStart: string][] = [
  ['itransfomer', 'iTransformer:'],
  ['autofromer', 'Autoformer:'],
  ['bytetransfomer', 'ByteTransformer:'],
  ['informer beyond', 'Informer:'],
  ['mamba linear time', 'Mamba: Linear-Time'],
  ['tinyvit distilation', 'TinyViT:'],
  ['restormer efficent', 'Restormer:'],
  ['moeut universal', 'MoEUT:'],
  ['ecoformer energy', 'EcoFormer:'],
  ['tsmixer', 'TSMixer:'],
  ['landmark atention', 'Landmark Attention:'],
  ['swin transfomer shifted', 'Swin Transformer:'],
  ['scaling vison transformers 22', 'Scaling Vision Transformers to 22'],
];

/**
 * Held-out known-item queries, written once and never used to tune the ranking (KNOWN is the
 * tuning set): how a reader types a title they half remember, with typos, missing words and
 * the words of the title they are sure of.
 */
export const HELD_OUT: [query: string, titleStart: string][] = [
  ['pathformer multiscale', 'Pathformer:'],
  ['efficientvit cascaded group', 'EfficientViT:'],
  ['bitnet 1 bit', 'BitNet:'],
  ['megatron model paralelism', 'Megatron-LM:'],
  ['long range arena', 'Long Range Arena:'],
  ['llm.int8 matrix multiplication', 'LLM.int8()'],
  ['transformers without normalisation', 'Transformers without Normalization'],
  ['pyramid vision transfomer', 'Pyramid Vision Transformer:'],
  ['tokens to token vit', 'Tokens-to-Token ViT:'],
  ['cswin cross shaped windows', 'CSWin Transformer:'],
  ['scalable diffusion models transformers', 'Scalable Diffusion Models with Transformers'],
  ['metaformer actually need', 'MetaFormer Is Actually'],
  ['flowformer conservaton flows', 'Flowformer:'],
  ['dual aggregation super resolution', 'Dual Aggregation Transformer'],
  ['samformer sharpness', 'SAMformer:'],
  ['visformer vision friendly', 'Visformer:'],
  ['deepspeed inference', 'DeepSpeed Inference:'],
  ['shapeformer shapelet', 'ShapeFormer:'],
  ['rt-1 robotics transformer', 'RT-1:'],
  ['scaling laws neural machine translation', 'Scaling Laws for Neural Machine Translation'],
  ['edgenext amalgamted', 'EdgeNeXt:'],
  ['histogram transformer adverse weather', 'Restoring Images in Adverse Weather'],
  ['sliced recursive transfomer', 'Sliced Recursive Transformer'],
  ['measuring mathematical problem solving', 'Measuring Mathematical Problem Solving'],
];

const SYLLABLES = ['vor', 'lex', 'tra', 'qui', 'mo', 'zen', 'ka', 'dri', 'pho', 'nu', 'sel', 'ix', 'gar', 'bo', 'rey', 'ta'];
const NOTE_WORDS = ['reproduce', 'baseline', 'ablation', 'compare', 'cite', 'weak', 'strong', 'follow-up', 'dataset', 'kernel'];
const TAGS = ['must-read', 'survey', 'cite', 'reproduce', 'teaching', 'idea'];

/**
 * The real papers plus synthetic ones: a made-up model name and a mix of two real titles, an
 * abstract of sentences from two real abstracts, the real topics and links; notes on 10%.
 */
export function syntheticCatalog(real: Paper[], size: number): { papers: Paper[]; notes: Note[] } {
  const rand = rng(size);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const papers = real.slice(0, size);
  const sentences = real.map((p) => p.abstract.split(/(?<=\.)\s+/));
  const ids = new Set(papers.map((p) => p.id));
  for (let i = papers.length; i < size; i++) {
    const a = pick(real);
    const b = pick(real);
    const name = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join('');
    const ta = a.title.split(/\s+/);
    const tb = b.title.split(/\s+/);
    const title = `${name[0]!.toUpperCase()}${name.slice(1)}: ${ta.slice(0, Math.ceil(ta.length / 2)).join(' ')} ${tb.slice(Math.ceil(tb.length / 2)).join(' ')}`;
    const sa = sentences[real.indexOf(a)]!;
    const sb = sentences[real.indexOf(b)]!;
    const abstract = [...sa.slice(0, Math.ceil(sa.length * 0.6)), ...sb.slice(Math.floor(sb.length * 0.6))].join(' ');
    // Ids as the extension makes them (a slug and a hash of the title), so stored sizes are real.
    let id = paperId(title);
    while (ids.has(id)) id += '-2';
    ids.add(id);
    papers.push({ ...a, id, title, abstract, tldr: sa[0] ?? '', sources: [] });
  }
  const notes: Note[] = [];
  for (let i = 0; i < size; i += 10) {
    const p = papers[i]!;
    const words = Array.from({ length: 12 }, () => pick(NOTE_WORDS)).join(' ');
    notes.push({
      paperId: p.id,
      text: `${words}. ${p.abstract.slice(0, 120)}`,
      tags: [pick(TAGS)],
      status: rand() < 0.3 ? 'to-read' : 'none',
      starred: rand() < 0.2,
      titleSnapshot: p.title,
      createdAt: i,
      updatedAt: i,
    });
  }
  // The one word that is only in a note, to check notes are searched at every size.
  const noted = papers.find((p) => p.title.startsWith('ByteTransformer'))!;
  notes.push({ ...notes[0]!, paperId: noted.id, text: 'Compare with zanzibarite kernels.', titleSnapshot: noted.title });
  return { papers, notes };
}

export const ms = (t: number) => `${t.toFixed(2)} ms`;

/** How many times each index is built (SEARCH_BENCH_BUILDS). */
let BUILDS = 1;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** CPU time of this process in ms (user + system): steadier than wall time on a shared, loaded machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

async function timeAsync<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

/** lib/search/search-index.ts, this checkout's or another's (SEARCH_BENCH_BASE). */
type SearchModule = typeof current;

/** An index built, stored and restored with one version of lib/search, ready to search. */
interface Built {
  label: string;
  searcher: current.Searcher;
  restored: current.CatalogIndex;
  buildCpu: number[];
  notesCpu: number;
}

/**
 * Builds (timed: CPU of the catalog part, then of the notes part on the restored catalog part,
 * as a note edit after a worker restart does), stores (structured clone) and restores the index.
 */
async function buildWith(mod: SearchModule, label: string, papers: Paper[], notes: Note[], built?: Built): Promise<Built> {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  let cpu = cpuMs();
  // The base's build may still be asynchronous.
  const [index, buildMs] = await timeAsync(() => mod.CatalogIndex.build(papers));
  const buildCpu = cpuMs() - cpu;
  if (built) {
    built.buildCpu.push(buildCpu);
    return built;
  }
  const serialized = index.serialize();
  cpu = cpuMs();
  const [restored, loadMs] = await timeAsync(() => mod.CatalogIndex.deserialize(structuredClone(serialized)));
  const loadCpu = cpuMs() - cpu;
  cpu = cpuMs();
  const [notesIndex, notesMs] = time(() => mod.buildNotesIndex(restored, notes));
  const notesCpu = cpuMs() - cpu;
  const [storedNotes, notesLoadMs] = time(() => mod.NotesIndex.deserialize(structuredClone(notesIndex.serialize())));
  const searcher = new mod.Searcher(restored, storedNotes);
  const [, warmMs] = time(() => restored.text.warm());
  console.log(`${label}: uptime load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; CPU: build ${ms(buildCpu)} + notes ${ms(notesCpu)}, load ${ms(loadCpu)}`);
  console.log(`${label}: catalog index: build ${ms(buildMs)}, stored ${mb(index.storedBytes)} (postings ${mb(index.text.storedBytes)},` +
    ` ids and titles deflated ${mb(restored.names.storedBytes)}), load (structured clone + inflate + deserialize) ${ms(loadMs)};` +
    ` notes index: build ${ms(notesMs)}, stored ${mb(notesIndex.storedBytes)}, load ${ms(notesLoadMs)}; typo table ${ms(warmMs)}`);
  return { label, searcher, restored, buildCpu: [buildCpu], notesCpu };
}

type Result = ReturnType<Built['searcher']['search']>;

/** A search result as text, every hit's id, score and fields, the count and the matched words: equal text, equal results. */
function resultText(r: Result): string {
  const hits = r.hits.map((h) => `${h.id} ${h.ordinal} ${h.score} ${h.fields}`).join('\n');
  return `${hits}\ntotal ${r.total}\nterms ${[...r.terms].sort().join(' ')}`;
}

async function benchSize(real: Paper[], size: number, fuseQueries: number, base: SearchModule | null) {
  const { papers, notes } = syntheticCatalog(real, size);
  console.log(`\n### ${size.toLocaleString('en')} papers (${notes.length.toLocaleString('en')} notes)\n`);
  const mods: [SearchModule, string][] = base ? [[base, 'before'], [current, 'after']] : [[current, 'lib/search']];
  const builds: Built[] = [];
  for (const [mod, label] of mods) builds.push(await buildWith(mod, label, papers, notes));
  // More builds, alternating which goes first, so the machine's load and the other's garbage hit both alike.
  for (let run = 1; run < BUILDS; run++) {
    const order = run % 2 === 1 ? [...mods.keys()].reverse() : [...mods.keys()];
    for (const m of order) await buildWith(mods[m]![0], mods[m]![1], papers, notes, builds[m]);
  }
  if (BUILDS > 1) {
    for (const b of builds) console.log(`${b.label}: build CPU of ${BUILDS} builds: median ${ms(median(b.buildCpu))} (${b.buildCpu.map((t) => t.toFixed(0)).join(', ')} ms)`);
  }

  // Warm the JIT, then replay every query keystroke by keystroke, the versions taking turns
  // (which goes first alternates), each keystroke's results compared.
  for (const b of builds) for (const q of QUERIES) b.searcher.search(q, NO_FILTERS, 30);
  const perKey = builds.map(() => [] as number[]);
  const perKeyCpu = builds.map(() => [] as number[]);
  const perQuery = builds.map(() => [] as number[]);
  let keystrokes = 0;
  const differ: string[] = [];
  for (const q of QUERIES) {
    for (let i = 1; i <= q.length; i++) {
      const results: Result[] = [];
      const order = keystrokes++ % 2 === 0 ? [...builds.keys()] : [...builds.keys()].reverse();
      for (const b of order) {
        const c = cpuMs();
        const [r, t] = time(() => builds[b]!.searcher.search(q.slice(0, i), NO_FILTERS, 30));
        perKeyCpu[b]!.push(cpuMs() - c);
        perKey[b]!.push(t);
        results[b] = r;
      }
      if (results.length > 1 && resultText(results[0]!) !== resultText(results[1]!)) differ.push(q.slice(0, i));
    }
    for (const [b, { searcher }] of builds.entries()) perQuery[b]!.push(time(() => searcher.search(q, NO_FILTERS, 30))[1]);
  }
  for (const [b, { label, searcher, restored }] of builds.entries()) {
    const k = stats(perKey[b]!);
    const kc = stats(perKeyCpu[b]!);
    const full = stats(perQuery[b]!);
    console.log(`${label}: lib/search per keystroke (${perKey[b]!.length} keystrokes): mean ${ms(k.mean)}, p95 ${ms(k.p95)}, max ${ms(k.max)}`);
    console.log(`${label}: lib/search CPU per keystroke: mean ${ms(kc.mean)}, p95 ${ms(kc.p95)}, max ${ms(kc.max)}`);
    console.log(`${label}: lib/search per full query: mean ${ms(full.mean)}, p95 ${ms(full.p95)}`);
    const zanzi = searcher.search('zanzibarite', NO_FILTERS, 1).hits[0];
    console.log(`${label}: note-only word "zanzibarite" → ${zanzi ? restored.title(zanzi.ordinal).slice(0, 40) : 'nothing'}`);
  }
  if (builds.length > 1) {
    console.log(`same results (hits, scores, fields, count, words) for ${keystrokes - differ.length} of ${keystrokes} keystrokes` +
      `${differ.length ? `; differ: ${differ.slice(0, 20).join(', ')}` : ''}`);
  }
  const { searcher } = builds[builds.length - 1]!;
  // fuse.js configured fairly: the fields a reader remembers (title, TL;DR, their notes), matched anywhere in them.
  const noteText = new Map(notes.map((n) => [n.paperId, n.text]));
  const items = fuseQueries > 0 ? papers.map((p) => ({ id: p.id, title: p.title, tldr: p.tldr, notes: noteText.get(p.id) ?? '' })) : [];
  const [fuse, fuseBuildMs] = time(() => new Fuse(items, { keys: ['title', 'tldr', 'notes'], ignoreLocation: true }));
  if (fuseQueries > 0) {
    const fuseTimes: number[] = [];
    let overlap = 0;
    let firstAgree = 0;
    const qs = QUERIES.filter((q) => q !== 'zanzibarite').slice(0, fuseQueries);
    for (const q of qs) {
      const [found, t] = time(() => fuse.search(q, { limit: 10 }));
      fuseTimes.push(t);
      const theirs = new Set(found.map((r) => r.item.id));
      const ours = searcher.search(q, NO_FILTERS, 10).hits.map((h) => h.id);
      const denominator = Math.min(10, theirs.size) || 1;
      overlap += ours.filter((id) => theirs.has(id)).length / denominator;
      if (found[0] && ours[0] === found[0].item.id) firstAgree++;
    }
    const f = stats(fuseTimes);
    console.log(`fuse.js baseline (${qs.length} queries, index ${ms(fuseBuildMs)}): mean ${ms(f.mean)} a query, p95 ${ms(f.p95)}`);
    console.log(`top-10 overlap with fuse.js: ${((overlap / qs.length) * 100).toFixed(0)}%; same first result: ${firstAgree}/${qs.length}`);
  }

  const firstIs = (title: string | undefined, start: string) => title?.startsWith(start) ?? false;
  for (const b of builds) {
    const titleOfHit = (hit: { ordinal: number } | undefined) => (hit ? b.restored.title(hit.ordinal) : undefined);
    for (const [name, set] of [['tuning', KNOWN], ['held-out', HELD_OUT]] as const) {
      const ours = set.filter(([q, t]) => firstIs(titleOfHit(b.searcher.search(q, NO_FILTERS, 1).hits[0]), t));
      const fuseSet = set.slice(0, fuseQueries);
      const theirs = fuseSet.filter(([q, t]) => firstIs(fuse.search(q, { limit: 1 })[0]?.item.title, t));
      const missed = set.filter((x) => !ours.includes(x)).map(([q]) => q);
      console.log(`${b.label}: ${name} known-item queries with the wanted paper first: lib/search ${ours.length}/${set.length}` +
        `${missed.length ? ` (missed: ${missed.join(', ')})` : ''}, fuse.js ${theirs.length}/${fuseSet.length}`);
    }
  }
}

/**
 * SEARCH_BENCH_SIZES=333,100000 runs only those sizes (333 is the real catalog);
 * SEARCH_BENCH_BASELINES=0 leaves out fuse.js, for quick iterations (the full bench reports it).
 * SEARCH_BENCH_BASE=<a lib/search directory> measures that version too, in the same run: say
 * `mkdir /tmp/base && git archive main lib | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/`
 * (the link so its packages resolve) then SEARCH_BENCH_BASE=/tmp/base/lib/search; both build
 * the same papers, type the same keystrokes in turns, and every keystroke's results are compared. SEARCH_BENCH_BUILDS=3 builds
 * each index that many times (the median CPU is reported; default 1, or 2 with a base).
 */
export default async function bench(): Promise<void> {
  const real = buildCatalog(readSeedDir('seeds')).papers;
  const sizes = process.env.SEARCH_BENCH_SIZES?.split(',').map(Number) ?? [real.length, 10_000, 20_000, 100_000];
  const baselines = process.env.SEARCH_BENCH_BASELINES !== '0';
  const baseDir = process.env.SEARCH_BENCH_BASE;
  const base = baseDir ? ((await import(pathToFileURL(resolve(baseDir, 'search-index.ts')).href)) as SearchModule) : null;
  BUILDS = Number(process.env.SEARCH_BENCH_BUILDS ?? (base ? 2 : 1));
  for (const size of sizes) {
    const n = Math.max(size, real.length);
    await benchSize(real, n, !baselines ? 0 : n <= 10_000 ? QUERIES.length : 3, base);
  }
}
