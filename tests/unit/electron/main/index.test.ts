/**
 * Wiring of the main process entry against a fake `electron` module: the Electron binary
 * cannot run here, so this checks the calls the entry makes and the order it makes them in.
 */
import { EventEmitter } from 'node:events';
import type * as NodeEvents from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, ipcEvents } from '../../../../shared/ipc/contract';
import { buildDevContentSecurityPolicy, productionContentSecurityPolicy } from '../../../../electron/main/csp';

interface FakeWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly loadedUrls: string[];
  readonly webContents: EventEmitter & { readonly sent: { channel: string; payload: unknown }[]; crashed: boolean };
  shown: boolean;
  destroyed: boolean;
  close(): void;
}

const fake = vi.hoisted(() => {
  // The factory runs before imports, so it builds everything from `require`d Node modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- vi.hoisted runs before ES imports.
  const { EventEmitter: Emitter } = require('node:events') as typeof NodeEvents;
  const state = {
    calls: [] as string[],
    userData: '',
    isPackaged: true,
    singleInstance: true,
    windows: [] as FakeWindow[],
    handledChannels: [] as string[],
    sentChannels: [] as string[],
    menuTemplate: [] as unknown[],
    sendListeners: new Map<string, (event: { senderFrame: { url: string } }, ...args: unknown[]) => void>(),
    headersListener: undefined as undefined | ((details: object, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void),
  };

  class BrowserWindow extends Emitter {
    readonly options: Record<string, unknown>;
    readonly loadedUrls: string[] = [];
    readonly webContents = Object.assign(new Emitter(), {
      sent: [] as { channel: string; payload: unknown }[],
      send(channel: string, payload: unknown) {
        this.sent.push({ channel, payload });
      },
      crashed: false,
      isDestroyed: () => this.destroyed,
      isCrashed(): boolean {
        return this.crashed;
      },
    });
    shown = false;
    destroyed = false;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      state.calls.push('new BrowserWindow');
      state.windows.push(this);
    }
    static getAllWindows(): unknown[] {
      return state.windows;
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    isMinimized(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return false;
    }
    maximize(): void {
      state.calls.push('maximize');
    }
    getNormalBounds() {
      return { x: Number(this.options['x'] ?? 0), y: Number(this.options['y'] ?? 0), width: Number(this.options['width']), height: Number(this.options['height']) };
    }
    restore(): void {}
    focus(): void {}
    hide(): void {
      this.shown = false;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    /** Closes as Electron does: `close` can be prevented, and the last window closed emits `window-all-closed`. */
    close(): void {
      if (this.destroyed) return;
      const closeEvent = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      this.emit('close', closeEvent);
      if (closeEvent.prevented) return;
      this.destroyed = true;
      this.emit('closed');
      state.windows = state.windows.filter((window) => window !== this);
      if (state.windows.length === 0) app.emit('window-all-closed');
    }
  }

  const app = Object.assign(new Emitter(), {
    getPath: (name: string) => (name === 'userData' ? state.userData : `/home/user/${name}`),
    getVersion: () => '9.8.7',
    enableSandbox: () => {
      state.calls.push('enableSandbox');
    },
    requestSingleInstanceLock: () => state.singleInstance,
    whenReady: () => {
      state.calls.push('whenReady');
      return Promise.resolve();
    },
    quit: () => {
      state.calls.push('quit');
    },
    exit: () => {
      state.calls.push('exit');
    },
    addRecentDocument: (path: string) => {
      state.calls.push(`addRecentDocument ${path}`);
    },
    clearRecentDocuments: () => {
      state.calls.push('clearRecentDocuments');
    },
  });

  // A getter, so each test can set `state.isPackaged` before importing the entry.
  Object.defineProperty(app, 'isPackaged', { get: () => state.isPackaged });

  const electron = {
    app,
    BrowserWindow,
    shell: { openPath: () => Promise.resolve('') },
    clipboard: { writeText: () => undefined },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => {
        state.calls.push('setApplicationMenu');
        state.menuTemplate = menu.template;
      },
    },
    dialog: { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }), showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }) },
    ipcMain: {
      handle: (channel: string) => {
        state.handledChannels.push(channel);
      },
      on: (channel: string, listener: (event: { senderFrame: { url: string } }, ...args: unknown[]) => void) => {
        state.sentChannels.push(channel);
        state.sendListeners.set(channel, listener);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {
          state.calls.push('setPermissionRequestHandler');
        },
        setPermissionCheckHandler: () => {
          state.calls.push('setPermissionCheckHandler');
        },
        webRequest: {
          onHeadersReceived: (listener: NonNullable<typeof state.headersListener>) => {
            state.headersListener = listener;
          },
        },
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);
// Each test imports the entry again, so the real listeners would pile up on this test's process.
const processErrors = vi.hoisted(() => ({ targets: [] as unknown[] }));
vi.mock('../../../../electron/main/processErrors', () => ({
  logProcessErrors: (target: unknown) => {
    processErrors.targets.push(target);
  },
}));

let userData: string;

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'steerwise-main-'));
  Object.assign(fake.state, {
    calls: [],
    userData,
    isPackaged: true,
    singleInstance: true,
    windows: [],
    handledChannels: [],
    sentChannels: [],
    sendListeners: new Map(),
    menuTemplate: [],
    headersListener: undefined,
  });
  fake.electron.app.removeAllListeners();
  vi.resetModules();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(userData, { recursive: true, force: true });
});

/** Imports the entry fresh and lets its `whenReady` continuation run until the window exists. */
async function startMain(): Promise<void> {
  await import('../../../../electron/main/index');
  if (!fake.state.singleInstance) return;
  await vi.waitFor(() => {
    expect(fake.state.calls).toContain('new BrowserWindow');
  });
}

function policyHeaderAfterStart(): string[] | undefined {
  let headers: Record<string, string[]> | undefined;
  fake.state.headersListener?.({ responseHeaders: {} }, (response) => {
    headers = response.responseHeaders;
  });
  return headers?.['Content-Security-Policy'];
}

describe('main process entry', () => {
  it('enables the sandbox before the app is ready', async () => {
    await startMain();

    expect(fake.state.calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(fake.state.calls.indexOf('enableSandbox')).toBeLessThan(fake.state.calls.indexOf('whenReady'));
  });

  it('hardens the session before creating the window', async () => {
    await startMain();

    expect(fake.state.calls.indexOf('setPermissionRequestHandler')).toBeLessThan(fake.state.calls.indexOf('new BrowserWindow'));
    expect(fake.state.calls).toContain('setPermissionCheckHandler');
  });

  it('registers every IPC channel', async () => {
    await startMain();

    expect([...fake.state.handledChannels, ...fake.state.sentChannels].sort()).toEqual(Object.values(ipcChannels).sort());
  });

  it('opens one sandboxed window on the built page', async () => {
    await startMain();

    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0]!;
    expect(window.loadedUrls).toHaveLength(1);
    expect(window.loadedUrls[0]).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    expect((window.options['webPreferences'] as Record<string, unknown>)['sandbox']).toBe(true);
    expect(String((window.options['webPreferences'] as Record<string, unknown>)['preload'])).toMatch(/preload[/\\]index\.cjs$/);
  });

  it('shows the window when it is ready', async () => {
    await startMain();
    const window = fake.state.windows[0]!;

    window.emit('ready-to-show');

    expect(window.shown).toBe(true);
  });

  it('ignores the dev server URL when packaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');

    await startMain();

    expect(fake.state.windows[0]?.loadedUrls[0]).toMatch(/^file:/);
    expect(policyHeaderAfterStart()).toEqual([productionContentSecurityPolicy]);
  });

  it('loads the dev server when unpackaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    fake.state.isPackaged = false;

    await startMain();

    expect(fake.state.windows[0]?.loadedUrls).toEqual(['http://localhost:5173/']);
    expect(policyHeaderAfterStart()).toEqual([buildDevContentSecurityPolicy('http://localhost:5173/')]);
  });

  it('hardens every web contents created', async () => {
    await startMain();
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => void };
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    contents.setWindowOpenHandler = (handler) => {
      openHandler = handler;
    };
    const preventNavigation = vi.fn();

    fake.electron.app.emit('web-contents-created', {}, contents);
    contents.emit('will-navigate', { url: 'https://example.com/', preventDefault: preventNavigation });

    expect(preventNavigation).toHaveBeenCalledOnce();
    expect(openHandler?.({ url: 'https://example.com/' }).action).toBe('deny');
  });

  it('quits when the last window closes off macOS', async () => {
    await startMain();

    fake.electron.app.emit('window-all-closed');

    expect(fake.state.calls).toContain('quit');
  });

  it('stays open without windows on macOS', async () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('darwin');
    await startMain();

    fake.electron.app.emit('window-all-closed');

    expect(fake.state.calls).not.toContain('quit');
    platform.mockRestore();
  });

  it('quits a second instance without a window', async () => {
    fake.state.singleInstance = false;

    await startMain();

    expect(fake.state.calls).toContain('quit');
    expect(fake.state.windows).toHaveLength(0);
  });

  it('sends the file of a second launch once the page listens', async () => {
    const filePath = join(userData, 'q3.steerwise');
    await writeFile(filePath, 'PK');
    await startMain();
    const window = fake.state.windows[0]!;

    fake.electron.app.emit('second-instance', {}, ['/opt/Steerwise/steerwise', filePath], userData);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.webContents.sent).toEqual([]);

    const ready = fake.state.sendListeners.get(ipcChannels.openFileRequestsReady);
    ready?.({ senderFrame: { url: window.loadedUrls[0]! } });
    await vi.waitFor(() => {
      expect(window.webContents.sent).toEqual([
        { channel: ipcEvents.openFileRequest, payload: { ok: true, value: { name: 'q3.steerwise', bytes: new Uint8Array([0x50, 0x4b]) } } },
      ]);
    });
  });

  it('ignores the ready message of a foreign page', async () => {
    const filePath = join(userData, 'q3.steerwise');
    await writeFile(filePath, 'PK');
    await startMain();
    const window = fake.state.windows[0]!;

    fake.electron.app.emit('second-instance', {}, ['/opt/Steerwise/steerwise', filePath], userData);
    fake.state.sendListeners.get(ipcChannels.openFileRequestsReady)?.({ senderFrame: { url: 'https://example.com/' } });
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(window.webContents.sent).toEqual([]);
  });

  it('sends a menu command to the page', async () => {
    await startMain();
    const window = fake.state.windows[0]!;
    const fileMenu = fake.state.menuTemplate.find((menu) => (menu as { label?: string }).label === 'File') as { submenu: { id?: string; click?: () => void }[] };

    fileMenu.submenu.find((item) => item.id === 'file.openPortfolioFile')?.click?.();

    expect(window.webContents.sent).toEqual([{ channel: ipcEvents.menuCommand, payload: 'file.openPortfolioFile' }]);
  });

  it('restores the saved window bounds', async () => {
    await writeFile(join(userData, 'window-state.json'), JSON.stringify({ x: 100, y: 80, width: 1280, height: 800, isMaximized: true }));

    await startMain();
    const window = fake.state.windows[0]!;
    window.emit('ready-to-show');

    expect(window.options).toMatchObject({ x: 100, y: 80, width: 1280, height: 800 });
    expect(fake.state.calls).toContain('maximize');
  });

  it('saves window and backups before quitting', async () => {
    await startMain();
    const window = fake.state.windows[0]!;
    let prevented = false;

    fake.electron.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    const backupRun = window.webContents.sent.find((message) => message.channel === ipcEvents.backupRun)?.payload as { requestId: string; reason: string };
    fake.state.sendListeners.get(ipcChannels.finishBackups)?.({ senderFrame: { url: window.loadedUrls[0]! } }, backupRun.requestId);

    expect(prevented).toBe(true);
    expect(backupRun.reason).toBe('quit');
    await vi.waitFor(() => {
      expect(fake.state.calls).toContain('quit');
    });
    // Electron's quit then closes the window, which needs no second backup.
    window.close();
    expect(window.destroyed).toBe(true);
    expect(window.webContents.sent.filter((message) => message.channel === ipcEvents.backupRun)).toHaveLength(1);
    await vi.waitFor(async () => {
      const saved = JSON.parse(await readFile(join(userData, 'window-state.json'), 'utf8')) as Record<string, unknown>;
      expect(saved).toEqual({ x: 0, y: 0, width: 1440, height: 900, isMaximized: false });
    });
  });

  it('backs up before the window closes', async () => {
    await startMain();
    const window = fake.state.windows[0]!;
    window.emit('ready-to-show');

    window.close();

    const backupRun = window.webContents.sent.find((message) => message.channel === ipcEvents.backupRun)?.payload as { requestId: string; reason: string } | undefined;
    expect(backupRun?.reason).toBe('quit');
    expect(window.destroyed).toBe(false);
    expect(window.shown).toBe(false);
    expect(fake.state.calls).not.toContain('quit');

    fake.state.sendListeners.get(ipcChannels.finishBackups)?.({ senderFrame: { url: window.loadedUrls[0]! } }, backupRun?.requestId);

    await vi.waitFor(() => {
      expect(window.destroyed).toBe(true);
    });
    expect(fake.state.calls).toContain('quit');
    const log = await readFile(join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).not.toContain('Backups timed out');
  });

  it('skips backups of a crashed page', async () => {
    await startMain();
    const window = fake.state.windows[0]!;
    window.webContents.crashed = true;

    window.close();

    await vi.waitFor(() => {
      expect(window.destroyed).toBe(true);
    });
    expect(window.webContents.sent.filter((message) => message.channel === ipcEvents.backupRun)).toEqual([]);
    const log = await readFile(join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('Backups skipped because no page is open or the page crashed');
  });

  it('lists an opened file under Open Recent', async () => {
    const filePath = join(userData, 'q3.steerwise');
    await writeFile(filePath, 'PK');
    await startMain();

    fake.electron.app.emit('second-instance', {}, ['/opt/Steerwise/steerwise', filePath], userData);
    fake.state.sendListeners.get(ipcChannels.openFileRequestsReady)?.({ senderFrame: { url: fake.state.windows[0]!.loadedUrls[0]! } });

    await vi.waitFor(() => {
      const fileMenu = fake.state.menuTemplate.find((menu) => (menu as { label?: string }).label === 'File') as { submenu: { label?: string; submenu?: { label?: string }[] }[] };
      const openRecent = fileMenu.submenu.find((item) => item.label === 'Open Recent');
      expect(openRecent?.submenu?.[0]?.label).toBe('q3.steerwise');
    });
    expect(fake.state.calls).toContain(`addRecentDocument ${filePath}`);
  });

  it('writes renderer entries to their own file', async () => {
    await startMain();
    const window = fake.state.windows[0]!;

    fake.state.sendListeners.get(ipcChannels.log)?.({ senderFrame: { url: window.loadedUrls[0]! } }, { level: 'error', message: 'Render failed' });

    expect(await readFile(join(userData, 'logs', 'renderer.log'), 'utf8')).toContain('"tag":"renderer","message":"Render failed"');
    expect(await readFile(join(userData, 'logs', 'main.log'), 'utf8')).not.toContain('Render failed');
  });

  it('logs failures of the main process', async () => {
    processErrors.targets.length = 0;

    await startMain();

    expect(processErrors.targets).toEqual([process]);
  });

  it('logs the start under the user data folder', async () => {
    await startMain();

    const log = await readFile(join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('"message":"App started"');
  });
});
