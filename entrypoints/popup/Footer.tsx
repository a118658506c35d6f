import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PaperSource } from '@/lib/catalog/types';
import { plural } from '@/lib/plural';
import { popupShortcut, SHORTCUTS_PAGE } from '@/lib/shortcuts';

/** "337 papers · 5 in your library": every paper known, then the user's own (saved or imported). */
export function paperCountsText(counts: Record<PaperSource, number>): string {
  const total = counts.catalog + counts.user + counts.library + counts.visit;
  return `${plural(total, 'paper', 'papers')} · ${counts.user + counts.library} in your library`;
}

const firefox = import.meta.env.BROWSER === 'firefox';
/** Firefox 137 and later open their shortcuts page for an extension; chrome:// pages open as a tab. */
const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
const openShortcutsPage: (() => void) | null = firefox
  ? commands.openShortcutSettings
    ? () => void commands.openShortcutSettings?.()
    : null
  : () => void browser.tabs.create({ url: SHORTCUTS_PAGE.chrome });

/**
 * The popup's footer: how many papers PaperLens knows and how many of them are in the user's
 * library (saved or imported), in the options page's words, and the shortcut that opens it.
 */
export function Footer({ counts }: { counts: Record<PaperSource, number> | undefined }) {
  /** undefined while asking the browser; null when no shortcut is set. */
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    // Read each time the popup opens, so a shortcut changed on the browser's page shows here.
    browser.commands.getAll().then(
      (all) => setShortcut(popupShortcut(all)),
      () => setShortcut(null),
    );
  }, []);
  const where = firefox ? SHORTCUTS_PAGE.firefox : SHORTCUTS_PAGE.chrome;

  return (
    <footer className="pl-footer">
      <span data-testid="catalog-count">{counts === undefined ? 'Loading…' : paperCountsText(counts)}</span>
      {shortcut !== undefined && (
        <span className="pl-shortcut" data-testid="popup-shortcut">
          {shortcut ? (
            <>
              <kbd>{shortcut}</kbd> opens PaperLens
            </>
          ) : (
            'No shortcut set'
          )}
          {' · '}
          {openShortcutsPage ? (
            <button type="button" className="pl-link-button" title={`Shortcuts are changed at ${where}`} onClick={openShortcutsPage}>
              {shortcut ? 'change' : 'set one'}
            </button>
          ) : (
            <span title={`Shortcuts are changed at ${where}`}>change in {where}</span>
          )}
        </span>
      )}
    </footer>
  );
}
