import { jsonProblem, notPlainText } from '../text-file';
import { parseOrThrow } from '../validation';
import { ExportFileSchema, type ExportFile } from './export';

/**
 * A file that cannot be imported. The message names the file and says what is wrong with it in
 * words; it never quotes the file (a binary file's bytes, or the JSON engine's message, which
 * does), so nothing unreadable reaches the page.
 */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${quoteName(fileName)} ${reason}`);
    this.name = 'ImportError';
  }
}

/** Larger files are refused before reading: no export of notes comes near it. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const CHOOSE = 'Choose the .json file that “Export everything” saved.';

/** `“notes.json”`: a file name as the user sees it, without control characters, shortened when long. */
function quoteName(fileName: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed.
  const clean = fileName.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!clean) return 'The file';
  return `“${clean.length > 80 ? `${clean.slice(0, 79)}…` : clean}”`;
}

/** Refuses a file over `MAX_IMPORT_BYTES` before it is read into memory. */
export function checkImportSize(fileName: string, bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(fileName, `is ${Math.round(bytes / 1024 / 1024)} MB, more than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB any PaperLens export comes near. ${CHOOSE}`);
  }
}

/** Checks every field of a parsed file and returns a clean copy holding only known fields. */
export function validateExport(value: unknown, fileName = ''): ExportFile {
  return parseOrThrow(ExportFileSchema, value, class extends ImportError {
    constructor(message: string) {
      super(fileName, `cannot be imported: ${message}`);
    }
  });
}

/** Parses and validates a file's text; every failure is an ImportError saying in words what is wrong. */
export function parseExport(text: string, fileName = ''): ExportFile {
  checkImportSize(fileName, text.length);
  if (!text.trim()) throw new ImportError(fileName, `is empty. ${CHOOSE}`);
  const notText = notPlainText(text);
  if (notText) {
    const what = {
      pdf: 'is a PDF document',
      binary: 'is not a text file (it holds binary data: an archive, an image or a document, for example)',
      html: 'is a web page (HTML)',
      xml: 'is an XML file',
    }[notText.kind];
    throw new ImportError(fileName, `${what}, not a PaperLens export. ${CHOOSE}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = jsonProblem(text, error);
    throw new ImportError(
      fileName,
      problem.kind === 'cut-short'
        ? `ends in the middle (line ${problem.line}): it looks cut short, for example by an interrupted download or copy. Export it again.`
        : `is not valid JSON: something is missing or extra (a comma, quote or bracket)${problem.line ? ` at line ${problem.line}` : ''}. ${CHOOSE}`,
    );
  }
  return validateExport(value, fileName);
}
