/**
 * A library file that cannot be imported at all (empty, binary, a PDF or a web page, too
 * large, cut short, not a format PaperLens reads). The message names the file and, where it
 * helps, the line, in words; it never quotes the file's bytes.
 */
import { printable } from './text';

/** Larger files are refused before reading: 50 MB of BibTeX is well over 100,000 entries. */
export const MAX_LIBRARY_BYTES = 50 * 1024 * 1024;

/** Thrown by a format reader, which does not know the file's name; `parseLibraryFile` adds it. */
export class UnreadableFile extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
  ) {
    super(reason);
    this.name = 'UnreadableFile';
  }
}

/** The file as a whole cannot be imported; nothing from it should be written. */
export class LibraryFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    const where = line === undefined ? '' : `, line ${line}`;
    super(`“${printable(fileName, 80) || 'The file'}”${where}: ${reason}`);
    this.name = 'LibraryFileError';
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Refuses a file over `MAX_LIBRARY_BYTES` before the caller reads it into memory. */
export function checkLibraryFileSize(fileName: string, bytes: number): void {
  if (bytes > MAX_LIBRARY_BYTES) {
    throw new LibraryFileError(
      fileName,
      `is ${megabytes(bytes)}, more than the ${megabytes(MAX_LIBRARY_BYTES)} PaperLens imports at once. Export the library in parts (for example one collection at a time).`,
    );
  }
}
