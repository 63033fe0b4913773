/**
 * Preload: exposes the platform API to the renderer under `window.steerwise`. Each method
 * calls one fixed channel; there is no generic invoke, so the renderer can reach no other
 * channel. Runs sandboxed, so it is bundled into one CommonJS file that requires only
 * `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { fail } from '../../shared/errors';
import type { Result } from '../../shared/errors';
import { ipcChannels, ipcEvents, platformGlobalName } from '../../shared/ipc/contract';
import type { BackupRun, OpenedFile, PlatformApi } from '../../shared/ipc/contract';

/**
 * Calls a channel and resolves to its `Result`. `invoke` rejects only when the main process
 * has no handler or the arguments cannot be cloned. That rejection becomes `unexpected` too, so
 * the API never rejects.
 */
async function invokeResult<T>(channel: string, ...args: unknown[]): Promise<Result<T>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as Result<T>;
  } catch (error) {
    return fail('unexpected', { channel }, error instanceof Error ? error.message : String(error));
  }
}

const api: PlatformApi = {
  host: 'electron',
  openFile: (request) => invokeResult(ipcChannels.openFile, request),
  saveFile: (request) => invokeResult(ipcChannels.saveFile, request),
  printToPdf: (request) => invokeResult(ipcChannels.printToPdf, request),
  log: (level, message, context) => {
    ipcRenderer.send(ipcChannels.log, context === undefined ? { level, message } : { level, message, context });
  },
  appInfo: () => invokeResult(ipcChannels.appInfo),
  onOpenFileRequest: (listener) =>
    subscribe(
      ipcEvents.openFileRequest,
      (payload) => {
        listener(payload as Result<OpenedFile>);
      },
      ipcChannels.openFileRequestsReady,
    ),
  recentFiles: () => invokeResult(ipcChannels.recentFiles),
  openRecentFile: (path) => invokeResult(ipcChannels.openRecentFile, path),
  listBackups: () => invokeResult(ipcChannels.listBackups),
  saveBackup: (backup) => invokeResult(ipcChannels.saveBackup, backup),
  readBackup: (portfolioId, fileName) => invokeResult(ipcChannels.readBackup, portfolioId, fileName),
  onBackupRun: (listener) =>
    subscribe(ipcEvents.backupRun, (payload) => {
      listener(payload as BackupRun);
    }),
  finishBackups: (requestId) => {
    ipcRenderer.send(ipcChannels.finishBackups, requestId);
  },
  openLogsFolder: () => invokeResult(ipcChannels.openLogsFolder),
  diagnosticsInfo: () => invokeResult(ipcChannels.diagnosticsInfo),
  copyText: (text) => invokeResult(ipcChannels.copyText, text),
  onMenuCommand: (listener) =>
    subscribe(ipcEvents.menuCommand, (payload) => {
      if (typeof payload === 'string') listener(payload);
    }),
};

/**
 * Listens to one main-process event and passes only its payload on, never the IPC event, which
 * would give the page `sender` and a way to send on any channel. `readyChannel`, when given, is
 * sent after the listener is attached so the main process can send what it queued.
 */
function subscribe(channel: string, listener: (payload: unknown) => void, readyChannel?: string): () => void {
  const handler = (_event: unknown, payload: unknown): void => {
    listener(payload);
  };
  ipcRenderer.on(channel, handler);
  if (readyChannel !== undefined) {
    ipcRenderer.send(readyChannel);
  }
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

contextBridge.exposeInMainWorld(platformGlobalName, api);
