import { summarize } from './summarize.ts';

/** Outcome of processing one stdin line of the `tldr` command. */
export type TldrLineResult = { ok: true; output: string } | { ok: false; error: string };

/**
 * Turns one JSON input line `{"title", "abstract"}` into one JSON output line
 * `{"tldr"}`, or an error message naming what was wrong with the input.
 */
export function processTldrLine(line: string): TldrLineResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `invalid JSON (${(error as Error).message})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: 'expected a JSON object with "title" and "abstract"' };
  }
  const { title, abstract } = parsed as Record<string, unknown>;
  if (typeof abstract !== 'string') return { ok: false, error: '"abstract" must be a string' };
  if (title !== undefined && typeof title !== 'string') return { ok: false, error: '"title" must be a string' };
  return { ok: true, output: JSON.stringify({ tldr: summarize({ title: title ?? '', abstract }) }) };
}
