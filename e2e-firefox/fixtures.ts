import type { Frame, Page } from 'puppeteer-core';
import { test as base, expect } from 'vitest';
import { builtExtensionDir, requireBuild } from '../e2e/extension-dir';
import { textPoint } from '../e2e/in-page';
import { startPageServer } from '../e2e/server';
import { launchFirefox, type Firefox, type FirefoxOptions } from './browser';

/** The Firefox build under test. */
export const EXTENSION_DIR = builtExtensionDir('firefox-mv3');

/** Firefox with the build under test, using `server` as its proxy. */
export function launch(server: { port: number }, options: Omit<FirefoxOptions, 'extensionDir' | 'proxyPort'> = {}): Promise<Firefox> {
  requireBuild(EXTENSION_DIR, 'npm run build:firefox');
  return launchFirefox({ extensionDir: EXTENSION_DIR, proxyPort: server.port, ...options });
}

/**
 * One local server and one Firefox per test file, since a launch costs seconds: the tests of a
 * file share the extension's storage, so each works on its own papers.
 */
export const test = base
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from the destructuring.
  .extend('server', { scope: 'file' }, async ({}, { onCleanup }) => {
    const server = await startPageServer();
    onCleanup(() => server.close());
    return server;
  })
  .extend('firefox', { scope: 'file' }, async ({ server }, { onCleanup }) => {
    const firefox = await launch(server);
    onCleanup(() => firefox.close());
    return firefox;
  });

export { expect };

/** A web page (served by the test server through the proxy) in a new tab. */
export async function openPage(firefox: Firefox, url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(url);
  return page;
}

/** The text of the first element matching `selector`, or null while there is none. */
/** Moves the pointer onto the words of a mark's title (its box's blank rest is no hover target). */
export async function hoverText(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector);
  const point = await page.evaluate(textPoint, selector);
  await page.mouse.move(point.x, point.y);
}

export const textOf = (where: Page | Frame, selector: string): Promise<string | null> =>
  where.$eval(selector, (el) => el.textContent).catch(() => null);

/** The value of the first text field matching `selector`, or null while there is none. */
export const valueOf = (where: Page | Frame, selector: string): Promise<string | null> =>
  where.$eval(selector, (el) => (el as HTMLInputElement | HTMLTextAreaElement).value).catch(() => null);

/** The note editor's text box, in the popup, the options page and the card. */
export const NOTE_BOX = 'textarea[aria-label="Your note"]';

/** The hover card's frame: an extension page framed inside a closed shadow root. */
export async function cardFrame(page: Page): Promise<Frame> {
  let card: Frame | undefined;
  // puppeteer keeps a child frame's first URL (about:blank), so each frame is asked where it is.
  await expect
    .poll(async () => {
      for (const frame of page.frames()) {
        if ((await frame.evaluate(() => document.URL).catch(() => '')).includes('/card.html')) card = frame;
      }
      return card !== undefined;
    })
    .toBe(true);
  return card!;
}

/** Whether the card is shown (the host stays in the page, hidden, once closed). */
export const cardVisibility = (page: Page): Promise<string | null> =>
  page.$eval('paperlens-card', (host) => getComputedStyle(host).visibility).catch(() => null);

/** Whether Firefox has suspended the extension's event page (it does after the idle timeout). */
export const eventPageSuspended = (extensionPage: Page): Promise<boolean> =>
  extensionPage.evaluate(() => {
    const ext = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension;
    return !ext.getViews().some((view) => view.location.pathname.includes('background'));
  });
