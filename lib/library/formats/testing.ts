/** Test helpers for the format readers: run a reader to its end, read a fixture. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormatOutput, FormatReader, Progress } from './reader';

/** Runs a reader (or any progress generator) to completion, collecting its progress reports. */
export function runReader(generator: Generator<Progress, FormatOutput, void>): FormatOutput & { progress: Progress[] } {
  const progress: Progress[] = [];
  for (;;) {
    const step = generator.next();
    if (step.done) return { ...step.value, progress };
    progress.push(step.value);
  }
}

/** `read(text)` run to completion. */
export function readAll(read: FormatReader, text: string): FormatOutput & { progress: Progress[] } {
  return runReader(read(text));
}

/** A file from lib/library/fixtures (real exports; see the README there). */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
}
