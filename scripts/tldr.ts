/**
 * Reads JSON lines `{"title": "...", "abstract": "..."}` on stdin and writes
 * one `{"tldr": "..."}` line per input line, in order, on stdout.
 *
 * A malformed line still yields `{"tldr": ""}` so output stays aligned with
 * input; the problem is reported on stderr with its line number and the
 * process exits with status 1 once all input is processed. Blank lines are
 * ignored.
 */
import { createInterface } from 'node:readline';
import { processTldrLine } from '../lib/summary/cli.ts';

let failures = 0;
let lineNumber = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  lineNumber++;
  if (line.trim() === '') continue;
  const result = processTldrLine(line);
  if (result.ok) {
    process.stdout.write(result.output + '\n');
  } else {
    failures++;
    process.stderr.write(`tldr: line ${lineNumber}: ${result.error}\n`);
    process.stdout.write(JSON.stringify({ tldr: '' }) + '\n');
  }
}
if (failures > 0) process.exitCode = 1;
