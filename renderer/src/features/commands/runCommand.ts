/**
 * Actions of the registry's commands in the renderer. The menu, the shortcuts and the
 * palette all call `runCommand`, so a command behaves the same whichever way it starts.
 */
import type { TFunction } from 'i18next';
import { findCommand, isCommandEnabled, navigationCommandTargets } from '@shared/commands/registry';
import type { NavigationCommandTarget } from '@shared/commands/registry';
import { ok } from '@shared/errors';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import { fileExtension } from '@shared/file';
import { describeAppError } from '../../errorMessage';
import { i18next } from '../../i18n';
import { platform } from '../../platform';
import { copyDiagnostics } from '../diagnostics/diagnostics';
import { useUiStore } from '../../state/uiStore';
import { useIncomingFileStore } from '../fileOpening/incomingFile';
import { usePaletteStore } from './paletteStore';

function isNavigationTarget(target: string): target is NavigationCommandTarget {
  return (navigationCommandTargets as readonly string[]).includes(target);
}

/**
 * Runs the command `commandId`. Unknown ids and commands this host cannot run are logged and
 * ignored, because a menu of another app version may send an id this renderer lacks.
 */
export function runCommand(commandId: string, t: TFunction): void {
  const command = findCommand(commandId);
  if (command === undefined || !isCommandEnabled(command, platform.host)) {
    platform.log('warn', 'Command ignored', { commandId, host: platform.host });
    return;
  }
  const { navigate } = useUiStore.getState();

  if (commandId.startsWith('navigate.')) {
    const target = commandId.slice('navigate.'.length);
    if (isNavigationTarget(target)) navigate({ name: target });
    return;
  }

  switch (commandId) {
    case 'view.commandPalette':
      usePaletteStore.getState().setOpen(true);
      return;
    case 'file.newPortfolio':
      navigate({ name: 'portfolios', focusCreate: true });
      return;
    case 'help.openLogsFolder':
      void platform.openLogsFolder().then((opened) => {
        if (!opened.ok) usePaletteStore.getState().setNotice({ kind: 'error', text: describeAppError(t, opened.error) });
      });
      return;
    case 'help.copyDiagnostics':
      void copyDiagnostics(t, i18next.language).then((copied) => {
        usePaletteStore
          .getState()
          .setNotice(copied.ok ? { kind: 'success', text: t('diagnostics.copied') } : { kind: 'error', text: describeAppError(t, copied.error) });
      });
      return;
    case 'file.backups':
      navigate({ name: 'backups' });
      return;
    case 'file.openPortfolioFile':
      openPortfolioFile(t);
      return;
    default:
      platform.log('warn', 'Command has no action in the renderer', { commandId });
  }
}

/** Asks for a portfolio file and sends it to the Sync screen's import preview, as a file opened by the OS is. */
function openPortfolioFile(t: TFunction): void {
  // Called synchronously from the key press or click, because a browser opens its file picker only during a user gesture.
  const opening = platform.openFile({
    title: t('sync.openDialogTitle'),
    filters: [{ name: t('sync.fileFilter'), extensions: [fileExtension.slice(1)] }],
    maxBytes: maxOpenFileBytes,
  });
  void opening.then((opened) => {
    const { offer } = useIncomingFileStore.getState();
    if (!opened.ok) {
      offer(opened);
    } else if (opened.value !== null) {
      offer(ok(opened.value));
    } else {
      return;
    }
    useUiStore.getState().navigate({ name: 'sync' });
  });
}
