import { acceleratorOf, commands } from '@shared/commands/registry';
import type { CommandDefinition } from '@shared/commands/registry';
import { canonicalShortcut, matchesShortcut } from '@shared/commands/accelerators';
import type { ShortcutKeyEvent } from '@shared/commands/accelerators';

/** Whether the renderer runs on macOS, where `CmdOrCtrl` means the Command key. */
export const isMacPlatform = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Returns the command whose shortcut `event` presses, or `undefined`. */
export function commandForKeyEvent(event: ShortcutKeyEvent): CommandDefinition | undefined {
  return commands.find((command) => {
    const accelerator = acceleratorOf(command, isMacPlatform);
    return accelerator !== undefined && matchesShortcut(event, accelerator, isMacPlatform);
  });
}

/** Returns the shortcut of `command` as the palette shows it, such as `Ctrl+K`, or `null`. */
export function shortcutLabel(command: CommandDefinition): string | null {
  const accelerator = acceleratorOf(command, isMacPlatform);
  return accelerator === undefined ? null : canonicalShortcut(accelerator, isMacPlatform);
}
