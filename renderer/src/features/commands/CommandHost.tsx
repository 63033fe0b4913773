import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform';
import { CommandPalette } from './CommandPalette';
import { selectPaletteOpen, usePaletteStore } from './paletteStore';
import { runCommand } from './runCommand';
import { commandForKeyEvent } from './shortcuts';

/**
 * Runs commands from the application menu and, in a browser tab, from their shortcuts, and shows
 * the command palette. In the desktop app the menu owns the shortcuts: its accelerators send the
 * command here, so handling the key press too would run the command twice.
 */
export function CommandHost() {
  const { t } = useTranslation();
  const paletteOpen = usePaletteStore(selectPaletteOpen);

  useEffect(
    () =>
      platform.onMenuCommand((commandId) => {
        runCommand(commandId, t);
      }),
    [t],
  );

  useEffect(() => {
    if (platform.host === 'electron') return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const command = commandForKeyEvent(event);
      if (command === undefined) return;
      event.preventDefault();
      runCommand(command.id, t);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [t]);

  return paletteOpen ? <CommandPalette /> : null;
}
