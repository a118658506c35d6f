import { TEX_STYLING } from '../match/normalize.ts';

/** TeX symbol commands and the character a reader expects in their place. */
const TEX_CHARACTERS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η', kappa: 'κ',
  lambda: 'λ', mu: 'μ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', theta: 'θ', phi: 'φ', psi: 'ψ', omega: 'ω',
  ell: 'ℓ', infty: '∞', times: '×', sim: '~', approx: '≈', leq: '≤', le: '≤', geq: '≥', ge: '≥', pm: '±',
  cdot: '·', to: '→', rightarrow: '→', leftarrow: '←', ldots: '…', dots: '…', cdots: '⋯', log: 'log',
};

/** Stands in for an escaped dollar ("\\$5") while dollars delimit math; a private-use character no abstract has. */
const DOLLAR = '\uE000';

/** Commands whose argument is a reference, not prose: `\citep{Ratner2016}` disappears whole. */
const REFERENCE = /\s*\\(?:cite[a-z]*|ref|eqref|autoref|cref|label|footnote)\*?(?:\[[^\]]*\])*\{[^{}]*\}/g;

/** A styling command with its argument, innermost first: `\textit{weak supervision}`. */
const STYLED = /\\([A-Za-z]+)\{([^{}]*)\}/g;

/**
 * Turns the TeX fragments abstracts carry into plain text for display and summarizing:
 * `\textit{x}` → x, `\%` → %, `$\times$` → ×, `$\alpha$` → α, citations dropped. Also
 * repairs what dumps that lost the markup left behind: "5times" → "5×", "leq 2%" → "≤ 2%".
 * Text without TeX is returned unchanged.
 */
export function plainText(text: string): string {
  if (!/[\\$]|\dtimes\b|\b[lg]eq\s+\d/.test(text)) return text;
  let out = text.replace(REFERENCE, '');
  let previous: string;
  do {
    previous = out;
    out = out.replace(STYLED, (whole, command: string, argument: string) =>
      TEX_STYLING.has(command) ? argument : whole,
    );
  } while (out !== previous);
  out = out
    // Escaped characters stand for themselves; a placeholder keeps "\$" out of the math pass below.
    .replace(/\\([%&_#])/g, '$1')
    .replace(/\\\$/g, DOLLAR)
    .replace(/\$([^$]*)\$/g, (_, math: string) => math.replace(/[{}]/g, ''))
    .replace(/\\([A-Za-z]+)/g, (whole, command: string) => {
      const character = TEX_CHARACTERS[command];
      if (character !== undefined) return character;
      return TEX_STYLING.has(command) ? '' : command;
    })
    .replace(/(\d)\s?times\b/g, '$1×')
    .replace(/\b(leq|geq)\s+(?=\d)/g, (_, op: string) => (op === 'leq' ? '≤ ' : '≥ '))
    .replaceAll(DOLLAR, '$');
  return out.replace(/[ \t]{2,}/g, ' ');
}
