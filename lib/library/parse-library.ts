/**
 * Reads a library file of any supported format into entries, problems and a format name. Made
 * to run in a Web Worker on files of 100,000 entries: it needs no DOM, reports progress, can be
 * cancelled with an AbortSignal, and yields to the worker's event loop between slices of work so
 * that the cancel message gets through. It writes nothing: the caller stores the result (or
 * nothing, on error or cancel) in one transaction.
 */
import { normalizeTitle } from '../match/normalize';
import { checkLibraryFileSize, LibraryFileError, MAX_LIBRARY_BYTES, UnreadableFile } from './file-error';
import { readBibtex } from './formats/bibtex';
import { readCslItems } from './formats/csl-json';
import { detectFormat, type Detected } from './formats/detect';
import { linesOf } from './formats/json-items';
import { readPaperItems } from './formats/paperlens-json';
import type { FormatOutput, Progress } from './formats/reader';
import { readRis } from './formats/ris';
import { printable } from './text';
import { LIBRARY_FORMAT, type ParseProblem, type ParseResult } from './types';

export interface ParseOptions {
  /** Called with the number of entries read so far and the file's total, a few times a second at most. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops the parse at the next slice; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Milliseconds of parsing between yields to the event loop (default 50). */
  sliceMs?: number;
}

/** The next macrotask, without the 4 ms clamp nested `setTimeout`s get; `MessageChannel` exists in workers and Node. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The file's text. Exports are UTF-8, or UTF-16 with a byte-order mark (Windows tools); bytes
 * that are not valid UTF-8 are read as Windows-1252, the encoding of older BibTeX and EndNote
 * files, so `M\xfcller` stays Müller instead of losing its ü.
 */
function decode(input: Uint8Array): string {
  const utf16 = input[0] === 0xff && input[1] === 0xfe ? 'utf-16le' : input[0] === 0xfe && input[1] === 0xff ? 'utf-16be' : null;
  if (utf16) return new TextDecoder(utf16).decode(input);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return new TextDecoder('windows-1252').decode(input);
  }
}

function reader(detected: Detected, text: string): Generator<Progress, FormatOutput, void> {
  switch (detected.format) {
    case LIBRARY_FORMAT.bibtex:
      return readBibtex(text);
    case LIBRARY_FORMAT.ris:
      return readRis(text);
    case LIBRARY_FORMAT.cslJson:
      return readCslItems(detected.items, detected.lines ?? linesOf(text, detected.items.length));
    case LIBRARY_FORMAT.paperlensJson:
    case LIBRARY_FORMAT.paperlensJsonLines:
      return readPaperItems(detected.items, detected.lines ?? linesOf(text, detected.items.length));
  }
}

/** Entries whose title has no letter or digit cannot get an id or be matched; they become problems. */
function withoutUnmatchableTitles(output: FormatOutput): FormatOutput {
  const problems: ParseProblem[] = [...output.problems];
  const entries = output.entries.filter((entry) => {
    if (normalizeTitle(entry.title)) return true;
    problems.push({
      line: entry.line,
      reason: `The title “${printable(entry.title)}” has no letter or digit, so the paper cannot be recognized; it was not imported.`,
    });
    return false;
  });
  return { entries, problems };
}

/**
 * Reads `input` (the file's text, or its bytes) as a library export. Resolves with every entry
 * that imports and every one that does not (with its line and reason), sorted by line. Rejects
 * with `LibraryFileError` when the file as a whole cannot be imported, and with the signal's
 * reason when aborted.
 */
export async function parseLibraryFile(fileName: string, input: string | Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const { onProgress, signal, sliceMs = 50 } = options;
  signal?.throwIfAborted();
  if (typeof input === 'string') {
    if (input.length > MAX_LIBRARY_BYTES) checkLibraryFileSize(fileName, input.length);
  } else {
    checkLibraryFileSize(fileName, input.byteLength);
  }
  const text = (typeof input === 'string' ? input : decode(input)).replace(/^\ufeff/, '');
  try {
    const detected = detectFormat(text);
    const parse = reader(detected, text);
    let sliceStart = performance.now();
    for (let step = parse.next(); ; step = parse.next()) {
      if (step.done) {
        const output = withoutUnmatchableTitles(step.value);
        const bad = 'badLines' in detected ? (detected.badLines ?? []) : [];
        const problems = [...output.problems, ...bad.map((line) => ({ line, reason: 'This line is not a JSON object, so it was not imported.' }))];
        if (output.entries.length === 0 && problems.length === 0) throw new UnreadableFile('holds no entries.');
        return { format: detected.format, entries: output.entries, problems: problems.sort((a, b) => a.line - b.line) };
      }
      onProgress?.(step.value.done, step.value.total);
      if (performance.now() - sliceStart >= sliceMs) {
        await nextTask();
        signal?.throwIfAborted();
        sliceStart = performance.now();
      }
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw new LibraryFileError(fileName, error.reason, error.line);
    throw error;
  }
}
