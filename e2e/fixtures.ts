import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from './browser';
import { builtExtensionDir, requireBuild } from './extension-dir';
import { MAPPED_HOSTS, startPageServer, type PageServer } from './server';

/** The built extension under test. */
export const EXTENSION_DIR = builtExtensionDir('chrome-mv3');

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (e.g. `popup.html`) in a tab. */
  openExtensionPage: (path: string) => Promise<Page>;
}

export const test = base.extend<Fixtures, { server: PageServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring.
    async ({}, use) => {
      const server = await startPageServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  context: async ({ server }, use) => {
    requireBuild(EXTENSION_DIR, 'npm run build');
    const context = await launchWithExtension({ extensionDir: EXTENSION_DIR, hosts: { names: MAPPED_HOSTS, port: server.port } });
    await use(context);
    await context.close();
    server.clear();
  },

  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },

  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export const expect = test.expect;

/**
 * Sends one background message from an extension page, in @webext-core/messaging's wire format,
 * and returns its answer (throws with the background's error).
 */
export async function send<T = unknown>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([type, data]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: unknown }> } } }).chrome.runtime.sendMessage(
        { id: 1, type, data, timestamp: Date.now() },
      ),
    [type, data] as const,
  );
  if (reply.err) throw new Error(`${type} failed: ${JSON.stringify(reply.err)}`);
  return reply.res as T;
}
