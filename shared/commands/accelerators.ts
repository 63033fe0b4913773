/**
 * Keyboard shortcuts in Electron's accelerator syntax (`CmdOrCtrl+Shift+K`): comparing them,
 * matching them against key events in the renderer, and finding conflicts between commands.
 */
import { acceleratorOf, commands } from './registry';
import type { CommandDefinition } from './registry';

type Modifier = 'Ctrl' | 'Alt' | 'Shift' | 'Cmd';

/** A shortcut resolved for one platform: its modifiers and its key, in upper case. */
export interface ResolvedShortcut {
  readonly modifiers: ReadonlySet<Modifier>;
  readonly key: string;
}

const modifierAliases: Record<string, (isMac: boolean) => Modifier> = {
  cmdorctrl: (isMac) => (isMac ? 'Cmd' : 'Ctrl'),
  commandorcontrol: (isMac) => (isMac ? 'Cmd' : 'Ctrl'),
  ctrl: () => 'Ctrl',
  control: () => 'Ctrl',
  cmd: () => 'Cmd',
  command: () => 'Cmd',
  super: () => 'Cmd',
  meta: () => 'Cmd',
  alt: () => 'Alt',
  option: () => 'Alt',
  shift: () => 'Shift',
};

const modifierOrder: readonly Modifier[] = ['Ctrl', 'Alt', 'Shift', 'Cmd'];

/** Resolves `accelerator` for macOS (`isMac`) or another platform. Throws `RangeError` when it has no key. */
export function resolveShortcut(accelerator: string, isMac: boolean): ResolvedShortcut {
  const parts = accelerator.split('+');
  const modifiers = new Set<Modifier>();
  let key: string | undefined;
  parts.forEach((part, index) => {
    // `CmdOrCtrl++` would leave an empty part; Electron spells that key `Plus`.
    const alias = modifierAliases[part.toLowerCase()];
    if (alias !== undefined && index < parts.length - 1) modifiers.add(alias(isMac));
    else key = part.toUpperCase();
  });
  if (key === undefined || key === '') throw new RangeError(`The accelerator ${accelerator} has no key`);
  return { modifiers, key };
}

/** Returns one spelling per shortcut, such as `Ctrl+Shift+K`, so that equal shortcuts compare equal. */
export function canonicalShortcut(accelerator: string, isMac: boolean): string {
  const { modifiers, key } = resolveShortcut(accelerator, isMac);
  return [...modifierOrder.filter((modifier) => modifiers.has(modifier)), key].join('+');
}

/** The fields of a `KeyboardEvent` that a shortcut match reads. */
export interface ShortcutKeyEvent {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

/**
 * Checks whether `event` presses `accelerator`. Letters and digits are compared by physical key
 * (`KeyK`, `Digit1`), so Shift or another keyboard layout's character does not change the match.
 */
export function matchesShortcut(event: ShortcutKeyEvent, accelerator: string, isMac: boolean): boolean {
  const { modifiers, key } = resolveShortcut(accelerator, isMac);
  if (event.ctrlKey !== modifiers.has('Ctrl') || event.metaKey !== modifiers.has('Cmd')) return false;
  if (event.altKey !== modifiers.has('Alt') || event.shiftKey !== modifiers.has('Shift')) return false;
  if (/^[A-Z]$/.test(key)) return event.code === `Key${key}`;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}`;
  return event.key.toUpperCase() === key;
}

/**
 * Accelerators of the standard menu roles the app's menu uses, as Electron 41 assigns them
 * (`lib/browser/api/menu-item-roles.ts`). A command must not take one of them.
 */
export function roleAccelerators(platform: 'darwin' | 'win32' | 'linux'): readonly string[] {
  const shared = [
    'CmdOrCtrl+Z',
    'CmdOrCtrl+X',
    'CmdOrCtrl+C',
    'CmdOrCtrl+V',
    'CmdOrCtrl+A',
    'CmdOrCtrl+W',
    'CmdOrCtrl+M',
    'CmdOrCtrl+R',
    'Shift+CmdOrCtrl+R',
    'CmdOrCtrl+0',
    'CmdOrCtrl+Plus',
    'CmdOrCtrl+-',
  ];
  if (platform === 'darwin') {
    return [...shared, 'Shift+CmdOrCtrl+Z', 'CmdOrCtrl+Q', 'Cmd+Alt+Shift+V', 'Cmd+H', 'Cmd+Alt+H', 'Alt+Cmd+I', 'Ctrl+Cmd+F'];
  }
  const redo = platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z';
  // Windows has no quit accelerator; Alt+F4 closes the window there.
  const quit = platform === 'win32' ? [] : ['CmdOrCtrl+Q'];
  return [...shared, redo, ...quit, 'Shift+CmdOrCtrl+V', 'Ctrl+Shift+I', 'F11'];
}

/** Two or more users of one shortcut on one platform. */
export interface ShortcutConflict {
  readonly shortcut: string;
  /** Command ids, and `role:<accelerator>` for a standard menu role. */
  readonly users: readonly string[];
}

/** Finds every shortcut that two commands, or a command and a standard role, both use on `platform`. */
export function findShortcutConflicts(
  platform: 'darwin' | 'win32' | 'linux',
  registry: readonly CommandDefinition[] = commands,
): ShortcutConflict[] {
  const isMac = platform === 'darwin';
  const users = new Map<string, string[]>();
  const add = (accelerator: string, user: string) => {
    const shortcut = canonicalShortcut(accelerator, isMac);
    users.set(shortcut, [...(users.get(shortcut) ?? []), user]);
  };

  for (const accelerator of roleAccelerators(platform)) add(accelerator, `role:${accelerator}`);
  for (const command of registry) {
    const accelerator = acceleratorOf(command, isMac);
    if (accelerator !== undefined) add(accelerator, command.id);
  }
  return [...users].filter(([, list]) => list.length > 1).map(([shortcut, list]) => ({ shortcut, users: list }));
}
