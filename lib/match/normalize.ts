/**
 * The one title normalizer. Paper ids, the match index and the page scanner all go through
 * `tokenize`, so a title typed with curly quotes, TeX fragments, diacritics or odd spacing
 * lands on the same key as the catalog's plain-text title.
 */

/** A normalized word and where it sits in the original string (for wrapping a mention). */
export interface Token {
  /** Lowercase letters and digits only, diacritics removed. */
  text: string;
  /** Index of the token's first source character. */
  start: number;
  /** Index just past the token's last source character. */
  end: number;
}

/** TeX commands for symbols the catalog writes as a separate word ("$k \times k$" is "k x k"). */
const TEX_SYMBOLS: Record<string, string> = {
  times: 'x',
  infty: 'infinity',
};

/**
 * TeX Greek letters, read as the letter itself and joined to the letters around them, so
 * `$\mu$nit` is the catalog's "μnit" and `$\alpha$-Entmax` its "α-Entmax". (Folding the Greek
 * letters to Latin names instead would change the id of every catalog title written with them.)
 */
const TEX_GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'γ', Delta: 'δ', Theta: 'θ', Lambda: 'λ', Xi: 'ξ', Pi: 'π', Sigma: 'σ', Phi: 'φ', Psi: 'ψ', Omega: 'ω',
};

/** TeX letters written as commands (`\ss`, `\o`, `\i` inside `\'{\i}`). */
const TEX_LETTERS: Record<string, string> = { ss: 'ss', o: 'o', O: 'o', ae: 'ae', AE: 'ae', oe: 'oe', OE: 'oe', aa: 'a', AA: 'a', l: 'l', L: 'l', i: 'i', j: 'j' };

/**
 * TeX commands that only style their argument; the argument's words are kept and joined to the
 * letters around them (`FiT$_\text{v2}$` is "FiTv2"), with the letter-accent commands
 * (`\v{c}`, `\H{o}`) that only decorate the next letter.
 */
export const TEX_STYLING = new Set([
  'textit', 'textbf', 'texttt', 'textrm', 'textsc', 'textsf', 'textup', 'textnormal', 'emph', 'em', 'it',
  'bf', 'rm', 'sc', 'tt', 'mathrm', 'mathbf', 'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathtt', 'mathfrak',
  'boldsymbol', 'bm', 'text', 'operatorname', 'mbox', 'hbox', 'textsuperscript', 'textsubscript',
  'cdot', 'cdots', 'ldots', 'dots', 'left', 'right', 'quad', 'qquad', 'rightarrow', 'to', 'leftarrow',
]);
/** Of {@link TEX_STYLING}, the ones that stand between words rather than around them. */
const TEX_SEPARATORS = new Set(['cdot', 'cdots', 'ldots', 'dots', 'left', 'right', 'quad', 'qquad', 'rightarrow', 'to', 'leftarrow']);
/** Accents written with a letter command: `\v{c}`, `\u{a}`, `\H{o}`, `\c{c}`, `\k{a}`, `\r{a}`. */
const TEX_LETTER_ACCENTS = new Set(['v', 'u', 'H', 'c', 'k', 'r', 'd', 'b', 't']);
/** Accents and spacing written with a symbol: `\"o`, `\'e`, `\^o`, `\~n`, `\=a`, `\.z`, and the math delimiters `\(` `\)`. */
const TEX_GLUE_ESCAPES = new Set(['"', "'", '`', '^', '~', '=', '.', '(', ')', '!']);

/** Characters that TeX uses for markup; skipping them keeps `Transformer$^2$` one word. */
const TEX_GLUE = new Set(['$', '^', '_', '{', '}']);

/** Symbols that read as a letter in titles ("k × k" is "k x k"). */
const SYMBOL_LETTERS: Record<string, string> = { '×': 'x', '✕': 'x', 'ß': 'ss', 'æ': 'ae', 'ø': 'o', 'œ': 'oe', 'ł': 'l', 'đ': 'd' };

const ASCII_WORD = /[a-z0-9]/;
const COMBINING_MARK = /\p{M}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Folds one non-ASCII character to lowercase letters/digits ("" when it is punctuation). */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  const symbol = SYMBOL_LETTERS[lower];
  if (symbol !== undefined) return symbol;
  let out = '';
  for (const part of lower.normalize('NFKD')) {
    if (COMBINING_MARK.test(part)) continue;
    const p = part.toLowerCase();
    if (p.length === 1 && p.charCodeAt(0) < 128) {
      if (ASCII_WORD.test(p)) out += p;
    } else if (LETTER_OR_DIGIT.test(p)) {
      out += p;
    }
  }
  return out;
}

/** Text with no non-ASCII character and no TeX markup: its words are just its ASCII letter/digit runs. */
const PLAIN_ASCII = /^[^\u0080-\uffff\\$^_{}]*$/;
const ASCII_RUN = /[A-Za-z0-9]+/g;

/** Splits text into normalized word tokens with their source offsets. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // Fast path for the common case (most titles and page text), same result as the loop below.
  if (PLAIN_ASCII.test(input)) {
    ASCII_RUN.lastIndex = 0;
    for (let m = ASCII_RUN.exec(input); m; m = ASCII_RUN.exec(input)) {
      tokens.push({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
    }
    return tokens;
  }
  let word = '';
  let start = -1;
  let end = -1;
  const flush = () => {
    if (word) tokens.push({ text: word, start, end });
    word = '';
    start = -1;
  };
  const add = (piece: string, from: number, to: number) => {
    if (!piece) return;
    if (!word) start = from;
    word += piece;
    end = to;
  };
  const n = input.length;
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      const ch = input[i]!;
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        add(ch, i, i + 1);
      } else if (code >= 65 && code <= 90) {
        add(String.fromCharCode(code + 32), i, i + 1);
      } else if (ch === '\\') {
        let j = i + 1;
        while (j < n && /[A-Za-z]/.test(input[j]!)) j++;
        const command = input.slice(i + 1, j);
        if (!command) {
          // `\"o`, `\(`: skip the escaped character and keep the word going; `\,` `\&` end it.
          if (i + 1 < n && TEX_GLUE_ESCAPES.has(input[i + 1]!)) i++;
          continue;
        }
        const symbol = TEX_SYMBOLS[command];
        const letter = TEX_GREEK[command] ?? TEX_LETTERS[command];
        if (symbol !== undefined) {
          flush();
          add(symbol, i, j);
          flush();
        } else if (letter !== undefined) {
          add(letter, i, j);
        } else if (TEX_SEPARATORS.has(command)) {
          flush();
        } else if (!TEX_STYLING.has(command) && !TEX_LETTER_ACCENTS.has(command)) {
          flush();
          add(command.toLowerCase(), i, j);
          flush();
        }
        i = j - 1;
      } else if (!TEX_GLUE.has(ch)) {
        flush();
      }
      continue;
    }
    // Astral characters (emoji, math alphanumerics) span two UTF-16 units.
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(String.fromCodePoint(cp));
    if (folded) add(folded, i, i + width);
    else if (!COMBINING_MARK.test(input[i]!)) flush();
    i += width - 1;
  }
  flush();
  return tokens;
}

/** The normalized key of a title: its tokens joined by single spaces. */
export function normalizeTitle(title: string): string {
  return tokenize(title)
    .map((t) => t.text)
    .join(' ');
}

/** Site decorations in front of a title: `Title:` (arXiv), `[PDF]`, `[HTML]` (Scholar) and similar tags. */
const TITLE_PREFIX = /^\s*(?:(?:\[[^\]\n]{1,24}\]|title\s*:)\s*)+/i;
/** A title cut short by the site: "…" or "...", possibly mid-word. */
const TITLE_ELLIPSIS = /(\s*)(?:…|\.{3})\s*$/;

/** A title as a site shows it, with its decorations taken off. */
export interface TitleText {
  /** The text without prefix tags or a trailing ellipsis. */
  text: string;
  /** Where `text` starts in the shown string (the prefix's length). */
  start: number;
  /** Ended in "…" / "...": the text is only the start of the title. */
  truncated: boolean;
  /** The ellipsis touched the last word, which may itself be cut ("Learn…"). */
  cutMidWord: boolean;
}

/** Strips site prefixes (`Title:`, `[PDF]`) and a trailing ellipsis from a displayed title. */
export function stripTitleAffixes(shown: string): TitleText {
  const text = shown.replace(TITLE_PREFIX, '');
  const start = shown.length - text.length;
  const cut = TITLE_ELLIPSIS.exec(text);
  if (!cut) return { text, start, truncated: false, cutMidWord: false };
  return { text: text.slice(0, cut.index), start, truncated: true, cutMidWord: cut[1] === '' };
}
