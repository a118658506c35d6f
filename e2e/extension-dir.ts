import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The built extension for one browser: `npm run build` writes `chrome-mv3`, `npm run build:firefox`
 * writes `firefox-mv3` (PAPERLENS_OUT_DIR moves both).
 */
export const builtExtensionDir = (target: 'chrome-mv3' | 'firefox-mv3'): string =>
  resolve(process.env.PAPERLENS_OUT_DIR ?? '.output', target);

/** Stops a test run early, in words, when the build it needs is missing. */
export function requireBuild(dir: string, command: string): void {
  if (!existsSync(resolve(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run \`${command}\` first.`);
}
