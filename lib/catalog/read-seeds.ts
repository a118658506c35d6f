import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedFile } from './build';

/** Reads every `*.txt` seed in a folder (build time and tests only; Node APIs). */
export function readSeedDir(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
