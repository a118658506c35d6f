/**
 * Parser for the seed files: text dumps of Hugging Face "Daily Papers" search pages. After the
 * page chrome is removed, what is left must alternate title line, abstract paragraph; anything
 * else is reported with file and line instead of being dropped.
 */

/** One title + abstract pair as it stands in a seed file. */
export interface SeedEntry {
  title: string;
  abstract: string;
  file: string;
  /** 1-based line of the title in its file. */
  line: number;
}

/** A seed file that does not have the expected shape; the build stops on it. */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'SeedError';
  }
}

/** Whole lines that belong to the page around the results, not to a paper. */
const CHROME_LINES = new Set([
  'new',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
  'by AK and the research community',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
]);

/** Chrome words the text dump sometimes glued to the start of the next line ("SubscribeCoordinate…"). */
const GLUED_PREFIXES = ['Subscribe'];

const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(, \d{4})?$/;

/** Titles are one short line; abstracts are paragraphs. These bounds separate them on the seeds. */
const MAX_TITLE_CHARS = 300;
const MIN_ABSTRACT_WORDS = 25;

function isChrome(line: string): boolean {
  return CHROME_LINES.has(line) || DATE_LINE.test(line);
}

function stripGlue(line: string): string {
  for (const prefix of GLUED_PREFIXES) {
    if (line.startsWith(prefix) && line.length > prefix.length && /[A-Z0-9]/.test(line[prefix.length]!)) {
      return line.slice(prefix.length);
    }
  }
  return line;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function looksLikeTitle(line: string): boolean {
  return line.length <= MAX_TITLE_CHARS && wordCount(line) < MIN_ABSTRACT_WORDS;
}

/** Parses one seed file into its entries, in file order. Throws `SeedError` on anything odd. */
export function parseSeedFile(text: string, file: string): SeedEntry[] {
  if (text.includes('\u0000')) throw new SeedError(file, 1, 'binary content (NUL byte) in a seed file');
  const lines: { text: string; line: number }[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const trimmed = raw.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ');
    if (!trimmed || isChrome(trimmed)) return;
    const unglued = stripGlue(trimmed);
    if (!unglued || isChrome(unglued)) return;
    lines.push({ text: unglued, line: i + 1 });
  });

  const entries: SeedEntry[] = [];
  for (let k = 0; k < lines.length; k += 2) {
    const title = lines[k]!;
    const abstract = lines[k + 1];
    if (!looksLikeTitle(title.text)) {
      throw new SeedError(file, title.line, `expected a paper title, found a paragraph (${wordCount(title.text)} words): "${title.text.slice(0, 60)}…"`);
    }
    if (!abstract) {
      throw new SeedError(file, title.line, `title "${title.text}" has no abstract after it`);
    }
    if (looksLikeTitle(abstract.text)) {
      throw new SeedError(file, abstract.line, `expected the abstract of "${title.text}", found a short line: "${abstract.text.slice(0, 80)}"`);
    }
    entries.push({ title: title.text, abstract: abstract.text, file, line: title.line });
  }
  if (entries.length === 0) throw new SeedError(file, 1, 'no papers found in the seed file');
  return entries;
}
