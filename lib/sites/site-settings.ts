import type { PaperLensDB } from '../db/schema';
import { ProtocolError } from '../messaging/validate';
import { SITES } from './registry';

/** Which default sites the user switched off, and which other origins they opted into. */
export interface SiteSettings {
  /** Ids from `SITES` in lib/sites/registry.ts. */
  disabled: string[];
  /** Origins such as `https://example.org`, each granted as an optional host permission. */
  custom: string[];
}

/** The settings row holding which default sites are off and which other origins are on. */
export const SITE_SETTINGS_KEY = 'sites';

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

export function setSiteEnabled(db: PaperLensDB, siteId: string, enabled: boolean): Promise<SiteSettings> {
  if (!SITES.some((s) => s.id === siteId)) throw new ProtocolError(`unknown site "${siteId}"`);
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

/** The manifest match pattern granting one opted-in origin (`https://example.org` → `https://example.org/*`). */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
