import { describe, expect, it } from 'vitest';
import { normalizeTitle, tokenize } from './normalize';

describe('normalizeTitle', () => {
  const key = 'bytetransformer a high performance transformer boosted for variable length inputs';

  it.each([
    ['ByteTransformer: A High-Performance Transformer Boosted for Variable-Length Inputs'],
    ['BYTETRANSFORMER: a high‑performance transformer boosted for variable–length inputs.'],
    ['  ByteTransformer:\n   A High-Performance\tTransformer Boosted for Variable-Length Inputs  '],
    ['“ByteTransformer: A High—Performance Transformer Boosted for Variable-Length Inputs”'],
  ])('folds case, spacing, quotes, dashes and a trailing period: %s', (title) => {
    expect(normalizeTitle(title)).toBe(key);
  });

  it('removes diacritics, composed or decomposed', () => {
    expect(normalizeTitle('Réseaux de Neurones')).toBe('reseaux de neurones');
    expect(normalizeTitle('Re\u0301seaux de Neurones')).toBe('reseaux de neurones');
    expect(normalizeTitle('Mixture-of-Experts für Übersetzung')).toBe('mixture of experts fur ubersetzung');
  });

  it('reads TeX fragments as the plain text the catalog uses', () => {
    expect(normalizeTitle('Transformer$^2$: Self-adaptive LLMs')).toBe(normalizeTitle('Transformer²: Self-adaptive LLMs'));
    expect(normalizeTitle('Transformer^2')).toBe('transformer2');
    expect(normalizeTitle('Efficient $k \\times k$ Convolutions')).toBe('efficient k x k convolutions');
    expect(normalizeTitle('Efficient k × k Convolutions')).toBe('efficient k x k convolutions');
    expect(normalizeTitle('\\textit{HiFormer}: Hierarchical')).toBe('hiformer hierarchical');
    expect(normalizeTitle('$\\alpha$-Entmax Attention')).toBe(normalizeTitle('α-Entmax Attention'));
  });

  it('reads raw TeX titles as arXiv and Scholar show them before MathJax runs', () => {
    // Greek letters join the letters around them, as the catalog writes them.
    expect(normalizeTitle('$\\mu$nit Scaling: Simple and Scalable FP8 LLM Training')).toBe(
      normalizeTitle('μnit Scaling: Simple and Scalable FP8 LLM Training'),
    );
    expect(normalizeTitle('\\(\\mu\\)nit Scaling')).toBe('μnit scaling');
    expect(normalizeTitle('BT$^2$: Backward-compatible Training')).toBe(normalizeTitle('BT^2: Backward-compatible Training'));
    expect(normalizeTitle('BT$^{2}$')).toBe('bt2');
    // Styling inside a word keeps the word whole.
    expect(normalizeTitle('FiT$_{\\text{v2}}$: Scalable')).toBe(normalizeTitle('FiTv2: Scalable'));
    expect(normalizeTitle('\\textit{Auto}former and {\\em Informer}')).toBe('autoformer and informer');
    expect(normalizeTitle('\\texttt{kMaX-DeepLab}: k-means Mask Transformer')).toBe('kmax deeplab k means mask transformer');
    // Accents written as TeX commands.
    expect(normalizeTitle('Schr\\"{o}dinger Bridges and G\\\'{e}rard \\v{C}ech')).toBe(normalizeTitle('Schrödinger Bridges and Gérard Čech'));
    // Separators still separate.
    expect(normalizeTitle('$a \\cdot b$ and $k\\times k$')).toBe('a b and k x k');
  });

  it('keeps non-Latin letters and digits, drops symbols and emoji', () => {
    expect(normalizeTitle('μTransfer 🚀 for GPT-3')).toBe('μtransfer for gpt 3');
    expect(normalizeTitle('ﬁne-tuning')).toBe('fine tuning');
    expect(normalizeTitle('LLM.int8(): 8-bit Matrix Multiplication')).toBe('llm int8 8 bit matrix multiplication');
  });

  it('returns an empty key for text without letters or digits', () => {
    expect(normalizeTitle(' — “” … ')).toBe('');
    expect(normalizeTitle('')).toBe('');
  });
});

describe('tokenize', () => {
  it('reports source offsets so a mention can be wrapped in place', () => {
    const text = 'See “Vision Transformers” now';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['see', 'vision', 'transformers', 'now']);
    const [, vision, transformers] = tokens;
    expect(text.slice(vision!.start, transformers!.end)).toBe('Vision Transformers');
  });

  it('spans astral characters correctly', () => {
    const text = '𝐁𝐄𝐑𝐓 rocks';
    const [bert, rocks] = tokenize(text);
    expect(bert!.text).toBe('bert');
    expect(text.slice(bert!.start, bert!.end)).toBe('𝐁𝐄𝐑𝐓');
    expect(rocks!.text).toBe('rocks');
  });
});
