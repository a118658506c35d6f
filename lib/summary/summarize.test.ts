import { describe, expect, it } from 'vitest';
import { keyResult, summarize } from './index.ts';

const byteTransformer =
  'Transformers have become keystone models in natural language processing over the past decade. ' +
  'Existing deep learning frameworks pad variable-length sequences to a maximal length, which adds significant memory and computational overhead. ' +
  'In this paper, we present ByteTransformer, a high-performance transformer boosted for variable-length inputs. ' +
  'We propose a padding-free algorithm that liberates the entire transformer from redundant computations on zero padded tokens. ' +
  'Experimental results on an NVIDIA A100 GPU with variable-length sequence inputs validate that our fused MHA outperforms PyTorch by 6.13x.';

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

describe('summarize', () => {
  it('keeps the method name and stays within 30 words', () => {
    const tldr = summarize({ title: 'ByteTransformer: A High-Performance Transformer', abstract: byteTransformer });
    expect(tldr).toContain('ByteTransformer');
    expect(words(tldr)).toBeLessThanOrEqual(30);
  });

  it('states the contribution without its lead-in and appends the key result', () => {
    expect(summarize({ title: 'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs', abstract: byteTransformer })).toBe(
      'We present ByteTransformer, a high-performance transformer boosted for variable-length inputs; our fused MHA outperforms PyTorch by 6.13x.',
    );
  });

  it('prefers the contribution sentence over background', () => {
    const abstract =
      'Graph neural networks have recently become popular. However, they suffer from oversmoothing. ' +
      'To address this, we propose GraphNorm, a normalization layer that prevents oversmoothing in deep graph networks. ' +
      'We evaluate it on several benchmarks.';
    expect(summarize({ title: 'GraphNorm: Normalizing Graph Neural Networks', abstract })).toBe(
      'We propose GraphNorm, a normalization layer that prevents oversmoothing in deep graph networks.',
    );
  });

  it('returns a capitalised sentence ending with a period', () => {
    const tldr = summarize({ title: '', abstract: byteTransformer });
    expect(tldr).toMatch(/^[A-Z].*\.$/);
  });

  it('is deterministic', () => {
    const input = { title: 'ByteTransformer', abstract: byteTransformer };
    expect(summarize(input)).toBe(summarize(input));
  });

  it('is never empty for a non-empty abstract', () => {
    for (const abstract of ['x', 'we', '3.5%', 'A single sentence without terminator', '!!!']) {
      expect(summarize({ title: '', abstract }).length).toBeGreaterThan(1);
    }
  });

  it('truncates a very long sentence to 30 words', () => {
    const abstract = 'We propose ' + Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ') + '.';
    const tldr = summarize({ title: '', abstract });
    expect(words(tldr)).toBeLessThanOrEqual(30);
    expect(tldr.endsWith('.')).toBe(true);
  });
});

describe('keyResult', () => {
  it('finds the quantitative claim', () => {
    const abstract =
      'In this paper, we present ByteTransformer, a high-performance transformer boosted for variable-length inputs. ' +
      'Experimental results on an NVIDIA A100 GPU with variable-length sequence inputs validate that our fused MHA outperforms PyTorch by 6.13x.';
    expect(keyResult(abstract)).toBe('our fused MHA outperforms PyTorch by 6.13x');
  });

  it('returns null when no sentence carries a number-bearing claim', () => {
    expect(keyResult('We present a new method for parsing. It is simple and effective.')).toBeNull();
    expect(keyResult('We evaluate on 3 datasets from 2019.')).toBeNull();
  });

  it('accepts percentage and relative improvements', () => {
    expect(keyResult('Our model improves accuracy by 3.5% over BERT.')).toBe('Our model improves accuracy by 3.5% over BERT');
  });
});
