import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text.ts';

describe('plainText', () => {
  it('leaves text without TeX untouched', () => {
    const text = 'We reach 85.9% accuracy with a 2x speed-up (see Fig. 2).';
    expect(plainText(text)).toBe(text);
  });

  it('unwraps styling and drops citations', () => {
    expect(plainText('we propose a \\textit{weak supervision} framework \\citep{Ratner2016}, which')).toBe(
      'we propose a weak supervision framework, which',
    );
    expect(plainText('\\emph{\\textbf{nested}} styles')).toBe('nested styles');
  });

  it('reads escapes, math and symbols', () => {
    expect(plainText('up to +2.66\\% and 53.3\\% on AIME24')).toBe('up to +2.66% and 53.3% on AIME24');
    expect(plainText('a 5$\\times$ speed-up with $\\epsilon$-greedy and $\\ell_{1}$ loss')).toBe(
      'a 5× speed-up with ε-greedy and ℓ_1 loss',
    );
    expect(plainText('costs \\$5 and R\\&D')).toBe('costs $5 and R&D');
  });

  it('repairs numbers whose times sign lost its markup', () => {
    expect(plainText('achieves up to 2.17times throughput and 5times higher')).toBe(
      'achieves up to 2.17× throughput and 5× higher',
    );
    expect(plainText('many times faster')).toBe('many times faster');
  });
});
