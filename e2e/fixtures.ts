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
