/**
 * Cleaning shared by every import format: exports carry rich-text markup (`<i>` in Zotero
 * titles and in what bibtex-parser makes of `\emph`), stray control characters and decomposed
 * Unicode. Everything an entry keeps goes through here, so the database sees one kind of text.
 */

/** The tags exporters and bibtex-parser put into text fields (not arbitrary `<…>`, which a title may hold). */
const MARKUP = /<\/?(?:i|b|em|strong|sup|sub|sc|code|span|a|br|p|li|ul|ol|blockquote|h[1-6]|nocase)(?:\s[^<>]*)?\/?>/gi;
/** Control characters other than tab and line ends, the replacement character, and bidi overrides. */
const INVISIBLE = /(?![\t\n\r])\p{Cc}|[\ufffd\u202a-\u202e\u2066-\u2069]/gu;

/** TeX writes í as `\'{\i}`: a dotless i under the accent, which NFC does not compose. */
const DOTLESS_I_ACCENTED = /ı(?=\p{M})/gu;

/** Printable ASCII without `<`: nothing for `normalize` to do (most titles and names). */
const PLAIN_ASCII = /^[\t\n\r\x20-\x3b\x3d-\x7e]*$/;

function normalize(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.replace(MARKUP, '').replace(INVISIBLE, '').replace(DOTLESS_I_ACCENTED, 'i').normalize('NFC');
}

/** One line of text: markup and control characters removed, NFC, whitespace collapsed. */
export function cleanLine(text: string): string {
  return normalize(text).replace(/\s+/g, ' ').trim();
}

/** Prose (an abstract): as `cleanLine`, but a blank line between paragraphs survives. */
export function cleanProse(text: string): string {
  return normalize(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n\n')
    .replace(/(?<!\n)\n(?!\n)/g, ' ')
    .trim();
}

/** A publication year in `text` (`2017`, `2017-06-12`, `1991/aug/`, `June 2017`), or undefined. */
export function yearIn(text: string | number | undefined): number | undefined {
  if (typeof text === 'number') return Number.isInteger(text) && text >= 1000 && text <= 2999 ? text : undefined;
  const match = text ? /(?<!\d)(1[5-9]\d\d|2[01]\d\d)(?!\d)/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Keywords from fields that each hold a list (`a, b; c`), or from a list of single keywords
 * (`split` null), cleaned, without case-only repeats.
 */
export function tagsFrom(values: readonly string[], split: RegExp | null = /[,;]/): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of values) {
    for (const part of split ? value.split(split) : [value]) {
      const tag = cleanLine(part);
      const key = tag.toLocaleLowerCase();
      if (!tag || seen.has(key)) continue;
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

/**
 * Text from the file made safe to show inside a message: no control or replacement
 * characters (a binary file must never leak bytes into the UI), cut to `max` characters.
 */
export function printable(text: string, max = 60): string {
  const clean = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
