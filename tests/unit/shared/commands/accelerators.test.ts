import { describe, expect, it } from 'vitest';
import {
  canonicalShortcut,
  findShortcutConflicts,
  matchesShortcut,
  resolveShortcut,
} from '../../../../shared/commands/accelerators';
import { commands } from '../../../../shared/commands/registry';
import type { CommandDefinition } from '../../../../shared/commands/registry';

const noModifiers = { ctrlKey: false, altKey: false, shiftKey: false, metaKey: false };

describe('resolveShortcut', () => {
  it('maps CmdOrCtrl to Ctrl off macOS', () => {
    expect(canonicalShortcut('CmdOrCtrl+K', false)).toBe('Ctrl+K');
  });

  it('maps CmdOrCtrl to Cmd on macOS', () => {
    expect(canonicalShortcut('CmdOrCtrl+K', true)).toBe('Cmd+K');
  });

  it('orders modifiers the same way', () => {
    expect(canonicalShortcut('Shift+CommandOrControl+Z', false)).toBe(canonicalShortcut('Ctrl+Shift+Z', false));
  });

  it('reads a minus key', () => {
    expect(resolveShortcut('CmdOrCtrl+-', false).key).toBe('-');
  });

  it('rejects an accelerator without a key', () => {
    expect(() => resolveShortcut('CmdOrCtrl+', false)).toThrow(RangeError);
  });
});

describe('matchesShortcut', () => {
  it('matches Ctrl+K off macOS', () => {
    expect(matchesShortcut({ ...noModifiers, key: 'k', code: 'KeyK', ctrlKey: true }, 'CmdOrCtrl+K', false)).toBe(true);
  });

  it('wants Cmd, not Ctrl, on macOS', () => {
    expect(matchesShortcut({ ...noModifiers, key: 'k', code: 'KeyK', ctrlKey: true }, 'CmdOrCtrl+K', true)).toBe(false);
    expect(matchesShortcut({ ...noModifiers, key: 'k', code: 'KeyK', metaKey: true }, 'CmdOrCtrl+K', true)).toBe(true);
  });

  it('rejects an extra modifier', () => {
    expect(matchesShortcut({ ...noModifiers, key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }, 'CmdOrCtrl+K', false)).toBe(false);
  });

  it('rejects a missing modifier', () => {
    expect(matchesShortcut({ ...noModifiers, key: 'k', code: 'KeyK' }, 'CmdOrCtrl+K', false)).toBe(false);
  });

  it('matches a digit by its physical key', () => {
    // A French layout gives `&` for the key that is 1 elsewhere.
    expect(matchesShortcut({ ...noModifiers, key: '&', code: 'Digit1', ctrlKey: true }, 'CmdOrCtrl+1', false)).toBe(true);
  });

  it('matches a named key', () => {
    expect(matchesShortcut({ ...noModifiers, key: 'F11', code: 'F11' }, 'F11', false)).toBe(true);
  });
});

describe('findShortcutConflicts', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('finds none in the registry on %s', (platform) => {
    expect(findShortcutConflicts(platform)).toEqual([]);
  });

  it('finds a command on a role shortcut', () => {
    const copy: CommandDefinition = { id: 'test.copyRow', labelKey: 'label.copyRow', menu: 'file', hosts: ['electron'], accelerator: { default: 'Ctrl+C' } };

    expect(findShortcutConflicts('linux', [copy])).toEqual([{ shortcut: 'Ctrl+C', users: ['role:CmdOrCtrl+C', 'test.copyRow'] }]);
  });

  it('finds two commands on one shortcut', () => {
    const first: CommandDefinition = { id: 'test.first', labelKey: 'label.first', menu: 'file', hosts: ['electron'], accelerator: { default: 'CmdOrCtrl+J' } };
    const second: CommandDefinition = { id: 'test.second', labelKey: 'label.second', menu: 'view', hosts: ['browser'], accelerator: { default: 'Ctrl+J', darwin: 'Cmd+Alt+J' } };

    expect(findShortcutConflicts('win32', [first, second])).toEqual([{ shortcut: 'Ctrl+J', users: ['test.first', 'test.second'] }]);
    expect(findShortcutConflicts('darwin', [first, second])).toEqual([]);
  });

  it('finds the redo shortcut only where redo uses it', () => {
    const command: CommandDefinition = { id: 'test.yank', labelKey: 'label.yank', menu: 'file', hosts: ['electron'], accelerator: { default: 'Ctrl+Y' } };

    expect(findShortcutConflicts('win32', [command])).toHaveLength(1);
    expect(findShortcutConflicts('linux', [command])).toEqual([]);
  });
});

describe('command registry', () => {
  it('has unique ids', () => {
    const ids = commands.map((command) => command.id);

    expect(new Set(ids).size).toBe(ids.length);
  });

  it('opens the palette with CmdOrCtrl+K', () => {
    expect(commands.find((command) => command.id === 'view.commandPalette')?.accelerator?.default).toBe('CmdOrCtrl+K');
  });
});
