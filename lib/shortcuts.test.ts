import { describe, expect, it } from 'vitest';
import { popupShortcut } from './shortcuts';

describe('popupShortcut', () => {
  it('is what the browser reports for _execute_action, so a change the user made shows', () => {
    const commands = [{ name: 'other', shortcut: 'Ctrl+Y' }, { name: '_execute_action', shortcut: 'Ctrl+Shift+K', description: '' }];
    expect(popupShortcut(commands)).toBe('Ctrl+Shift+K');
  });

  it('is null when none is set (removed, or taken by another extension)', () => {
    expect(popupShortcut([{ name: '_execute_action', shortcut: '' }])).toBeNull();
    expect(popupShortcut([{ name: '_execute_action' }])).toBeNull();
    expect(popupShortcut([])).toBeNull();
  });
});
