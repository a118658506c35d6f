import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from './browser';
import { MAPPED_HOSTS, startPageServer, type PageServer } from './server';

/** The built extension under test (`npm run build` writes it; PAPERLENS_OUT_DIR moves it). */
export const EXTENSION_DIR = resolve(process.env.PAPERLENS_OUT_DIR ?? '.output', 'chrome-mv3');

/** Folder of real saved pages beside the checkout; tests that need it skip when it is absent. */
export const SHARED_PAGES = resolve('..', 'shared', 'fixtures', 'pages');
export const hasSharedPages = existsSync(SHARED_PAGES);

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
    if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
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
