import type { SiteSettings } from '../sites/registry';
import { SETTING_KEYS } from '../settings';
import type { PaperLensDB } from './schema';

const SITE_SETTINGS_KEY = SETTING_KEYS.sites;

/** Reads the site settings, tolerating a missing or malformed row (everything default, nothing custom). */
export async function getSiteSettings(db: PaperLensDB): Promise<SiteSettings> {
  const value = (await db.settings.get(SITE_SETTINGS_KEY))?.value as Partial<SiteSettings> | undefined;
  const strings = (list: unknown): string[] =>
    Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  return { disabled: strings(value?.disabled), custom: strings(value?.custom) };
}

async function update(db: PaperLensDB, change: (s: SiteSettings) => SiteSettings): Promise<SiteSettings> {
  return db.transaction('rw', db.settings, async () => {
    const next = change(await getSiteSettings(db));
    await db.settings.put({ key: SITE_SETTINGS_KEY, value: next });
    return next;
  });
}

/** Switches a default site (an id from `SITES` in lib/sites/registry.ts) on or off. */
export function setSiteEnabled(db: PaperLensDB, siteId: string, enabled: boolean): Promise<SiteSettings> {
  return update(db, (s) => ({
    ...s,
    disabled: enabled ? s.disabled.filter((id) => id !== siteId) : [...new Set([...s.disabled, siteId])],
  }));
}

export function addCustomSite(db: PaperLensDB, origin: string): Promise<SiteSettings> {
  return update(db, (s) => ({ ...s, custom: [...new Set([...s.custom, origin])] }));
}

export function removeCustomSite(db: PaperLensDB, origin: string): Promise<SiteSettings> {
  return update(db, (s) => ({ ...s, custom: s.custom.filter((o) => o !== origin) }));
}
