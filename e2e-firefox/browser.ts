import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's Firefox ESR; never a browser (or geckodriver) downloaded by a test tool. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Pinned by pref, so tests know the `moz-extension://` origin (Firefox draws a random one per profile). */
const EXTENSION_UUID = 'c0ffee00-7a1d-4c55-9a70-5fa9e1e2b0a1';

export interface FirefoxOptions {
  /** The unpacked Firefox build (a folder with manifest.json). */
  extensionDir: string;
  /** The local test server (e2e/server.ts), made Firefox's proxy for every address. */
  proxyPort: number;
  /** A profile folder to reuse (a browser restart); a fresh temporary profile by default, deleted on close. */
  profileDir?: string;
  /** More Firefox preferences, e.g. a short background idle timeout. */
  prefs?: Record<string, unknown>;
}

export interface Firefox {
  browser: Browser;
  /** Opens an extension page (e.g. `popup.html`) in a new tab, once the extension has started. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Headless Firefox with the extension installed, driven over WebDriver BiDi by puppeteer-core:
 * the Firefox twin of e2e/browser.ts.
 *
 * The extension is installed into the profile (an extension proxy file naming the build folder)
 * rather than as a temporary add-on: it stays installed across a restart on the same profile, as
 * for a user, so a restart test sees what a user's browser does. Firefox ESR accepts that unsigned
 * install with `xpinstall.signatures.required` off; release Firefox would not.
 */
export async function launchFirefox({ extensionDir, proxyPort, profileDir, prefs: extraPrefs }: FirefoxOptions): Promise<Firefox> {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${extensionDir} is not a Firefox build: its manifest has no gecko id.`);
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'paperlens-firefox-'));
  mkdirSync(join(profile, 'extensions'), { recursive: true });
  writeFileSync(join(profile, 'extensions', addonId), `${resolve(extensionDir)}\n`);

  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
    'xpinstall.signatures.required': false,
    // Add-ons found in the profile start enabled, without asking.
    'extensions.autoDisableScopes': 0,
    // permissions.request() (still only from a user's click) is granted without the doorhanger,
    // which headless Firefox has no one to click.
    'extensions.webextOptionalPermissionPrompts': false,
    // No DNS over HTTPS, no connectivity or captive-portal probes.
    'network.trr.mode': 5,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    // HTTPS goes to the same proxy too, which refuses CONNECT: nothing leaves the machine.
    // (share_proxy_settings is only the settings dialog's checkbox; the network reads these.)
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
  };
  const removeProfile = () => {
    if (!profileDir) rmSync(profile, { recursive: true, force: true });
  };
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: { ...prefs, ...extraPrefs },
      // Without it Firefox keeps polling its remote-settings service.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      // Lets the remote agent open moz-extension:// pages in tabs.
      args: ['--remote-allow-system-access'],
    })
    .catch((error: unknown) => {
      removeProfile();
      throw error;
    });
  const origin = `moz-extension://${EXTENSION_UUID}`;
  return {
    browser,
    openExtensionPage: async (path) => {
      const page = await browser.newPage();
      await navigateUntilLoaded(page, `${origin}/${path}`);
      return page;
    },
    close: async () => {
      await browser.close();
      removeProfile();
    },
  };
}

/** The part of puppeteer-core's BiDi frame that navigates (pinned version; not in its public types). */
interface BidiFrameInternals {
  browsingContext: { navigate(url: string, wait: 'complete'): Promise<void> };
}

/**
 * Navigates a tab to an extension page and waits for its load. puppeteer's `page.goto()` never
 * sees a moz-extension:// load complete, so this asks the BiDi browsing context directly. Right
 * after start-up the extension may not be registered yet: the navigation is retried until it is.
 */
export async function navigateUntilLoaded(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  // puppeteer-core's BiDi frame carries its browsing context, though its public types do not say so.
  const { browsingContext: context } = page.mainFrame() as unknown as Partial<BidiFrameInternals>;
  if (!context) throw new Error("This puppeteer-core no longer exposes a page's BiDi browsing context: update navigateUntilLoaded.");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await context.navigate(url, 'complete');
      // A navigation to a not-yet-registered extension ends on an error page.
      if ((await page.evaluate(() => document.URL)).startsWith(url.split(/[?#]/)[0]!)) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not open within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
