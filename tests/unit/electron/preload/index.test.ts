import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, platformGlobalName } from '../../../../shared/ipc/contract';
import type { PlatformApi } from '../../../../shared/ipc/contract';
import { errorOf } from '../../../support/node/results';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn() },
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
});

describe('preload API', () => {
  it('exposes only the platform methods', () => {
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'host', 'log', 'openFile', 'printToPdf', 'saveFile']);
    expect(api.host).toBe('electron');
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
