/**
 * The steps JSON formats share: validate each item with a valibot schema (so one malformed
 * item is a problem with its line, not a crash or a silent hole), and describe what was wrong
 * in words.
 */
import * as v from 'valibot';
import { printable } from '../text';
import type { LibraryEntry, ParseProblem } from '../types';
import { arrayItemLines } from './json-positions';
import { missingTitle, PROGRESS_EVERY, type FormatOutput, type Progress } from './reader';

/** valibot's type names in words. */
const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', Array: 'a list', Object: 'an object', boolean: 'true or false' };

/** A valibot failure as "author[2].family should be text". */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  const types = issue.expected?.replace(/[()"]/g, '').split(' | ').map((type) => TYPE_WORDS[type] ?? type);
  const expected = types?.length ? ` should be ${types.join(' or ')}` : ' is not valid';
  return `${printable(path || 'the item')}${expected}`;
}

/** Converts one validated item; returns its entry (title may be empty, which the caller reports). */
export type ItemMapper<T> = (item: T, line: number) => LibraryEntry;

/**
 * Validates and converts each item in turn, yielding progress. `lines` gives each item's line
 * (from `arrayItemLines`, or the JSON Lines line numbers).
 */
export function* readItems<S extends v.GenericSchema>(
  items: readonly unknown[],
  lines: readonly number[],
  schema: S,
  map: ItemMapper<v.InferOutput<S>>,
): Generator<Progress, FormatOutput, void> {
  const entries: LibraryEntry[] = [];
  const problems: ParseProblem[] = [];
  for (const [i, item] of items.entries()) {
    if (i % PROGRESS_EVERY === 0) yield { done: i, total: items.length };
    const line = lines[i] ?? 1;
    const result = v.safeParse(schema, item);
    if (!result.success) {
      problems.push({ line, reason: `Item ${i + 1} could not be read: ${describeIssue(result.issues[0])}.` });
      continue;
    }
    const entry = map(result.output, line);
    if (!entry.title) problems.push({ line, reason: missingTitle(entry.key) });
    else entries.push(entry);
  }
  yield { done: items.length, total: items.length };
  return { entries, problems };
}

/** Lines of a parsed document's items; falls back to line 1 for a document the scan cannot place. */
export function linesOf(text: string, count: number): number[] {
  const lines = arrayItemLines(text);
  return lines.length === count ? lines : new Array<number>(count).fill(1);
}
