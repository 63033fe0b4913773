/**
 * Browser-mode platform API: a file input for opening, a download for saving, and an
 * in-memory log. Used where the app runs in a plain browser tab instead of Electron.
 */
import { fail, ok } from '@shared/errors';
import type { Result } from '@shared/errors';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import type {
  AppInfo,
  FileFilter,
  LogLevel,
  OpenedFile,
  OpenFileRequest,
  PlatformApi,
  SavedFile,
  SaveFileRequest,
} from '@shared/ipc/contract';
import { version as packageVersion } from '../../../package.json';

/** One entry of the browser-mode log. */
export interface WebLogEntry {
  /** UTC ISO 8601 instant. */
  readonly time: string;
  readonly level: LogLevel;
  readonly message: string;
  readonly context?: Readonly<Record<string, string | number | boolean>>;
}

/** Number of entries the browser-mode log keeps; older entries are dropped first. */
export const webLogCapacity = 500;

/** How long a download's Blob URL stays valid, in milliseconds. Chromium starts the download well within it. */
const downloadUrlLifetimeMs = 60_000;

/**
 * Builds the `accept` attribute of a file input from dialog filters, for example
 * `.csv,.txt`. Returns an empty string, which accepts every file, when any filter has `*`.
 */
export function buildAcceptAttribute(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((filter) => filter.extensions);
  if (extensions.includes('*')) {
    return '';
  }
  return [...new Set(extensions.map((extension) => `.${extension.toLowerCase()}`))].join(',');
}

/** Creates the browser-mode platform API with its own log buffer. */
export function createWebPlatform(): PlatformApi & { readonly recentLogEntries: () => readonly WebLogEntry[] } {
  const logEntries: WebLogEntry[] = [];

  return {
    host: 'browser',
    openFile: openFileWithInput,
    saveFile: saveFileAsDownload,
    printToPdf: printWithDialog,
    log: (level, message, context) => {
      const entry: WebLogEntry = { time: new Date().toISOString(), level, message, ...(context === undefined ? {} : { context }) };
      logEntries.push(entry);
      if (logEntries.length > webLogCapacity) {
        logEntries.shift();
      }
      if (level === 'warn' || level === 'error') {
        // eslint-disable-next-line no-console -- a browser tab has no log file; the console is where a reviewer looks.
        console[level](`[steerwise] ${message}`, context ?? {});
      }
    },
    appInfo: () => Promise.resolve(ok<AppInfo>({ version: packageVersion, host: 'browser' })),
    // A browser tab is never asked by the operating system to open a file.
    onOpenFileRequest: () => () => undefined,
    // A browser tab has no application menu; shortcuts and the command palette run commands there.
    onMenuCommand: () => () => undefined,
    // A browser tab cannot reopen a file by its path, so it keeps no recent files.
    recentFiles: () => Promise.resolve(ok([])),
    openRecentFile: (path) => Promise.resolve(fail('file.notFound', { file: path })),
    // A browser tab has no user data folder, so the Backups screen explains that and links to export.
    listBackups: () => Promise.resolve(ok({ supported: false, backups: [], latestContentKeys: {} })),
    saveBackup: (backup) => Promise.resolve(fail('file.writeFailed', { file: backup.portfolioName }, 'A browser tab keeps no backups')),
    readBackup: (_portfolioId, fileName) => Promise.resolve(fail('file.notFound', { file: fileName })),
    onBackupRun: () => () => undefined,
    finishBackups: () => undefined,
    // A page cannot open a folder of the computer; the command is disabled in a browser tab.
    openLogsFolder: () => Promise.resolve(fail('logs.openFailed', { file: '' }, 'A browser tab has no logs folder')),
    diagnosticsInfo: () =>
      Promise.resolve(
        ok({
          versions: { app: packageVersion, browser: navigator.userAgent },
          recentProblems: logEntries
            .filter((entry) => entry.level === 'warn' || entry.level === 'error')
            .map((entry) => ({ time: entry.time, level: entry.level, tag: 'renderer', message: entry.message }))
            .reverse(),
        }),
      ),
    copyText: async (text) => {
      try {
        await navigator.clipboard.writeText(text);
        return ok(undefined);
      } catch (error) {
        return fail('clipboard.writeFailed', {}, error instanceof Error ? error.message : String(error));
      }
    },
    recentLogEntries: () => [...logEntries],
  };
}

/**
 * Opens one file through a hidden `<input type="file">`. Resolves `null` when the user closes
 * the picker without a file (the input's `cancel` event). Must be called from a user gesture
 * such as a click, because browsers ignore `click()` on a file input otherwise, and the
 * promise then never settles.
 */
function openFileWithInput(request: OpenFileRequest): Promise<Result<OpenedFile | null>> {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = buildAcceptAttribute(request.filters);
  input.hidden = true;
  document.body.append(input);

  return new Promise<Result<OpenedFile | null>>((resolve) => {
    const finish = (result: Result<OpenedFile | null>): void => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('cancel', () => {
      finish(ok(null));
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file === undefined) {
        finish(ok(null));
        return;
      }
      void readPickedFile(file, Math.min(request.maxBytes, maxOpenFileBytes)).then(finish);
    });
    input.click();
  });
}

/** Reads a picked file after checking its size, so an oversized file is never loaded. */
export async function readPickedFile(file: File, maxBytes: number): Promise<Result<OpenedFile>> {
  if (file.size > maxBytes) {
    return fail('file.tooLarge', { file: file.name, sizeBytes: file.size, maxBytes });
  }
  if (file.size === 0) {
    return fail('file.empty', { file: file.name });
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return ok({ name: file.name, bytes });
  } catch (error) {
    return fail('file.readFailed', { file: file.name }, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Opens the browser's print dialog on the page's print view, where the user picks "Save as PDF".
 * Chromium's `window.print()` returns once the dialog closes; the page cannot see whether a file
 * was saved, so the result is always `null`.
 */
function printWithDialog(): Promise<Result<SavedFile | null>> {
  try {
    window.print();
    return Promise.resolve(ok(null));
  } catch (error) {
    return Promise.resolve(fail('unexpected', { operation: 'print' }, error instanceof Error ? error.message : String(error)));
  }
}

/**
 * Saves by downloading a Blob under the suggested name. The browser decides the folder and
 * may rename the file, so the result contains only the suggested name. A page cannot observe
 * whether the user cancelled the download, so the result is never `null`.
 */
function saveFileAsDownload(request: SaveFileRequest): Promise<Result<SavedFile | null>> {
  try {
    // A copy, because `Blob` accepts only views backed by an `ArrayBuffer`, not a `SharedArrayBuffer`.
    const blob = new Blob([new Uint8Array(request.bytes)], { type: 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = request.suggestedName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, downloadUrlLifetimeMs);
    return Promise.resolve(ok({ name: request.suggestedName }));
  } catch (error) {
    return Promise.resolve(
      fail('file.writeFailed', { file: request.suggestedName }, error instanceof Error ? error.message : String(error)),
    );
  }
}
