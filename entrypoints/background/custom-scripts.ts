import { browser } from 'wxt/browser';
import { MARK_CSS_FILE } from '@/lib/sites/mark';
import { originPattern } from '@/lib/sites/registry';

/** Id of the dynamically registered content script covering every opted-in origin. */
const CUSTOM_SCRIPT_ID = 'paperlens-custom-sites';

/**
 * Makes the content script run on exactly the opted-in origins that still have their host
 * permission (the user can revoke it in the browser's settings). Called by the background after
 * every change and at start-up, since registrations are re-checked against permissions.
 */
export async function syncCustomContentScripts(custom: readonly string[], file: string): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of custom) {
    if (await browser.permissions.contains({ origins: [originPattern(origin)] })) granted.push(origin);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: CUSTOM_SCRIPT_ID,
        matches: granted.map(originPattern),
        js: [file],
        // The marks' highlight styles, as the manifest's content script has them (Chrome builds).
        ...(!import.meta.env.FIREFOX && { css: [MARK_CSS_FILE] }),
        runAt: 'document_idle',
      },
    ]);
  }
  return granted;
}
