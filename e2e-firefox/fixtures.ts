import type { ElementHandle, Frame, Page } from 'puppeteer-core';
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

/**
 * Types `text` into the field matching `selector`, replacing what it held. Puppeteer's
 * `Locator.fill` and `Locator.click` never resolve in Firefox ESR 140 (the locator's
 * visibility/stability checks time out on extension pages and frames), while an element
 * handle's focus, click and type work in ESR 140 and 153 alike.
 */
export async function typeInto(where: Page | Frame, selector: string, text: string): Promise<void> {
  const field = await elementOf(where, selector);
  await field.evaluate((el) => (el as HTMLInputElement | HTMLTextAreaElement).select());
  await field.type(text);
}

/** Clicks the element matching `selector` once it exists (see `typeInto` for why not a locator). */
export async function clickOn(where: Page | Frame, selector: string): Promise<void> {
  await (await elementOf(where, selector)).click();
}

/**
 * The element matching `selector`, once there is one. Polls `$` rather than `waitForSelector`,
 * which in a frame asks Firefox ESR 140 for a BiDi locator type it does not know ("context").
 */
async function elementOf(where: Page | Frame, selector: string): Promise<ElementHandle> {
  let element: ElementHandle | null = null;
  await expect.poll(async () => (element = await where.$(selector).catch(() => null)) !== null).toBe(true);
  return element!;
}

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

/**
 * Clicks an element of the card's frame with the mouse, at its centre. An element handle's own
 * click asks for the frame's element over BiDi (`locateNodes` with a "context" locator), which
 * Firefox ESR 140 refuses; the card's host is `position: fixed` with the frame at its origin.
 */
export async function clickInCard(page: Page, card: Frame, selector: string): Promise<void> {
  let box: { x: number; y: number; width: number; height: number } | null = null;
  await expect
    .poll(async () => {
      box = await card
        .$eval(selector, (el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        })
        .catch(() => null);
      return box !== null && box.width > 0;
    })
    .toBe(true);
  const host = await page.$eval('paperlens-card', (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y };
  });
  const { x, y, width, height } = box!;
  await page.mouse.click(host.x + x + width / 2, host.y + y + height / 2);
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
