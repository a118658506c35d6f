import { describe, expect, it } from 'vitest';
import { stripTitleAffixes } from './normalize';
import { buildTitleIndex, matchCandidates, type MatchCandidate } from './title-index';

const PAPERS = [
  { id: 'attn', title: 'Attention Is All You Need' },
  { id: 'svt', title: 'Scaling Vision Transformers' },
  { id: 'aniso', title: 'Transformer$^2$: Self-adaptive LLMs' },
  { id: 'kxk', title: 'Rethinking k x k Convolutions for Efficient Vision Models' },
  { id: 'naive', title: 'Naïve Bayes Meets Self-Attention: A Study' },
  { id: 'lora', title: 'LoRA: Low-Rank Adaptation of Large Language Models' },
  { id: 'lora2', title: 'LoRA: Low-Rank Adaptation of Large Vision Models' },
  { id: 'long', title: 'Learning Transferable Visual Models From Natural Language Supervision' },
];
const index = buildTitleIndex(PAPERS);

/** The id a title element showing `text` is recognized as, or null. */
const title = (text: string): string | null => matchCandidates(index, [{ kind: 'title', text }])[0]?.id ?? null;
/** The mentions found in a block of running text, as [id, mention text]. */
const mentions = (text: string): [string, string][] =>
  matchCandidates(index, [{ kind: 'text', text }]).map((m) => [m.id, text.slice(m.start, m.end)]);

describe('title elements: the title as the site shows it', () => {
  it.each([
    ['any case', 'ATTENTION IS ALL YOU NEED', 'attn'],
    ['collapsed whitespace and line breaks', '  Attention   Is\n      All You\tNeed ', 'attn'],
    ['curly quotes and dashes', 'LoRA: Low–Rank Adaptation of Large Language Models', 'lora'],
    ['diacritics either way', 'Naive Bayes Meets Self-Attention: A Study', 'naive'],
    ['TeX fragments', 'Transformer$^2$: Self-adaptive LLMs', 'aniso'],
    ['TeX for a symbol the catalog writes plainly', 'Rethinking $k \\times k$ Convolutions for Efficient Vision Models', 'kxk'],
    ['highlight text from <b> wrappers', 'Scaling Vision Transformers', 'svt'],
    ['arXiv "Title:" prefix with no space', 'Title:Attention Is All You Need', 'attn'],
    ['Scholar [PDF] prefixes, both variants in the DOM', '[PDF][PDF] Attention Is All You Need', 'attn'],
    ['[HTML] prefix', '[HTML] Scaling Vision Transformers', 'svt'],
    ['listing number and arXiv id around it', '[12]  Scaling Vision Transformers [arXiv:2106.04560] [pdf]', 'svt'],
    ['a trailing period', 'Attention Is All You Need.', 'attn'],
    ['an author suffix', 'Attention Is All You Need, Vaswani et al.', 'attn'],
    ['a year suffix', 'Attention Is All You Need (2017)', 'attn'],
    ['a dash and venue suffix', 'Scaling Vision Transformers - CVPR 2022', 'svt'],
  ])('%s', (_, shown, id) => {
    expect(title(shown)).toBe(id);
  });

  it('does not accept words glued on without a separator', () => {
    expect(title('Attention Is All You Need Everywhere Else')).toBeNull();
    expect(title('Scaling Vision Transformers Further')).toBeNull();
  });

  it('recognizes a title cut with "…" or "..." after six words when the prefix is unique', () => {
    expect(title('Learning Transferable Visual Models From Natural…')).toBe('long');
    expect(title('Learning Transferable Visual Models From Nat...')).toBe('long');
    expect(title('LoRA: Low-Rank Adaptation of Large Language …')).toBe('lora');
  });

  it('does not guess a cut title that is short or whose prefix is shared', () => {
    expect(title('Learning Transferable Visual Models…')).toBeNull();
    expect(title('LoRA: Low-Rank Adaptation of Large …')).toBeNull();
    expect(title('LoRA: Low-Rank Adaptation of Large V…')).toBe('lora2');
  });

  it('ignores containers longer than any title', () => {
    expect(title(`Attention Is All You Need ${'x '.repeat(2000)}`)).toBeNull();
  });
});

describe('running text', () => {
  it('does not take a short title in ordinary lowercase prose', () => {
    expect(mentions('In this paper we keep scaling vision transformers to billions of parameters.')).toEqual([]);
  });

  it('finds a short title in quotes, in title case, or written as the catalog writes it', () => {
    expect(mentions('We liked “scaling vision transformers,” a lot.')).toEqual([['svt', 'scaling vision transformers']]);
    expect(mentions('See Scaling Vision Transformers for the recipe.')).toEqual([['svt', 'Scaling Vision Transformers']]);
    expect(mentions('as in Attention Is All You Need and others')).toEqual([['attn', 'Attention Is All You Need']]);
  });

  it('finds a long title in any case, and several titles in one block with their offsets', () => {
    const text =
      'Both learning transferable visual models from natural language supervision and ' +
      '"Attention is all you need" changed the field.';
    expect(mentions(text)).toEqual([
      ['long', 'learning transferable visual models from natural language supervision'],
      ['attn', 'Attention is all you need'],
    ]);
  });

  it('prefers the longest title starting at a word', () => {
    expect(mentions('Read "LoRA: Low-Rank Adaptation of Large Language Models" first.')).toEqual([
      ['lora', 'LoRA: Low-Rank Adaptation of Large Language Models'],
    ]);
  });
});

describe('one batched scan', () => {
  it('answers every candidate of a mixed batch by its index, at any catalog size', () => {
    const big = buildTitleIndex([
      ...PAPERS,
      ...Array.from({ length: 20_000 }, (_, i) => ({ id: `s${i}`, title: `Synthetic Study Number ${i} of Things` })),
    ]);
    const batch: MatchCandidate[] = [
      { kind: 'title', text: 'Nothing Here' },
      { kind: 'title', text: 'Synthetic Study Number 12345 of Things' },
      { kind: 'text', text: 'We cite "Attention Is All You Need".' },
    ];
    expect(matchCandidates(big, batch).map((m) => [m.candidate, m.id])).toEqual([
      [1, 's12345'],
      [2, 'attn'],
    ]);
    expect(big.keys.ends.length).toBe(PAPERS.length + 20_000);
  });
});

describe('stripTitleAffixes', () => {
  it('takes off prefixes and the ellipsis, and says whether the last word may be cut', () => {
    expect(stripTitleAffixes('[PDF] Title: Foo bar…')).toEqual({ text: 'Foo bar', start: 13, truncated: true, cutMidWord: true });
    expect(stripTitleAffixes('Foo bar ...')).toEqual({ text: 'Foo bar', start: 0, truncated: true, cutMidWord: false });
    expect(stripTitleAffixes('Foo bar.')).toEqual({ text: 'Foo bar.', start: 0, truncated: false, cutMidWord: false });
  });
});

describe('raw TeX, citation tags and cut titles (issue 13)', () => {
  const more = buildTitleIndex([
    ...PAPERS,
    { id: 'munit', title: 'μnit Scaling: Simple and Scalable FP8 LLM Training' },
    { id: 'bt2', title: 'BT^2: Backward-compatible Training with Basis Transformation' },
    { id: 'mssa', title: 'Multi-Scale Self-Attention for Text Classification' },
    { id: 'itr', title: 'iTransformer: Inverted Transformers Are Effective for Time Series Forecasting' },
  ]);
  const at = (kind: MatchCandidate['kind'], text: string) =>
    matchCandidates(more, [{ kind, text }]).map((m) => [m.id, text.slice(m.start, m.end)]);

  it('recognizes titles shown as raw TeX', () => {
    expect(at('title', '$\\mu$nit Scaling: Simple and Scalable FP8 LLM Training')[0]![0]).toBe('munit');
    expect(at('title', 'BT$^2$: Backward-compatible Training with Basis Transformation')[0]![0]).toBe('bt2');
    expect(at('title', '\\textit{LoRA}: Low-Rank Adaptation of Large Language Models')[0]![0]).toBe('lora');
  });

  it('marks only the title of a citation-only Scholar heading, not its tags', () => {
    expect(at('title', '[CITATION][C] Attention Is All You Need')).toEqual([['attn', 'Attention Is All You Need']]);
    expect(at('title', '[BOOK][B] Scaling Vision Transformers')).toEqual([['svt', 'Scaling Vision Transformers']]);
  });

  it('accepts "?" ending a title before a listing suffix', () => {
    const q = buildTitleIndex([{ id: 'q', title: 'Can pruning make Large Language Models more efficient?' }]);
    expect(matchCandidates(q, [{ kind: 'title', text: '[27] Can pruning make Large Language Models more efficient? [arXiv:2301.07502] [pdf]' }])).toHaveLength(1);
  });

  it.each([
    ['a handle before it', '@_akhaliq iTransformer: Inverted Transformers Are Effective for… arxiv.org/abs/2310.06625'],
    ['"RT" and a handle', 'RT @arxiv_cs_lg: iTransformer: Inverted Transformers Are Effective for Time... https://arxiv.org/abs/2310.06625'],
    ['quote marks around it', 'Loved “iTransformer: Inverted Transformers Are Effective for Time…” https://t.co/abc'],
    ['a handle shown as a block of its own (X)', 'RT : iTransformer: Inverted Transformers Are Effective for… arxiv.org/abs/2310.06625'],
  ])('recognizes a title cut with an ellipsis in a post: %s', (_, text) => {
    const found = at('text', text);
    expect(found.map(([id]) => id)).toEqual(['itr']);
    expect(found[0]![1]).toMatch(/^iTransformer: Inverted Transformers Are Effective/);
  });

  it('keeps cut titles strict: no link after, too few words, or a prefix of two titles', () => {
    expect(at('text', '@_akhaliq iTransformer: Inverted Transformers Are Effective for… so good')).toEqual([]);
    expect(at('text', '@_akhaliq iTransformer: Inverted… arxiv.org/abs/2310.06625')).toEqual([]);
    expect(at('text', '"LoRA: Low-Rank Adaptation of Large…" https://arxiv.org/abs/2106.09685')).toEqual([]);
  });

  it('leaves a short hyphenated title in lowercase prose alone, but not when quoted or title-cased', () => {
    expect(at('text', 'honestly multi-scale self-attention for text classification is what everyone does')).toEqual([]);
    expect(at('text', 'we read "multi-scale self-attention for text classification" today')).toHaveLength(1);
    expect(at('text', 'we read Multi-Scale Self-Attention for Text Classification today')).toHaveLength(1);
  });
});
