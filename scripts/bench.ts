/**
 * `npm run bench`: runs every benchmark in bench/ (each file's default export), one after the
 * other so they do not compete for the machine's cores. `npm run bench -- match` runs the
 * benchmarks whose file name contains "match".
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const filter = process.argv[2] ?? '';
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark in bench/ matches "${filter}".`);
  process.exit(1);
}
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const mod = (await import(pathToFileURL(resolve('bench', file)).href)) as { default: () => Promise<void> };
  await mod.default();
}
