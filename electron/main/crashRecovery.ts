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
    forcefullyCrashRenderer(): void;
  };
  close(): void;
  isDestroyed(): boolean;
}

/** Electron's `dialog.showMessageBox`, bound to the window in the app. `signal` closes the dialog. */
export type ShowMessageBox = (options: MessageBoxOptions) => Promise<{ response: number }>;

/** The dialog on screen: which one, the abort controller that closes it and a promise that settles when it has closed. */
interface OpenDialog {
  readonly kind: 'crash' | 'hang';
  readonly controller: AbortController;
  readonly closed: Promise<unknown>;
}

/**
 * Offers a reload when the page's process ends abnormally, and when the page hangs. A hang
 * dialog closes by itself when the page responds again, and gives way to a crash dialog when
 * the page's process ends meanwhile. One dialog shows at a time.
 */
export function attachCrashRecovery(window: RecoverableWindow, showMessageBox: ShowMessageBox, logger: Logger): void {
  let openDialog: OpenDialog | undefined;
  // Set while the app itself ends a hung page's process, so that end shows no crash dialog.
  let endingHungRenderer = false;

  /** Shows a dialog and resolves its response, or `undefined` when another dialog is already open. */
  const ask = (kind: OpenDialog['kind'], options: MessageBoxOptions): Promise<number | undefined> => {
    if (openDialog !== undefined) return Promise.resolve(undefined);
    const controller = new AbortController();
    const response = showMessageBox({ ...options, signal: controller.signal })
      .then((result) => result.response)
      .finally(() => {
        if (openDialog === dialog) openDialog = undefined;
      });
    const dialog: OpenDialog = { kind, controller, closed: response.catch(() => undefined) };
    openDialog = dialog;
    return response;
  };

  const showCrashDialog = async (): Promise<void> => {
    const hang = openDialog?.kind === 'hang' ? openDialog : undefined;
    if (hang !== undefined) {
      hang.controller.abort();
      await hang.closed;
    }
    const texts = desktopMessagesEn.rendererGone;
    const response = await ask('crash', {
      type: 'error',
      title: texts.title,
      message: texts.message,
      detail: texts.detail,
      buttons: [texts.reload, texts.close],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (window.isDestroyed()) return;
    if (response === 0) {
      logger.info('Reloading after the renderer process was gone');
      window.webContents.reload();
    } else if (response === 1) {
      window.close();
    }
  };

  window.webContents.on('render-process-gone', (_event, details) => {
    // `clean-exit` is a normal end, such as the window closing.
    if (details.reason === 'clean-exit') return;
    if (endingHungRenderer) {
      endingHungRenderer = false;
      logger.info('Renderer process ended to reload the unresponsive window', { reason: details.reason });
      return;
    }
    logger.error('Renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    void showCrashDialog();
  });

  window.on('unresponsive', () => {
    logger.warn('Window unresponsive');
    const texts = desktopMessagesEn.unresponsive;
    void ask('hang', {
      type: 'warning',
      title: texts.title,
      message: texts.message,
      detail: texts.detail,
      buttons: [texts.wait, texts.reload],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    }).then((response) => {
      if (response !== 1 || window.isDestroyed()) return;
      logger.info('Reloading an unresponsive window');
      // A plain reload would run in the hung process. Ending the process first makes the reload
      // start a new one, which Electron 41's documentation of `forcefullyCrashRenderer`
      // recommends for recovering from `unresponsive`.
      endingHungRenderer = true;
      window.webContents.forcefullyCrashRenderer();
      window.webContents.reload();
    });
  });

  window.on('responsive', () => {
    logger.info('Window responsive again');
    if (openDialog?.kind === 'hang') openDialog.controller.abort();
  });
}
