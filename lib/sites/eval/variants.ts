/**
 * How sites show a catalog title besides plain text: raw TeX (arXiv listings, search results and
 * Scholar before MathJax runs, or when it never does) and cut short with an ellipsis in social
 * posts. Deterministic, so every eval run plants the same text.
 */

/** TeX wrappers around one word, as authors write them in arXiv metadata. */
const TEX_WRAPS: ((word: string) => string)[] = [
  (w) => `\\textit{${w}}`,
  (w) => `$\\mathrm{${w}}$`,
  (w) => `{\\em ${w}}`,
  (w) => `\\emph{${w}}`,
  (w) => `$\\text{${w}}$`,
  (w) => `\\textbf{${w}}`,
  (w) => `\\(\\mathbf{${w}}\\)`,
  (w) => `\\texttt{${w}}`,
];

/** Greek letters as TeX commands (`μ` → `$\mu$`). */
const GREEK_TEX: Record<string, string> = { μ: '\\mu', α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', λ: '\\lambda', π: '\\pi', σ: '\\sigma', θ: '\\theta', ε: '\\epsilon' };

/** The title as raw TeX: Greek letters and `^2` in math mode, else one word styled by a command. */
export function texTitle(title: string, n: number): string {
  let out = title.replace(/[μαβγδλπσθε]/g, (g) => `$${GREEK_TEX[g]}$`);
  out = out.replace(/\^(\d)/g, (_, d: string) => `$^${d}$`).replace(/(\w)²/g, '$1$^2$');
  // A version suffix typeset as a subscript: "FiTv2" is `FiT$_{\text{v2}}$`.
  out = out.replace(/\b([A-Z][A-Za-z]+?)([vV]\d)(:?)(?=\s)/, (_, base: string, version: string, colon: string) => `${base}$_{\\text{${version}}}$${colon}`);
  if (out !== title) return out;
  // A model name before the colon is the usual styled word; else the first long word.
  const words = title.split(' ');
  let k = words.findIndex((w) => /^[A-Za-z][\w-]*:$/.test(w));
  if (k < 0) k = words.findIndex((w) => /^[A-Za-z]{5,}$/.test(w));
  if (k < 0) return `{${title}}`;
  const word = words[k]!;
  const colon = word.endsWith(':') ? ':' : '';
  words[k] = TEX_WRAPS[n % TEX_WRAPS.length]!(word.slice(0, word.length - colon.length)) + colon;
  return words.join(' ');
}

/** The start of the title, cut after `words` words with "…" or "..." (sometimes mid-word). */
export function truncatedTitle(title: string, words: number, n: number): string {
  const parts = title.split(' ');
  const kept = parts.slice(0, Math.min(words, parts.length - 1));
  const ellipsis = n % 2 === 0 ? '…' : '...';
  if (n % 3 === 2) {
    // Cut inside the next word ("Learn…").
    const next = parts[kept.length]!;
    if (next.length > 3) return `${kept.join(' ')} ${next.slice(0, 2)}${ellipsis}`;
  }
  return `${kept.join(' ')}${ellipsis}`;
}

/** Whether a title has a part sites typeset in math (a Greek letter, `^2`, a version suffix). */
export function hasMath(title: string): boolean {
  return /[μαβγδλπσθε²]|\^\d|\b[A-Z][A-Za-z]+?[vV]\d:?\s/.test(title);
}
