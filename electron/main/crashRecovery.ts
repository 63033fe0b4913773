/**
 * Recovery from a crashed or hung page: a native dialog offers to reload the window. The data
 * lives in IndexedDB and every change is committed when made, so a reload loses only what was
 * typed and not yet saved.
 */
import type { MessageBoxOptions } from 'electron';
import { desktopMessagesEn } from '../../shared/desktopMessages.en';
import type { Logger } from './logger';

/** The part of Electron's `BrowserWindow` the recovery uses. */
export interface RecoverableWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  readonly webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    reload(): void;
  };
  close(): void;
  isDestroyed(): boolean;
}

/** Electron's `dialog.showMessageBox`, bound to the window in the app. `signal` closes the dialog. */
export type ShowMessageBox = (options: MessageBoxOptions) => Promise<{ response: number }>;

/**
 * Offers a reload when the page's process ends abnormally, and when the page hangs. A hang
 * dialog closes by itself when the page responds again. One dialog shows at a time.
 */
export function attachCrashRecovery(window: RecoverableWindow, showMessageBox: ShowMessageBox, logger: Logger): void {
  let dialogOpen = false;
  let hangDialog: AbortController | undefined;

  const ask = async (options: MessageBoxOptions): Promise<number | undefined> => {
    if (dialogOpen) return undefined;
    dialogOpen = true;
    try {
      return (await showMessageBox(options)).response;
    } finally {
      dialogOpen = false;
    }
  };

  window.webContents.on('render-process-gone', (_event, details) => {
    // `clean-exit` is a normal end, such as the window closing.
    if (details.reason === 'clean-exit') return;
    logger.error('Renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    const texts = desktopMessagesEn.rendererGone;
    void ask({
      type: 'error',
      title: texts.title,
      message: texts.message,
      detail: texts.detail,
      buttons: [texts.reload, texts.close],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    }).then((response) => {
      if (window.isDestroyed()) return;
      if (response === 0) {
        logger.info('Reloading after the renderer process was gone');
        window.webContents.reload();
      } else if (response === 1) {
        window.close();
      }
    });
  });

  window.on('unresponsive', () => {
    logger.warn('Window unresponsive');
    const texts = desktopMessagesEn.unresponsive;
    hangDialog = new AbortController();
    void ask({
      type: 'warning',
      title: texts.title,
      message: texts.message,
      detail: texts.detail,
      buttons: [texts.wait, texts.reload],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      signal: hangDialog.signal,
    }).then((response) => {
      hangDialog = undefined;
      if (response === 1 && !window.isDestroyed()) {
        logger.info('Reloading an unresponsive window');
        window.webContents.reload();
      }
    });
  });

  window.on('responsive', () => {
    logger.info('Window responsive again');
    hangDialog?.abort();
  });
}
