/**
 * The JavaScript each extension page loads, gzipped: the page's entry script and every chunk it
 * imports, followed through static imports. `npm run build && npx tsx scripts/bundle-sizes.ts
 * [out dir]` (default `.output/chrome-mv3`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no built extension in ${dir}: run npm run build first`);

/** Every file `entry` loads: itself and its static imports, transitively. */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) closure(resolve(dirname(entry), m[1]!), seen);
  return seen;
}

/** The chunks `files` load on demand (`import("./x.js")`), with what those load in turn, less `files`. */
function onDemand(files: Set<string>): Set<string> {
  const later = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)) {
      for (const f of closure(resolve(dirname(file), m[1]!))) if (!files.has(f)) later.add(f);
    }
  }
  return later;
}

const gzip = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

for (const page of ['popup', 'card', 'options']) {
  const html = readFileSync(join(dir, `${page}.html`), 'utf8');
  const entry = /<script[^>]+src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${page}.html loads no script`);
  const files = closure(join(dir, entry));
  const later = onDemand(files);
  const more = later.size > 0 ? `, and ${kB(gzip(later))} more on demand (${later.size} files)` : '';
  console.log(`${page}: ${kB(gzip(files))} gzipped JS in ${files.size} files${more}`);
}
for (const script of ['content-scripts/content.js']) console.log(`${script}: ${kB(gzip([join(dir, script)]))} gzipped`);
