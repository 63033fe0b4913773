/**
 * English texts of the native dialogs the main process shows. The renderer's translation file
 * includes them under `desktopDialogs`, and the main process reads them directly, because
 * i18next runs only in the renderer.
 */
export const desktopMessagesEn = {
  rendererGone: {
    title: 'Steerwise stopped',
    message: 'The Steerwise window stopped unexpectedly.',
    detail:
      'Every change is saved when you make it, so your saved data is safe. Reload the window to continue. If this happens again, use Help > Copy diagnostics and send the text to your support contact.',
    reload: 'Reload',
    close: 'Close window',
  },
  unresponsive: {
    title: 'Steerwise is not responding',
    message: 'The Steerwise window is not responding.',
    detail: 'A long task such as a large import may still finish. Wait for it, or reload the window; every change made before is saved.',
    wait: 'Wait',
    reload: 'Reload',
  },
} as const;
