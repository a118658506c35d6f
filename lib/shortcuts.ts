/** The command whose shortcut opens the toolbar popup (manifest `commands`, MV3 name). */
export const OPEN_POPUP_COMMAND = '_execute_action';

/**
 * The shortcut the popup's manifest suggests (L for Lens); the user may change or remove it.
 * Chromium leaves Alt+Shift+P and Alt+Shift+A unassigned (it keeps them for itself), so a
 * suggestion of those would give no shortcut at all.
 */
export const SUGGESTED_SHORTCUT = 'Alt+Shift+L';

/** A command as `browser.commands.getAll()` describes it. */
export interface CommandInfo {
  name?: string;
  shortcut?: string;
}

/**
 * The shortcut that opens the popup now, as the browser reports it (after any change the user
 * made), or null when none is set: removed by the user, or not given because another extension
 * or the browser already used the suggested one.
 */
export function popupShortcut(commands: readonly CommandInfo[]): string | null {
  const shortcut = commands.find((c) => c.name === OPEN_POPUP_COMMAND)?.shortcut?.trim();
  return shortcut ? shortcut : null;
}

/** Where each browser lets the user change extension shortcuts. */
export const SHORTCUTS_PAGE = {
  chrome: 'chrome://extensions/shortcuts',
  firefox: 'about:addons (⚙ Manage Extension Shortcuts)',
} as const;
