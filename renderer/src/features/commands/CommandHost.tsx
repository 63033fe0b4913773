import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform';
import { CommandPalette } from './CommandPalette';
import { selectCommandNotice, selectPaletteOpen, selectSetCommandNotice, usePaletteStore } from './paletteStore';

/** Time a command notice stays on screen, in milliseconds. */
const noticeLifetimeMs = 8_000;
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
  const notice = usePaletteStore(selectCommandNotice);
  const setNotice = usePaletteStore(selectSetCommandNotice);

  useEffect(() => {
    if (notice === null) return;
    const timer = window.setTimeout(() => {
      setNotice(null);
    }, noticeLifetimeMs);
    return () => {
      window.clearTimeout(timer);
    };
  }, [notice, setNotice]);

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

  return (
    <>
      {paletteOpen ? <CommandPalette /> : null}
      {notice === null ? null : (
        <p className={`alert command-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="command-notice">
          {notice.text}
        </p>
      )}
    </>
  );
}
