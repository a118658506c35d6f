import { useState } from 'react';
import type { SiteInfo, SiteSettings } from '@/lib/sites/registry';

export interface SitesSectionProps {
  sites: readonly SiteInfo[];
  settings: SiteSettings | null;
  /** The opted-in origins the browser lets PaperLens read; the others are listed as needing permission. */
  granted: ReadonlySet<string>;
  onToggle: (siteId: string, enabled: boolean) => void;
  /**
   * Asks for the origin's permission and turns it on (adding it, or allowing an imported one).
   * Must call the permission request before its first await: browsers require a user gesture.
   */
  onAdd: (origin: string) => void;
  onRemove: (origin: string) => void;
}

/** `https://example.org/some/page` → `https://example.org`; null for anything but an http(s) address. */
export function originOf(text: string): string | null {
  const raw = text.trim();
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Which sites PaperLens runs on: the defaults (on unless switched off) and opted-in origins. */
export function SitesSection({ sites, settings, granted, onToggle, onAdd, onRemove }: SitesSectionProps) {
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);

  const add = () => {
    const origin = originOf(typed);
    setInvalid(origin === null);
    if (origin) {
      onAdd(origin);
      setTyped('');
    }
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      {!settings ? (
        <p>Loading…</p>
      ) : (
        <>
          <ul className="sites">
            {sites.map((site) => (
              <li key={site.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={!settings.disabled.includes(site.id)}
                    onChange={(e) => onToggle(site.id, e.target.checked)}
                  />
                  {site.label}
                </label>
              </li>
            ))}
          </ul>
          <h3>Other sites</h3>
          <p className="muted">PaperLens asks the browser for permission to read each site you add, and nothing else.</p>
          {settings.custom.length > 0 && (
            <ul className="sites">
              {settings.custom.map((origin) => (
                <li key={origin} className="row" data-testid="custom-site" data-allowed={granted.has(origin)}>
                  {origin}
                  {!granted.has(origin) && (
                    <>
                      <span className="badge badge--warn" title="Listed (for example by an import) but not allowed in this browser, so PaperLens does not run there.">
                        needs permission
                      </span>
                      <button type="button" onClick={() => onAdd(origin)}>
                        Allow
                      </button>
                    </>
                  )}
                  <button type="button" onClick={() => onRemove(origin)}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              add();
            }}
          >
            <input aria-label="Site address" placeholder="https://example.org" value={typed} onChange={(e) => setTyped(e.target.value)} />
            <button type="submit">Add site</button>
          </form>
          {invalid && (
            <p role="alert" className="error">
              Enter a web address such as https://example.org.
            </p>
          )}
        </>
      )}
    </section>
  );
}
