import { describe, expect, it } from 'vitest';
import { keyResult, keyResultRepeats, readabilityIssues, summarize } from './index.ts';
import { weightFreeSummary } from './summarize.ts';

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

  it('states the contribution without its lead-in', () => {
    expect(summarize({ title: 'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs', abstract: byteTransformer })).toBe(
      'We present ByteTransformer, a high-performance transformer boosted for variable-length inputs.',
    );
  });

  it('never picks a sentence that leans on the one before it', () => {
    const abstract =
      '3D point cloud transformers are accurate but slow. ' +
      'This paper presents FlatFormer to close this latency gap by trading spatial proximity for better computational regularity. ' +
      'FlatFormer runs 4.6x faster than SST on Waymo Open Dataset.';
    const input = { title: 'FlatFormer: Flattened Window Attention for Efficient Point Cloud Transformer', abstract };
    // The weight-free rule of issue 6 picks the sentence that points at "this latency gap".
    expect(readabilityIssues(weightFreeSummary(input), abstract)).toEqual(['outsideReference']);
    const tldr = summarize(input);
    expect(readabilityIssues(tldr, abstract)).toEqual([]);
    expect(tldr).not.toContain('this latency gap');
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

describe('weightFreeSummary (issue 6, the baseline)', () => {
  it('states the contribution and appends the key result', () => {
    expect(weightFreeSummary({ title: 'ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs', abstract: byteTransformer })).toBe(
      'We present ByteTransformer, a high-performance transformer boosted for variable-length inputs; our fused MHA outperforms PyTorch by 6.13x.',
    );
  });
});

describe('keyResultRepeats', () => {
  it('is true when the TL;DR holds the numbers and most words of the key result', () => {
    expect(keyResultRepeats('our fused MHA outperforms PyTorch by 6.13x', 'We present ByteTransformer; our fused MHA outperforms PyTorch by 6.13x.')).toBe(true);
    expect(keyResultRepeats('EquiformerV2 outperforms previous methods on OC20 by up to 12%', 'We propose EquiformerV2, which outperforms previous methods on OC20 by up to 12% on forces.')).toBe(true);
  });

  it('is false when the key result has a new number or mostly new words', () => {
    expect(keyResultRepeats('Primer reduces the training cost by 4X', 'We identify Primer, an architecture with a smaller training cost.')).toBe(false);
    expect(keyResultRepeats('our fused MHA outperforms PyTorch by 6.13x', 'We present ByteTransformer, a transformer for variable-length inputs.')).toBe(false);
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

  it('ignores claims about other work and resolutions that are not results', () => {
    const abstract =
      'However, their latency lags behind sparse convolution-based models (3x slower). ' +
      'We train on 1024x1024 images. Our model runs 2.5x faster than the baseline.';
    expect(keyResult(abstract)).toBe('Our model runs 2.5x faster than the baseline');
    expect(keyResult('We render 1024x1024 images with a new sampler.')).toBeNull();
  });

  it('gives a clause that lost its subject the method name from the title', () => {
    expect(keyResult('We propose EquiformerV2. It improves accuracy by 12% on OC20.', 'EquiformerV2: Improved Equivariant Transformer')).toBe(
      'EquiformerV2 improves accuracy by 12% on OC20',
    );
    expect(keyResult('Our results are good, outperforming prior methods by 4.2% on COCO.', 'FlexiBERT: Are Transformers Rigid?')).toBe(
      'Our results are good, outperforming prior methods by 4.2% on COCO',
    );
    expect(keyResult('The model is simple; outperforms prior methods by 4.2% on COCO.', 'FlexiBERT: Are Transformers Rigid?')).toBe(
      'FlexiBERT outperforms prior methods by 4.2% on COCO',
    );
    expect(keyResult('The model is simple; outperforms prior methods by 4.2% on COCO.', 'NEURAL EXECUTION ENGINES')).toBe(
      'It outperforms prior methods by 4.2% on COCO',
    );
  });

  it('drops list markers, TeX and unclosed brackets', () => {
    expect(keyResult('(ii) Prompt-based training achieves boosts of up to 40\\% in a relaxed setting.')).toBe(
      'Prompt-based training achieves boosts of up to 40% in a relaxed setting',
    );
    expect(keyResult('Our model achieves 75.86% and 81.72% on low and high resolutions (i.e. 64 and 224 pixels).')).toBe(
      'Our model achieves 75.86% and 81.72% on low and high resolutions (i.e. 64 and 224 pixels)',
    );
    expect(keyResult('Our model achieves 75.86% top-1 accuracy (measured at 224 pixels.')).toBe(
      'Our model achieves 75.86% top-1 accuracy',
    );
  });
});
