import { chromium, type BrowserContext } from '@playwright/test';

/** Debian's Chromium; never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** The unpacked extension to load (a folder with manifest.json); null for the same browser without it (bench baselines). */
  extensionDir: string | null;
  /** Hosts answered by a local server on this port (`MAP arxiv.org 127.0.0.1:PORT`). */
  hosts?: { names: string[]; port: number };
  viewport?: { width: number; height: number };
  /** A profile folder to reuse (a browser restart); a fresh temporary profile by default. */
  userDataDir?: string;
  /** More command-line flags (the benches open a DevTools port to read the service worker's heap). */
  args?: string[];
}

/**
 * Headless Chromium with the extension loaded, on a fresh profile: the one launcher for the
 * real-browser tests, the benchmarks and the README screenshots. The flags let it run as root
 * and on a machine without internet (no background, component or sync traffic).
 */
export function launchWithExtension({ extensionDir, hosts, viewport, userDataDir = '', args: extra = [] }: LaunchOptions): Promise<BrowserContext> {
  const args = [
    ...(extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
    ...extra,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
  ];
  if (hosts) {
    const rules = hosts.names.map((h) => `MAP ${h} 127.0.0.1:${hosts.port}`).join(', ');
    args.push(`--host-resolver-rules=${rules}, EXCLUDE localhost`);
  }
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args, ...(viewport && { viewport }) });
}

/** The extension's id, read from its service worker's URL. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
