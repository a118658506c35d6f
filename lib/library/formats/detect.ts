/**
 * Which format a file is in, decided by its content (a `.bib` may hold RIS, a `.txt` BibTeX),
 * and the files that are no library at all, refused with a reason: empty, binary, PDF, web
 * page, a PaperLens notes export, JSON of another shape, broken JSON.
 */
import { jsonProblem, notPlainText } from '../../text-file';
import { UnreadableFile } from '../file-error';
import { LIBRARY_FORMAT } from '../types';

/** What detection found; JSON formats come parsed, with each item's line. */
export type Detected =
  | { format: typeof LIBRARY_FORMAT.bibtex | typeof LIBRARY_FORMAT.ris }
  | {
      format: typeof LIBRARY_FORMAT.cslJson | typeof LIBRARY_FORMAT.paperlensJson | typeof LIBRARY_FORMAT.paperlensJsonLines;
      items: unknown[];
      /** For JSON Lines: the line of each item. For JSON documents the reader places items itself. */
      lines?: number[];
      /** Lines of JSON Lines input that are not JSON objects. */
      badLines?: number[];
    };

const BIBTEX_ENTRY = /^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/m;
const RIS_RECORD = /^TY {1,2}- /m;

const READS =
  'PaperLens reads BibTeX and BibLaTeX (.bib), RIS (.ris), CSL-JSON and PaperLens JSON or JSON Lines (.json, .jsonl).';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** CSL items have name objects, date parts or CSL's capitalised ids; PaperLens papers have none of these. */
function looksLikeCsl(items: unknown[]): boolean {
  const item = items.find(isObject);
  if (!item) return true;
  if ('tldr' in item || 'topics' in item || 'arxivId' in item) return false;
  return ['issued', 'container-title', 'DOI', 'URL', 'type', 'citation-key'].some((key) => key in item) || Array.isArray(item.author);
}

/** Refuses what is not a text export at all (PDF, binary, a web page, XML), in words. */
function refuseNonText(text: string): void {
  const problem = notPlainText(text);
  switch (problem?.kind) {
    case undefined:
      return;
    case 'pdf':
      throw new UnreadableFile('is a PDF document, not a library export. Export your library from Zotero, Mendeley or your reference manager as BibTeX, RIS or CSL-JSON.');
    case 'binary':
      throw new UnreadableFile(
        'is not a text file (it holds binary data, or text in an encoding other than UTF-8). Export the library again as UTF-8 text.',
        problem.line,
      );
    case 'html':
      throw new UnreadableFile(`is a web page (HTML), not a library export. Save the export file itself rather than the page that offers it. ${READS}`);
    case 'xml':
      throw new UnreadableFile(`is XML, which PaperLens does not read (EndNote XML, for one). Export the library as RIS or BibTeX instead.`);
  }
}

/** Where a JSON syntax error is (the engine's message quotes the file, so it is never shown). */
function jsonFailure(text: string, error: unknown): UnreadableFile {
  const problem = jsonProblem(text, error);
  return problem.kind === 'cut-short'
    ? new UnreadableFile('is JSON that ends in the middle: the file looks cut short. Export it again.', problem.line)
    : new UnreadableFile('is not valid JSON: something is missing or extra (a comma, quote or bracket) at this line.', problem.line);
}

function readJsonLines(text: string): Detected | null {
  const items: unknown[] = [];
  const lines: number[] = [];
  const badLines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const value: unknown = JSON.parse(line);
      if (!isObject(value)) throw new Error('not an object');
      items.push(value);
      lines.push(i + 1);
    } catch {
      badLines.push(i + 1);
    }
  });
  // Only call it JSON Lines when the file mostly is: one object per line.
  if (items.length === 0 || badLines.length > items.length) return null;
  const format = looksLikeCsl(items) ? LIBRARY_FORMAT.cslJson : LIBRARY_FORMAT.paperlensJsonLines;
  return { format, items, lines, badLines };
}

function readJson(text: string): Detected {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const lines = text.trimStart().startsWith('{') ? readJsonLines(text) : null;
    if (lines) return lines;
    throw jsonFailure(text, error);
  }
  if (Array.isArray(value)) {
    return { format: looksLikeCsl(value) ? LIBRARY_FORMAT.cslJson : LIBRARY_FORMAT.paperlensJson, items: value };
  }
  if (isObject(value) && value.format === 'paperlens-export') {
    throw new UnreadableFile('is a PaperLens notes export. Import it with “Import notes” in the options page; it restores notes, not a library.');
  }
  if (isObject(value) && Array.isArray(value.papers)) return { format: LIBRARY_FORMAT.paperlensJson, items: value.papers };
  if (isObject(value) && Array.isArray(value.items)) return { format: LIBRARY_FORMAT.cslJson, items: value.items };
  throw new UnreadableFile(`is JSON, but neither CSL-JSON (a list of items) nor PaperLens JSON (an object with a list of papers). ${READS}`);
}

/** The file's format, or `UnreadableFile` saying in words why it is not a library. `text` has no BOM. */
export function detectFormat(text: string): Detected {
  if (!text.trim()) throw new UnreadableFile('is empty.');
  refuseNonText(text);
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') return readJson(text);
  const bibtex = text.search(BIBTEX_ENTRY);
  const ris = text.search(RIS_RECORD);
  if (bibtex === -1 && ris === -1) {
    throw new UnreadableFile(`is not a library export PaperLens can read: it holds no BibTeX entry (@article{…), RIS record (TY  - …) or JSON. ${READS}`);
  }
  return ris === -1 || (bibtex !== -1 && bibtex < ris) ? { format: LIBRARY_FORMAT.bibtex } : { format: LIBRARY_FORMAT.ris };
}
