import { errorMessage } from '../errors';
import { parseOrThrow } from '../validation';
import { ExportFileSchema, type ExportFile } from './export';

/** A file that cannot be imported; the message says what is wrong with it, in words. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Larger files are refused before reading: no export of notes comes near it. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Checks every field of a parsed file and returns a clean copy holding only known fields. */
export function validateExport(value: unknown): ExportFile {
  return parseOrThrow(ExportFileSchema, value, ImportError);
}

/** Line and column of a character offset, for pointing at a JSON syntax error. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Parses and validates a file's text; every failure is an ImportError saying what is wrong. */
export function parseExport(text: string): ExportFile {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new ImportError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; no PaperLens export is that big.`);
  }
  if (!text.trim()) throw new ImportError('The file is empty.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = errorMessage(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineAndColumn(text, Number(at[1]))}` : /end of JSON input|Unterminated/i.test(message) ? ' (it ends too early: is it truncated?)' : '';
    throw new ImportError(`The file is not valid JSON${where}: ${message}`);
  }
  return validateExport(value);
}
