import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_FEATURES } from './candidate-features.ts';
import { TOKEN_FEATURES } from './keep-model.ts';
import { checkModel, modelToJson } from './model.ts';

const shipped = new URL('./model.json', import.meta.url);

describe('the shipped model.json', () => {
  it('is at most 1 MB and matches the features this code computes', () => {
    expect(statSync(shipped).size).toBeLessThanOrEqual(1_000_000);
    const model = checkModel(JSON.parse(readFileSync(shipped, 'utf8')));
    expect(model.keep.features).toEqual([...TOKEN_FEATURES]);
    expect(model.rank.features).toEqual([...CANDIDATE_FEATURES]);
    expect(model.vocabulary.size).toBeGreaterThan(1000);
  });

  it('is written exactly as modelToJson writes it', () => {
    const text = readFileSync(shipped, 'utf8');
    expect(modelToJson(checkModel(JSON.parse(text)))).toBe(text);
  });
});

describe('checkModel', () => {
  const valid = JSON.parse(readFileSync(shipped, 'utf8')) as Record<string, { features: string[]; weights: number[] }>;

  it('refuses a model trained for other features, saying what to do', () => {
    const stale = { ...valid, rank: { features: valid.rank!.features.slice(1), weights: valid.rank!.weights.slice(1) } };
    expect(() => checkModel(stale)).toThrow(/rank\.features .*npm run train:tldr/);
  });

  it('refuses missing or non-finite weights and a malformed vocabulary', () => {
    expect(() => checkModel({ ...valid, keep: { features: valid.keep!.features, weights: [1] } })).toThrow(/keep\.weights/);
    expect(() => checkModel({ ...valid, vocabulary: { the: 'x' } })).toThrow(/vocabulary/);
    expect(() => checkModel(null)).toThrow(/JSON object/);
  });

  it('looks words up in a Map, so "constructor" is not a word it knows', () => {
    expect(checkModel(valid).vocabulary.get('constructor')).toBeUndefined();
  });
});
