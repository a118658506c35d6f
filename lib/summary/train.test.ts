import { describe, expect, it } from 'vitest';
import { checkModel, modelToJson } from './model.ts';
import { summarize } from './summarize.ts';
import { trainModel, type TrainingPaper } from './train.ts';

const METHODS = ['GraphNorm', 'FlashMix', 'TinyAttn', 'SparseRouter', 'LoopNet', 'WaveFormer', 'PatchMixer', 'DepthGate'];
const TASKS = ['graph classification', 'machine translation', 'image segmentation', 'speech recognition', 'time series forecasting', 'code generation'];

/**
 * Synthetic papers in the shape of SciTLDR: background, the contribution sentence, an
 * experiment sentence, a code link; the human TL;DR restates the contribution.
 */
function synthetic(count: number, offset = 0): TrainingPaper[] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const method = `${METHODS[i % METHODS.length]}${i}`;
    const task = TASKS[i % TASKS.length]!;
    return {
      title: `${method}: Efficient Models for ${task}`,
      abstract:
        `Deep networks for ${task} have recently become popular in many applications. ` +
        `However, existing approaches remain slow and memory hungry at scale. ` +
        `In this paper, we propose ${method}, an efficient model for ${task} that shares weights across layers. ` +
        `Experiments on ${3 + (i % 4)} benchmarks show gains of ${i % 9}.${i % 7}% over strong baselines. ` +
        `Code is available online.`,
      targets: [`We propose ${method}, an efficient ${task} model that shares weights across layers.`],
    };
  });
}

const SETTINGS = { folds: 2, minCount: 2, smoothing: 5, keepL2: 1e-3, keepSteps: 8, temperature: 0.02, rankL2: 0.01, rankSteps: 8 };

describe('trainModel', () => {
  const papers = synthetic(24);
  const model = trainModel(papers, SETTINGS);

  it('is deterministic: the same papers give the same bytes', () => {
    expect(modelToJson(trainModel(papers, SETTINGS))).toBe(modelToJson(model));
  });

  it('writes a model the summarizer accepts, words in sorted order', () => {
    const json = modelToJson(model);
    const parsed = checkModel(JSON.parse(json));
    expect(parsed.keep.weights).toEqual(model.keep.weights);
    const words = Object.keys((JSON.parse(json) as { vocabulary: Record<string, number> }).vocabulary);
    expect(words).toEqual([...words].sort());
    expect(words.length).toBeGreaterThan(10);
  });

  it('learns that TL;DRs keep title words and pick the contribution sentence', () => {
    expect(model.keep.weights[model.keep.features.indexOf('inTitle')]!).toBeGreaterThan(0);
    for (const paper of synthetic(4, 100)) {
      expect(summarize(paper, model)).toMatch(/^We propose \w+\d+, an efficient model/);
    }
  });
});
