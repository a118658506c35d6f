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

/** TeX commands that stand for a symbol the catalog writes as plain text. */
const TEX_SYMBOLS: Record<string, string> = {
  times: 'x',
  alpha: 'alpha',
  beta: 'beta',
  gamma: 'gamma',
  delta: 'delta',
  epsilon: 'epsilon',
  lambda: 'lambda',
  mu: 'mu',
  pi: 'pi',
  sigma: 'sigma',
  tau: 'tau',
  theta: 'theta',
  phi: 'phi',
  psi: 'psi',
  omega: 'omega',
  infty: 'infinity',
};

/** TeX commands that only style their argument; the argument's words are kept. */
export const TEX_STYLING = new Set([
  'textit', 'textbf', 'texttt', 'textrm', 'textsc', 'emph', 'em', 'it', 'bf', 'mathrm',
  'mathbf', 'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathtt', 'boldsymbol', 'text',
  'operatorname', 'cdot', 'cdots', 'ldots', 'dots', 'left', 'right', 'quad', 'rightarrow',
  'to', 'leftarrow', 'mbox',
]);

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
        if (!command) continue;
        const symbol = TEX_SYMBOLS[command];
        if (symbol !== undefined) {
          flush();
          add(symbol, i, j);
          flush();
        } else if (!TEX_STYLING.has(command)) {
          flush();
          add(command.toLowerCase(), i, j);
          flush();
        } else {
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
  /** Ended in "…" / "...": the text is only the start of the title. */
  truncated: boolean;
  /** The ellipsis touched the last word, which may itself be cut ("Learn…"). */
  cutMidWord: boolean;
}

/** Strips site prefixes (`Title:`, `[PDF]`) and a trailing ellipsis from a displayed title. */
export function stripTitleAffixes(shown: string): TitleText {
  const text = shown.replace(TITLE_PREFIX, '');
  const cut = TITLE_ELLIPSIS.exec(text);
  if (!cut) return { text, truncated: false, cutMidWord: false };
  return { text: text.slice(0, cut.index), truncated: true, cutMidWord: cut[1] === '' };
}
