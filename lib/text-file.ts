/**
 * What is wrong with a file that should hold text (a notes export, a library export), found
 * without quoting the file: a binary file's bytes or a JSON engine's message (which quotes the
 * text around the error) would show the user garbage. Callers word the advice for their file.
 */

/** Control characters that never occur in a text export, and the replacement character a decoder leaves for bytes that are not UTF-8. */
const BINARY = /(?![\t\n\r\f\v])\p{Cc}|\ufffd/gu;
/** How much of the start of a file is looked at. */
const SAMPLE = 64 * 1024;

/** The 1-based line of a character offset. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A file that is not plain text: a PDF, binary data (with the line of its first odd byte), a web page or XML. */
export type NotPlainText = { kind: 'pdf' } | { kind: 'binary'; line: number } | { kind: 'html' } | { kind: 'xml' };

/** Why `text` (a file decoded as UTF-8) is not a plain-text export, or null when it is one. */
export function notPlainText(text: string): NotPlainText | null {
  if (text.startsWith('%PDF-')) return { kind: 'pdf' };
  const sample = text.slice(0, SAMPLE);
  const odd = sample.match(BINARY)?.length ?? 0;
  if (sample.includes('\u0000') || odd > sample.length / 100) {
    BINARY.lastIndex = 0;
    return { kind: 'binary', line: lineAt(text, BINARY.exec(sample)?.index ?? 0) };
  }
  if (/^\s*<(?:!doctype\s+html|html|head|body)\b/i.test(text)) return { kind: 'html' };
  if (/^\s*<\?xml/i.test(text)) return { kind: 'xml' };
  return null;
}

/** A JSON syntax error as words can say it: the text ends too early, or something is wrong at a line. */
export type JsonProblem = { kind: 'cut-short'; line: number } | { kind: 'syntax'; line?: number };

/** Reads the error `JSON.parse(text)` threw; the engine's message itself is never shown. */
export function jsonProblem(text: string, error: unknown): JsonProblem {
  const message = error instanceof Error ? error.message : '';
  if (/end of (?:JSON )?input|Unterminated/i.test(message)) return { kind: 'cut-short', line: lineAt(text, text.length) };
  const position = /position (\d+)/.exec(message);
  return position ? { kind: 'syntax', line: lineAt(text, Number(position[1])) } : { kind: 'syntax' };
}
