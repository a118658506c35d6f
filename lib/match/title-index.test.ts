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
    expect(big.size).toBe(PAPERS.length + 20_000);
  });
});

describe('stripTitleAffixes', () => {
  it('takes off prefixes and the ellipsis, and says whether the last word may be cut', () => {
    expect(stripTitleAffixes('[PDF] Title: Foo bar…')).toEqual({ text: 'Foo bar', truncated: true, cutMidWord: true });
    expect(stripTitleAffixes('Foo bar ...')).toEqual({ text: 'Foo bar', truncated: true, cutMidWord: false });
    expect(stripTitleAffixes('Foo bar.')).toEqual({ text: 'Foo bar.', truncated: false, cutMidWord: false });
  });
});
