import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, ipcEvents, platformGlobalName } from '../../../../shared/ipc/contract';
import type { PlatformApi } from '../../../../shared/ipc/contract';
import { errorOf } from '../../../support/node/results';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

let api: PlatformApi;

beforeAll(async () => {
  await import('../../../../electron/preload/index');
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, PlatformApi];
  expect(name).toBe(platformGlobalName);
  api = exposed;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
  electron.ipcRenderer.send.mockReset();
  electron.ipcRenderer.on.mockReset();
  electron.ipcRenderer.removeListener.mockReset();
});

describe('preload API', () => {
  it('exposes only the platform methods', () => {
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'copyText',
      'diagnosticsInfo',
      'finishBackups',
      'host',
      'listBackups',
      'log',
      'onBackupRun',
      'onMenuCommand',
      'onOpenFileRequest',
      'openFile',
      'openLogsFolder',
      'openRecentFile',
      'printToPdf',
      'readBackup',
      'recentFiles',
      'saveBackup',
      'saveFile',
    ]);
    expect(api.host).toBe('electron');
  });

  it('subscribes to opened files, then reports ready', () => {
    const listener = vi.fn();

    api.onOpenFileRequest(listener);

    expect(electron.ipcRenderer.on).toHaveBeenCalledExactlyOnceWith(ipcEvents.openFileRequest, expect.any(Function));
    expect(electron.ipcRenderer.send).toHaveBeenCalledExactlyOnceWith(ipcChannels.openFileRequestsReady);
    expect(electron.ipcRenderer.on.mock.invocationCallOrder[0]).toBeLessThan(electron.ipcRenderer.send.mock.invocationCallOrder[0]!);
  });

  it('passes the opened file without the IPC event', () => {
    const listener = vi.fn();
    api.onOpenFileRequest(listener);
    const handler = electron.ipcRenderer.on.mock.calls[0]![1] as (event: unknown, payload: unknown) => void;
    const file = { ok: true, value: { name: 'q3.steerwise', bytes: new Uint8Array([1]) } };

    handler({ sender: 'the IPC event' }, file);

    expect(listener).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('removes the same handler on unsubscribe', () => {
    const unsubscribe = api.onOpenFileRequest(vi.fn());
    const handler = electron.ipcRenderer.on.mock.calls[0]![1] as unknown;

    unsubscribe();

    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(ipcEvents.openFileRequest, handler);
  });

  it('passes a menu command id on', () => {
    const listener = vi.fn();
    api.onMenuCommand(listener);
    const [channel, handler] = electron.ipcRenderer.on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void];

    handler({}, 'view.commandPalette');

    expect(channel).toBe(ipcEvents.menuCommand);
    expect(listener).toHaveBeenCalledExactlyOnceWith('view.commandPalette');
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('drops a menu command that is not a string', () => {
    const listener = vi.fn();
    api.onMenuCommand(listener);
    const handler = electron.ipcRenderer.on.mock.calls[0]![1] as (event: unknown, payload: unknown) => void;

    handler({}, { id: 'view.commandPalette' });

    expect(listener).not.toHaveBeenCalled();
  });

  it('sends openRecentFile with its path', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: undefined });

    await api.openRecentFile('/home/ana/q3.steerwise');

    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannels.openRecentFile, '/home/ana/q3.steerwise');
  });

  it('exposes the API once', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  });

  it('sends openFile on its own channel', async () => {
    const request = { title: 'Open', filters: [], maxBytes: 10 };
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null });

    const result = await api.openFile(request);

    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannels.openFile, request);
    expect(result).toEqual({ ok: true, value: null });
  });

  it('sends saveFile with its bytes', async () => {
    const request = { title: 'Save', suggestedName: 'a.steerwise', filters: [], bytes: new Uint8Array([1, 2]) };
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { name: '/home/u/a.steerwise' } });

    await api.saveFile(request);

    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannels.saveFile, request);
  });

  it('sends printToPdf on its own channel', async () => {
    const request = { title: 'Save PDF', suggestedName: 'pack.pdf', filters: [], pageSize: 'A4', landscape: false } as const;
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null });

    await api.printToPdf(request);

    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannels.printToPdf, request);
  });

  it('sends appInfo without arguments', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { version: '1.0.0', host: 'electron' } });

    await api.appInfo();

    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannels.appInfo);
  });

  it('turns a rejected invoke into a result', async () => {
    electron.ipcRenderer.invoke.mockRejectedValue(new Error("No handler registered for 'steerwise:app-info'"));

    const result = await api.appInfo();

    expect(errorOf(result).code).toBe('unexpected');
    expect(errorOf(result).detail).toEqual({ channel: ipcChannels.appInfo });
  });

  it('sends a log entry without an undefined context', () => {
    api.log('info', 'Screen opened');

    expect(electron.ipcRenderer.send).toHaveBeenCalledExactlyOnceWith(ipcChannels.log, { level: 'info', message: 'Screen opened' });
  });

  it('sends a log entry with its context', () => {
    api.log('error', 'Import failed', { rows: 3 });

    expect(electron.ipcRenderer.send).toHaveBeenCalledExactlyOnceWith(ipcChannels.log, { level: 'error', message: 'Import failed', context: { rows: 3 } });
  });
});
