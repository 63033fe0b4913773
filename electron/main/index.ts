/**
 * Main process entry: wires Electron to the plain modules beside it. Logic belongs in those
 * modules, where it is tested without the Electron binary.
 */
import { release } from 'node:os';
import { join } from 'node:path';
import { ipcEvents } from '../../shared/ipc/contract';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { resolveAppPage } from './appPage';
import { createBackupRuns } from './backupRuns';
import { attachCrashRecovery } from './crashRecovery';
import { buildDevContentSecurityPolicy, productionContentSecurityPolicy } from './csp';
import { createFileOpenRouter, extractPortfolioFilePaths, registerFileOpeningEvents } from './fileOpening';
import { registerIpcHandlers } from './ipc';
import { createLogger } from './logger';
import { buildMenuTemplate } from './menu';
import { logProcessErrors } from './processErrors';
import { createQuitGuard } from './quitGuard';
import type { QuitGuard } from './quitGuard';
import { createRecentFiles } from './recentFiles';
import { buildWindowOptions, hardenSession, hardenWebContents, windowSizeLimits } from './window';
import { initialWindowBounds, loadWindowState, trackWindowState } from './windowState';
import type { WindowStateTracker } from './windowState';

// The bundle is `out/main/index.js`, beside `out/preload` and `out/renderer`.
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererHtmlPath = join(import.meta.dirname, '../renderer/index.html');

// The dev server URL is honoured only when running from sources, so an environment variable
// cannot point the installed app at another page.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const appPage = resolveAppPage({ rendererHtmlPath, devServerUrl });
const contentSecurityPolicy = devServerUrl === undefined ? productionContentSecurityPolicy : buildDevContentSecurityPolicy(devServerUrl);

const userDataFolder = app.getPath('userData');
const windowStatePath = join(userDataFolder, 'window-state.json');
const backupsFolder = join(userDataFolder, 'backups');

const logsFolder = join(userDataFolder, 'logs');
const logLevel = app.isPackaged ? 'info' : 'debug';
// One file per process: the renderer's entries arrive over IPC and go to their own file.
const logger = createLogger({ filePath: join(logsFolder, 'main.log'), minLevel: logLevel });
const rendererLogger = createLogger({ filePath: join(logsFolder, 'renderer.log'), minLevel: logLevel, tag: 'renderer' });
logProcessErrors(process, logger);

/** Maximum time quitting waits for the window state and the last backups, in milliseconds. */
const quitTimeoutMs = 15_000;
/** Maximum time the renderer has to write the backups on quit, below `quitTimeoutMs` so the log records a timeout. */
const quitBackupTimeoutMs = 12_000;
/** Time between checks whether a daily backup is due, and the renderer's time limit for one, in milliseconds. */
const dailyBackupCheckMs = 60 * 60 * 1000;
const dailyBackupTimeoutMs = 10 * 60 * 1000;
/** Delay of the first check after start, so the backup does not compete with opening the portfolio, in milliseconds. */
const firstDailyBackupCheckMs = 2 * 60 * 1000;

let mainWindow: BrowserWindow | undefined;
let windowStateTracker: WindowStateTracker | undefined;
let appReady = false;
let quitGuard: QuitGuard | undefined;

const recentFiles = createRecentFiles({
  filePath: join(userDataFolder, 'recent-files.json'),
  platform: process.platform,
  logger,
  onChange: () => {
    if (appReady) refreshMenu();
  },
});

/** Puts a portfolio file opened or saved by the user on the recent files lists of the app and the OS. */
function rememberPortfolioFile(path: string): void {
  void recentFiles.add(path);
  app.addRecentDocument(path);
}

const backupRuns = createBackupRuns({
  logger,
  send: (run) => {
    // A crashed page keeps its web contents, but a request sent to it would only time out.
    if (mainWindow === undefined || mainWindow.webContents.isDestroyed() || mainWindow.webContents.isCrashed()) return false;
    mainWindow.webContents.send(ipcEvents.backupRun, run);
    return true;
  },
});

const fileOpenRouter = createFileOpenRouter({
  logger,
  send: (file) => {
    mainWindow?.webContents.send(ipcEvents.openFileRequest, file);
  },
  onFileRead: rememberPortfolioFile,
});

// Sandbox every renderer, including any the hardening below fails to catch.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerFileOpeningEvents({ app, router: fileOpenRouter, isPackaged: app.isPackaged, platform: process.platform, showWindow });
  fileOpenRouter.open(extractPortfolioFilePaths(process.argv, { isPackaged: app.isPackaged, workingDirectory: process.cwd(), platform: process.platform }));

  quitGuard = createQuitGuard({ app, logger, timeoutMs: quitTimeoutMs });
  quitGuard.addTask('window state', () => windowStateTracker?.flush() ?? Promise.resolve());
  quitGuard.addTask('backups', () => backupRuns.request('quit', quitBackupTimeoutMs));

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, appPage.isAppPage, logger);
  });

  app.on('window-all-closed', () => {
    // On macOS an app stays open without windows until the user quits it.
    if (process.platform !== 'darwin') {
      app.quit();
    }
  });

  app
    .whenReady()
    .then(async () => {
      logger.info('App started', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform });
      hardenSession(session.defaultSession, contentSecurityPolicy, logger);
      registerIpcHandlers({
        ipcMain,
        dialogs: {
          showOpenDialog: (options) => (mainWindow === undefined ? dialog.showOpenDialog(options) : dialog.showOpenDialog(mainWindow, options)),
          showSaveDialog: (options) => (mainWindow === undefined ? dialog.showSaveDialog(options) : dialog.showSaveDialog(mainWindow, options)),
        },
        isAppPage: appPage.isAppPage,
        appVersion: app.getVersion(),
        logger,
        defaultSaveFolder: app.getPath('documents'),
        onOpenFileRequestsReady: () => {
          fileOpenRouter.markRendererReady();
        },
        onPortfolioFileUsed: rememberPortfolioFile,
        recentFiles: {
          list: () => recentFiles.list(),
          open: (path) => {
            fileOpenRouter.open([path]);
          },
        },
        backupsFolder,
        rendererLogger,
        logsFolder,
        logFiles: ['main.log', 'main.log.1', 'renderer.log', 'renderer.log.1'].map((name) => join(logsFolder, name)),
        versions: {
          app: app.getVersion(),
          electron: process.versions.electron,
          chrome: process.versions.chrome,
          node: process.versions.node,
          os: `${process.platform} ${getSystemVersion()} ${process.arch}`,
        },
        openPath: (path) => shell.openPath(path),
        writeClipboardText: (text) => {
          clipboard.writeText(text);
        },
        onBackupsFinished: (requestId) => {
          backupRuns.finish(requestId);
        },
      });
      await recentFiles.load();
      appReady = true;
      refreshMenu();
      await createMainWindow();
      // The renderer backs up only portfolios whose newest backup is a day old, so an hourly check is cheap.
      const requestDailyBackups = () => {
        void backupRuns.request('daily', dailyBackupTimeoutMs);
      };
      setTimeout(requestDailyBackups, firstDailyBackupCheckMs).unref();
      setInterval(requestDailyBackups, dailyBackupCheckMs).unref();

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) {
          void createMainWindow();
        }
      });
    })
    .catch((error: unknown) => {
      logger.error('App start failed', { cause: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      app.exit(1);
    });

  app.on('quit', (_event, exitCode) => {
    logger.info('App quit', { exitCode });
  });
}

/** Opens the app's window where it was last closed, if that place is still on a display. */
async function createMainWindow(): Promise<void> {
  const saved = await loadWindowState(windowStatePath, logger);
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = initialWindowBounds(saved, workAreas, windowSizeLimits);

  // Electronegativity cannot see into `buildWindowOptions`, which sets contextIsolation, sandbox and
  // disables Auxclick; window.test.ts enumerates every web preference it sets.
  const window = new BrowserWindow(buildWindowOptions(preloadPath, bounds)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  mainWindow = window;
  windowStateTracker = trackWindowState(window, windowStatePath, logger);
  // After the tracker, so the bounds are saved before the guard hides the closing window.
  quitGuard?.guardWindowClose(window);
  attachCrashRecovery(window, (options) => dialog.showMessageBox(window, options), logger);
  window.once('ready-to-show', () => {
    if (bounds.isMaximized) {
      window.maximize();
    }
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) {
      mainWindow = undefined;
      fileOpenRouter.markRendererNotReady();
    }
  });
  // A reload or a crashed page listens again before it receives files, so queue until then.
  window.webContents.on('did-start-loading', () => {
    fileOpenRouter.markRendererNotReady();
  });

  window.loadURL(appPage.url).catch((error: unknown) => {
    logger.error('Loading the app page failed', { url: appPage.url, cause: error instanceof Error ? error.message : String(error) });
  });
}

/** Brings the app's window to the front, creating it when the app is ready and has none. */
function showWindow(): void {
  if (mainWindow === undefined) {
    if (appReady) {
      void createMainWindow();
    }
    return;
  }
  if (mainWindow.isMinimized()) {
    mainWindow.restore();
  }
  mainWindow.show();
  mainWindow.focus();
}

/** Builds the application menu from the command registry; called again when its contents change. */
function refreshMenu(): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    sendCommand: (commandId) => {
      showWindow();
      mainWindow?.webContents.send(ipcEvents.menuCommand, commandId);
    },
    recentFiles: recentFiles.list(),
    openRecentFile: (path) => {
      fileOpenRouter.open([path]);
      showWindow();
    },
    clearRecentFiles: () => {
      void recentFiles.clear();
      app.clearRecentDocuments();
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Returns the OS version, as `process.getSystemVersion()` reports it where Electron provides it. */
function getSystemVersion(): string {
  return typeof process.getSystemVersion === 'function' ? process.getSystemVersion() : release();
}
