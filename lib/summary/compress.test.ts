import { describe, expect, it } from 'vitest';
import { clausePrefixes, dropLeadIn, dropParentheticals, trimDangling, truncateAtClause } from './compress.ts';

describe('dropLeadIn', () => {
  it('removes "In this paper," framing', () => {
    expect(dropLeadIn('In this paper, we present ByteTransformer.')).toBe('We present ByteTransformer.');
    expect(dropLeadIn('In this work we study X.')).toBe('We study X.');
  });

  it('removes a context clause before "this paper"', () => {
    expect(dropLeadIn('To address these challenges, this paper introduces Stockformer.')).toBe('This paper introduces Stockformer.');
  });

  it('removes a context clause before "we"', () => {
    expect(dropLeadIn('Based on the Outlier Exposure technique, we propose a loss.')).toBe('We propose a loss.');
    expect(dropLeadIn('To address this issue, here we introduce Y.')).toBe('We introduce Y.');
  });

  it('removes linking connectives and capitalises the rest', () => {
    expect(dropLeadIn('However, deep nets overfit.')).toBe('Deep nets overfit.');
    expect(dropLeadIn('Specifically, we train a GAN.')).toBe('We train a GAN.');
  });

  it('leaves sentences without a lead-in alone', () => {
    expect(dropLeadIn('Transformers, which use attention, are popular.')).toBe('Transformers, which use attention, are popular.');
  });
});

describe('dropParentheticals', () => {
  it('removes citations and asides but keeps names listed in keep', () => {
    expect(dropParentheticals('We propose Max-Margin Adversarial (MMA) training (Smith et al., 2019) [3].', ['MMA'])).toBe(
      'We propose Max-Margin Adversarial (MMA) training.',
    );
    expect(dropParentheticals('Out-of-distribution (OOD) inputs (see Fig. 2), e.g. noise, fail.', [])).toBe(
      'Out-of-distribution inputs, e.g. noise, fail.',
    );
  });

  it('keeps a coined method name in parentheses', () => {
    expect(dropParentheticals('We propose the Coordinate transFormer (CoordFormer) for meshes.', [])).toBe(
      'We propose the Coordinate transFormer (CoordFormer) for meshes.',
    );
    expect(dropParentheticals('We propose Doubly Sparse Softmax (DS-Softmax).', [])).toBe('We propose Doubly Sparse Softmax (DS-Softmax).');
  });
});

describe('truncateAtClause', () => {
  const long =
    'We propose a padding-free algorithm that frees the transformer from redundant computation on padded tokens, which we implement as fused kernels for attention and for all other layers of the model on GPUs';

  it('returns short sentences unchanged apart from the final period', () => {
    expect(truncateAtClause('We propose X.', 30, 10)).toBe('We propose X');
  });

  it('cuts at the last clause boundary within the limit', () => {
    expect(truncateAtClause(long, 20, 10)).toBe(
      'We propose a padding-free algorithm that frees the transformer from redundant computation on padded tokens',
    );
  });

  it('cuts hard when no boundary fits, without ending on a function word', () => {
    const cut = truncateAtClause('one two three four five six seven of the eight', 9, 9);
    expect(cut).toBe('one two three four five six seven');
  });
});

describe('trimDangling', () => {
  it('drops words and marks that promise more', () => {
    expect(trimDangling('We study attention, including')).toBe('We study attention');
    expect(trimDangling('We use losses such as')).toBe('We use losses');
    expect(trimDangling('We train models for the')).toBe('We train models');
    expect(trimDangling('We train models (on')).toBe('We train models');
    expect(trimDangling('We train models')).toBe('We train models');
  });
});

describe('clausePrefixes', () => {
  it('lists clause-boundary prefixes within the word limits, shortest first', () => {
    expect(clausePrefixes('We propose X, a model that scales, which we train on books using GPUs.', 3, 30)).toEqual([
      'We propose X',
      'We propose X, a model that scales',
      'We propose X, a model that scales, which we train on books',
    ]);
    expect(clausePrefixes('We propose X, a model that scales, which we train on books.', 4, 7)).toEqual(['We propose X, a model that scales']);
  });
});
