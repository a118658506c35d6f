/**
 * `npm run eval:recognition`: plants catalog titles into saved and reconstructed pages of every
 * site, runs the content script's scan and one batched match on each, and counts per site the
 * planted titles found (a mark with the right paper inside the planted entry) and the false
 * marks (any other mark) over the entries that must stay unmarked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Paper } from '../../catalog/types';
import { buildPageIndex, matchPage, type PageIndex } from '../../library/page-index';
import type { PageMatch } from '../../match/title-index';
import { collectScan, toCandidates, type Scan } from '../scan';
import { evalPages, type EvalPage } from './pages';

/** Real titles of papers outside the catalog, kept unmarked on every page (negatives). */
export const OTHER_TITLES = [
  'Deep Residual Learning for Image Recognition',
  'Adam: A Method for Stochastic Optimization',
  'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
  'Generative Adversarial Networks',
  'Denoising Diffusion Probabilistic Models',
  'Language Models are Few-Shot Learners',
  'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
  'U-Net: Convolutional Networks for Biomedical Image Segmentation',
  'Neural Machine Translation by Jointly Learning to Align and Translate',
  'Playing Atari with Deep Reinforcement Learning',
  'Proximal Policy Optimization Algorithms',
  'LoRA: Low-Rank Adaptation of Large Language Models',
  'Learning Transferable Visual Models From Natural Language Supervision',
  'High-Resolution Image Synthesis with Latent Diffusion Models',
  'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models',
  'Training language models to follow instructions with human feedback',
  'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
  'Mastering the game of Go with deep neural networks and tree search',
  'Sequence to Sequence Learning with Neural Networks',
  'Auto-Encoding Variational Bayes',
  'Semi-Supervised Classification with Graph Convolutional Networks',
  'Graph Attention Networks',
  'Distilling the Knowledge in a Neural Network',
  'YOLOv3: An Incremental Improvement',
  'Mask R-CNN',
  'Focal Loss for Dense Object Detection',
  'Layer Normalization',
  'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks',
  'Constitutional AI: Harmlessness from AI Feedback',
  'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
  'QLoRA: Efficient Finetuning of Quantized LLMs',
  'Segment Anything',
  'Emergent Abilities of Large Language Models',
  'Scaling Laws for Neural Language Models',
  'Training Compute-Optimal Large Language Models',
  'Masked Autoencoders Are Scalable Vision Learners',
  'A Simple Framework for Contrastive Learning of Visual Representations',
  'Momentum Contrast for Unsupervised Visual Representation Learning',
  'Neural Ordinary Differential Equations',
  'Contrastive pretraining for semantic segmentation is robust to noisy positive pairs',
  'Learning Knowledge Graph-based World Models of Textual Environments',
];

export interface SiteResult {
  site: string;
  planted: number;
  found: number;
  negatives: number;
  falseMarks: number;
  /** Planted titles missed, for reading what fails. */
  missed: string[];
  wrong: string[];
}

const SHARED = resolve('..', 'shared', 'fixtures', 'pages');
/** Real excerpts committed in the repository (each names its source); tests and the script run from the repo root. */
const EXCERPTS = resolve('lib', 'sites', 'fixtures');

export function savedPage(name: string): string | null {
  const path = resolve(SHARED, name);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export function excerpt(name: string): string {
  return readFileSync(resolve(EXCERPTS, name), 'utf8');
}

/** The node each match marks: the title element, or the text node where a running-text mention starts. */
function anchors(scan: Scan, matches: readonly PageMatch[]): { id: string; node: Node }[] {
  const out: { id: string; node: Node }[] = [];
  for (const m of matches) {
    const block = scan.blocks[m.candidate]!;
    if (block.kind !== 'text') {
      out.push({ id: m.id, node: block.element });
      continue;
    }
    let node: Node = block.element;
    for (const piece of block.pieces) if (piece.at <= m.start && piece.node) node = piece.node;
    out.push({ id: m.id, node });
  }
  return out;
}

function containerOf(node: Node): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest('[data-eval-expect], [data-eval-negative]') ?? null;
}

export function evalPage(index: PageIndex, page: EvalPage, titles: Map<string, string>): SiteResult {
  const { document } = parseHTML(page.html);
  const doc = document as unknown as Document;
  const scan = collectScan(doc, page.adapter, undefined, 'https://eval.invalid/');
  const matches = matchPage(index, toCandidates(scan));
  const marks = anchors(scan, matches);
  const expected = Array.from(doc.querySelectorAll('[data-eval-expect]'));
  const result: SiteResult = {
    site: page.name,
    planted: expected.length,
    found: 0,
    negatives: doc.querySelectorAll('[data-eval-negative]').length,
    falseMarks: 0,
    missed: [],
    wrong: [],
  };
  const hit = new Set<Element>();
  for (const mark of marks) {
    const box = containerOf(mark.node);
    if (box && box.getAttribute('data-eval-expect') === mark.id) {
      hit.add(box);
    } else if (!(mark.node.nodeType === 1 ? (mark.node as Element) : mark.node.parentElement)?.closest('[data-eval-catalog]')) {
      // Marks on real entries that are catalog papers are right; any other mark is false.
      result.falseMarks++;
      result.wrong.push(`${titles.get(mark.id)} in: ${(box ?? (mark.node as Element)).textContent?.trim().slice(0, 120)}`);
    }
  }
  for (const box of expected) {
    if (hit.has(box)) result.found++;
    else result.missed.push(box.textContent!.replace(/\s+/g, ' ').trim().slice(0, 160));
  }
  return result;
}

/** Runs every page and sums per site name. */
export function runRecognitionEval(papers: readonly Paper[]): SiteResult[] {
  const index = buildPageIndex(papers);
  const titles = new Map(papers.map((p) => [p.id, p.title]));
  const isCatalogTitle = (text: string) => matchPage(index, [{ kind: 'title', text }]).length > 0;
  const others = OTHER_TITLES.filter((t) => !isCatalogTitle(t));
  const bySite = new Map<string, SiteResult>();
  for (const page of evalPages({ papers, others, isCatalogTitle, saved: savedPage, excerpt })) {
    const r = evalPage(index, page, titles);
    const sum = bySite.get(r.site);
    if (!sum) {
      bySite.set(r.site, r);
      continue;
    }
    sum.planted += r.planted;
    sum.found += r.found;
    sum.negatives += r.negatives;
    sum.falseMarks += r.falseMarks;
    sum.missed.push(...r.missed);
    sum.wrong.push(...r.wrong);
  }
  return [...bySite.values()];
}
