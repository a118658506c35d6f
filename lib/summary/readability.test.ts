import { describe, expect, it } from 'vitest';
import { countReadabilityIssues, endsDangling, readabilityIssues } from './readability.ts';

const abstract = 'We fine-tune BERT and FlatFormer on GLUE. The Transformer baseline is slower.';

describe('readabilityIssues: leaning on text the TL;DR does not contain', () => {
  it.each([
    'This paper presents FlatFormer to close this latency gap.',
    'We analyze these models on GLUE.',
    'It improves accuracy on GLUE.',
    'They outperform the baseline.',
    'We also propose a new loss.',
    'However, the model is slow.',
    'To address this, we propose FlatFormer.',
    'To this end, we train BERT on GLUE.',
    'The Colossal-AI system addressed the above challenge.',
    'We show it is faster.',
    'We propose a method; it is fast.',
    'We tackle both problems at once.',
  ])('flags "%s"', (tldr) => {
    expect(readabilityIssues(tldr, abstract)).toContain('outsideReference');
  });

  it.each([
    'This paper presents FlatFormer, a fast point cloud transformer.',
    'In this work we study attention, and this attention is sparse.',
    'We propose models such as FlatFormer for point clouds.',
    'We fine-tune BERT on GLUE, and this fine-tuned BERT is strong.',
    'In this paper, we fine-tune BERT.',
    'We fine-tune both BERT and FlatFormer on GLUE.',
    'We address the problem of slow inference with sparse attention.',
  ])('accepts "%s"', (tldr) => {
    expect(readabilityIssues(tldr, abstract)).toEqual([]);
  });
});

describe('readabilityIssues: dangling ends', () => {
  it.each(['We study attention, including.', 'We fine-tune BERT and.', 'We propose losses such as.', 'We train (on GLUE.', 'We report, to the best of our knowledge.'])(
    'flags "%s"',
    (tldr) => {
      expect(readabilityIssues(tldr, abstract)).toContain('danglingEnd');
      expect(endsDangling(tldr)).toBe(true);
    },
  );

  it('accepts a finished sentence', () => {
    expect(endsDangling('We fine-tune BERT on GLUE (a benchmark).')).toBe(false);
  });
});

describe('readabilityIssues: lowercased names', () => {
  it('flags a multi-capital name lowercased in a join', () => {
    expect(readabilityIssues('We fine-tune models; bERT is best.', abstract)).toContain('lowercasedName');
    expect(readabilityIssues('We propose flatFormer for point clouds.', abstract)).toContain('lowercasedName');
  });

  it('flags a mid-sentence capitalised name lowered at the head of a joined clause', () => {
    expect(readabilityIssues('We fine-tune BERT on GLUE; transformer baselines are slower.', abstract)).toContain('lowercasedName');
  });

  it('accepts words as the abstract writes them, and lowered function words', () => {
    expect(readabilityIssues('We fine-tune BERT on GLUE; the Transformer baseline is slower.', abstract)).toEqual([]);
  });
});

describe('countReadabilityIssues', () => {
  it('counts each issue and the TL;DRs with any', () => {
    expect(
      countReadabilityIssues([
        { tldr: 'It improves GLUE and.', abstract },
        { tldr: 'We fine-tune BERT on GLUE.', abstract },
        { tldr: 'We fine-tune models; bERT is best.', abstract },
      ]),
    ).toEqual({ any: 2, outsideReference: 1, danglingEnd: 1, lowercasedName: 1 });
  });
});
