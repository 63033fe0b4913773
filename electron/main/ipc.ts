/**
 * IPC handlers: one per channel of `ipcChannels`. Every handler checks that the message comes
 * from the app page, validates its arguments with zod, and resolves to a `Result`. No error
 * crosses the process boundary as an exception.
 */
import { basename, join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { z } from 'zod';
import { fail, ok } from '../../shared/errors';
import type { Result } from '../../shared/errors';
import { ipcChannels } from '../../shared/ipc/contract';
import type { FileFilter, PlatformApi, SaveFileRequest } from '../../shared/ipc/contract';
import { portfolioFileExtension } from './fileOpening';
import { readFileLimited, writeFileAtomic } from './files';
import { listBackups, readBackup, writeBackup } from './backups';
import { readRecentProblems } from './logReader';
import { logEntrySchema, newBackupSchema, openFileRequestSchema, printToPdfRequestSchema, saveFileRequestSchema } from './ipcSchemas';
import type { Logger } from './logger';
import { checkSavePath } from './savePath';

/** Options of Electron's `webContents.printToPDF` that the PDF print sets. */
export interface PdfPrintOptions {
  readonly pageSize: 'A4' | 'Letter';
  readonly landscape: boolean;
  readonly printBackground: boolean;
  readonly preferCSSPageSize: boolean;
  readonly generateDocumentOutline: boolean;
}

/** The part of an IPC event the handlers read: the sender's frame for the sender check, and its page for printing. */
export interface IpcSenderEvent {
  readonly senderFrame: { readonly url: string } | null;
  /** The sending page (Electron's `WebContents`); absent in tests that do not print. */
  readonly sender?: { printToPDF(options: PdfPrintOptions): Promise<Uint8Array> };
}

/** The part of Electron's `ipcMain` the handlers are registered on. */
export interface IpcRegistry {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => void): unknown;
}

/** Native file dialogs, already bound to the app window in the app. */
export interface FileDialogs {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface IpcDependencies {
  readonly ipcMain: IpcRegistry;
  readonly dialogs: FileDialogs;
  /** Whether a frame URL is the app page; messages from any other frame are rejected. */
  readonly isAppPage: (url: string) => boolean;
  /** Version reported by `appInfo`, from `app.getVersion()`. */
  readonly appVersion: string;
  readonly logger: Logger;
  /** Logger of the renderer's entries, writing its own file. Default: `logger` with the tag `renderer`. */
  readonly rendererLogger?: Logger;
  /** Folder the save dialog opens in, such as the user's documents folder. */
  readonly defaultSaveFolder?: string;
  readonly readFile?: typeof readFileLimited;
  readonly writeFile?: typeof writeFileAtomic;
  /** Called when the renderer starts listening for files the operating system requests to open. */
  readonly onOpenFileRequestsReady?: () => void;
  /** Called with the path of every `.steerwise` file opened or saved through the dialogs, for the recent files list. */
  readonly onPortfolioFileUsed?: (path: string) => void;
  /** The recent files list and the way to open one of its files. Without it the list is empty. */
  readonly recentFiles?: {
    list(): readonly string[];
    open(path: string): void;
  };
  /** Folder of the automatic backups, `<userData>/backups`. */
  readonly backupsFolder: string;
  /** Called when the renderer replies to a backup request. */
  readonly onBackupsFinished?: (requestId: string) => void;
  /** Clock for backup names. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** Folder of the log files, opened by "Open logs folder". */
  readonly logsFolder: string;
  /** Log files read for the diagnostics' recent problems, active files and their first rotated files. */
  readonly logFiles: readonly string[];
  /** Versions by component for the diagnostics, such as `process.versions` and the app version. */
  readonly versions: Readonly<Record<string, string>>;
  /** Electron's `shell.openPath`: resolves to an error message, or `''` on success. */
  readonly openPath: (path: string) => Promise<string>;
  /** Electron's `clipboard.writeText`. */
  readonly writeClipboardText: (text: string) => void;
}

/** Number of recent warnings and errors in the diagnostics. */
const diagnosticsProblemCount = 30;
/** Maximum diagnostics text the renderer may put on the clipboard, in UTF-16 code units. */
const maxClipboardTextLength = 200_000;

type InvokeMethod =
  | 'openFile'
  | 'saveFile'
  | 'printToPdf'
  | 'appInfo'
  | 'recentFiles'
  | 'openRecentFile'
  | 'listBackups'
  | 'saveBackup'
  | 'readBackup'
  | 'openLogsFolder'
  | 'diagnosticsInfo'
  | 'copyText';
type InvokeResult<M extends InvokeMethod> = Awaited<ReturnType<PlatformApi[M]>>;

/** Registers the handler of every channel of `ipcChannels` on `dependencies.ipcMain`. */
export function registerIpcHandlers(dependencies: IpcDependencies): void {
  const { ipcMain, logger } = dependencies;
  const readFile = dependencies.readFile ?? readFileLimited;
  const writeFile = dependencies.writeFile ?? writeFileAtomic;

  const notifyPortfolioFileUsed = (path: string) => {
    if (path.toLowerCase().endsWith(portfolioFileExtension)) dependencies.onPortfolioFileUsed?.(path);
  };

  const openFile = async ([request]: [z.output<typeof openFileRequestSchema>]): Promise<InvokeResult<'openFile'>> => {
    const choice = await dependencies.dialogs.showOpenDialog({
      title: request.title,
      filters: toDialogFilters(request.filters),
      properties: ['openFile'],
    });
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) {
      return ok(null);
    }

    const read = await readFile(path, request.maxBytes);
    if (!read.ok) {
      logger.warn('Opening a file failed', { code: read.error.code, cause: read.error.cause ?? '' });
      return read;
    }
    logger.info('File opened', { file: read.value.name, sizeBytes: read.value.bytes.byteLength });
    notifyPortfolioFileUsed(path);
    return read;
  };

  /** Asks where to save and checks the chosen path; `null` when the user cancels. */
  const chooseSavePath = async (request: Pick<SaveFileRequest, 'title' | 'suggestedName' | 'filters'>): Promise<Result<string | null>> => {
    const folder = dependencies.defaultSaveFolder;
    const defaultPath = folder === undefined ? request.suggestedName : join(folder, request.suggestedName);
    const choice = await dependencies.dialogs.showSaveDialog({
      title: request.title,
      defaultPath,
      filters: toDialogFilters(request.filters),
    });
    const chosenPath = choice.filePath;
    if (choice.canceled || chosenPath === undefined || chosenPath === '') {
      return ok(null);
    }

    const checked = await checkSavePath(chosenPath, request.filters);
    if (!checked.ok) {
      logger.warn('Save path rejected', { code: checked.error.code, reason: checked.error.detail?.['reason'] ?? '', path: chosenPath });
    }
    return checked;
  };

  const writeChosenFile = async (path: string, bytes: Uint8Array): Promise<InvokeResult<'saveFile'>> => {
    const written = await writeFile(path, bytes);
    if (!written.ok) {
      logger.warn('Saving a file failed', { code: written.error.code, cause: written.error.cause ?? '' });
      return written;
    }
    logger.info('File saved', { file: basename(path), sizeBytes: bytes.byteLength });
    notifyPortfolioFileUsed(path);
    return ok({ name: path });
  };

  const saveFile = async ([request]: [z.output<typeof saveFileRequestSchema>]): Promise<InvokeResult<'saveFile'>> => {
    const chosen = await chooseSavePath(request);
    if (!chosen.ok || chosen.value === null) return chosen.ok ? ok(null) : chosen;
    return writeChosenFile(chosen.value, request.bytes);
  };

  // The save dialog comes first, so a user who cancels waits for no printing.
  const printToPdf = async (
    [request]: [z.output<typeof printToPdfRequestSchema>],
    event: IpcSenderEvent,
  ): Promise<InvokeResult<'printToPdf'>> => {
    if (event.sender === undefined) return fail('unexpected', { channel: ipcChannels.printToPdf }, 'The IPC event has no sender page to print');
    const chosen = await chooseSavePath(request);
    if (!chosen.ok || chosen.value === null) return chosen.ok ? ok(null) : chosen;

    const started = Date.now();
    const bytes = await event.sender.printToPDF({
      pageSize: request.pageSize,
      landscape: request.landscape,
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
    });
    logger.info('Page printed to PDF', { sizeBytes: bytes.byteLength, milliseconds: Date.now() - started });
    return writeChosenFile(chosen.value, bytes);
  };

  const appInfo = (): Promise<InvokeResult<'appInfo'>> =>
    Promise.resolve(ok({ version: dependencies.appVersion, host: 'electron' as const }));

  const recentFiles = (): Promise<InvokeResult<'recentFiles'>> =>
    Promise.resolve(ok((dependencies.recentFiles?.list() ?? []).map((path) => ({ path, name: basename(path) }))));

  const openRecentFile = ([path]: [string]): Promise<InvokeResult<'openRecentFile'>> => {
    // Only a listed path may be read, so the page cannot make the main process read any file it names.
    if (dependencies.recentFiles?.list().includes(path) !== true) {
      logger.warn('Opening a file not on the recent files list rejected', { file: basename(path) });
      return Promise.resolve(fail('ipc.invalidArgument', { channel: ipcChannels.openRecentFile, field: '0', reason: 'not on the recent files list' }));
    }
    dependencies.recentFiles.open(path);
    return Promise.resolve(ok(undefined));
  };

  const { backupsFolder } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const listBackupsHandler = async (): Promise<InvokeResult<'listBackups'>> => ok(await listBackups(backupsFolder, logger));
  const saveBackupHandler = ([backup]: [z.output<typeof newBackupSchema>]): Promise<InvokeResult<'saveBackup'>> =>
    writeBackup(backupsFolder, backup, now(), logger);
  const readBackupHandler = ([portfolioId, fileName]: [string, string]): Promise<InvokeResult<'readBackup'>> =>
    readBackup(backupsFolder, portfolioId, fileName);

  const openLogsFolder = async (): Promise<InvokeResult<'openLogsFolder'>> => {
    const failure = await dependencies.openPath(dependencies.logsFolder);
    if (failure !== '') {
      logger.warn('Opening the logs folder failed', { cause: failure });
      return fail('logs.openFailed', { file: dependencies.logsFolder }, failure);
    }
    return ok(undefined);
  };

  const diagnosticsInfo = async (): Promise<InvokeResult<'diagnosticsInfo'>> =>
    ok({ versions: dependencies.versions, recentProblems: await readRecentProblems(dependencies.logFiles, diagnosticsProblemCount) });

  const copyText = ([text]: [string]): Promise<InvokeResult<'copyText'>> => {
    dependencies.writeClipboardText(text);
    return Promise.resolve(ok(undefined));
  };

  ipcMain.handle(ipcChannels.openFile, guardInvoke(ipcChannels.openFile, z.tuple([openFileRequestSchema]), openFile, dependencies));
  ipcMain.handle(ipcChannels.saveFile, guardInvoke(ipcChannels.saveFile, z.tuple([saveFileRequestSchema]), saveFile, dependencies));
  ipcMain.handle(
    ipcChannels.printToPdf,
    guardInvoke(ipcChannels.printToPdf, z.tuple([printToPdfRequestSchema]), printToPdf, dependencies),
  );
  ipcMain.handle(ipcChannels.appInfo, guardInvoke(ipcChannels.appInfo, z.tuple([]), appInfo, dependencies));
  ipcMain.handle(ipcChannels.recentFiles, guardInvoke(ipcChannels.recentFiles, z.tuple([]), recentFiles, dependencies));
  ipcMain.handle(ipcChannels.openRecentFile, guardInvoke(ipcChannels.openRecentFile, z.tuple([z.string().min(1).max(4_096)]), openRecentFile, dependencies));
  ipcMain.handle(ipcChannels.listBackups, guardInvoke(ipcChannels.listBackups, z.tuple([]), listBackupsHandler, dependencies));
  ipcMain.handle(ipcChannels.saveBackup, guardInvoke(ipcChannels.saveBackup, z.tuple([newBackupSchema]), saveBackupHandler, dependencies));
  ipcMain.handle(
    ipcChannels.readBackup,
    guardInvoke(ipcChannels.readBackup, z.tuple([z.string().max(100), z.string().max(100)]), readBackupHandler, dependencies),
  );
  ipcMain.handle(ipcChannels.openLogsFolder, guardInvoke(ipcChannels.openLogsFolder, z.tuple([]), openLogsFolder, dependencies));
  ipcMain.handle(ipcChannels.diagnosticsInfo, guardInvoke(ipcChannels.diagnosticsInfo, z.tuple([]), diagnosticsInfo, dependencies));
  ipcMain.handle(ipcChannels.copyText, guardInvoke(ipcChannels.copyText, z.tuple([z.string().max(maxClipboardTextLength)]), copyText, dependencies));
  ipcMain.on(
    ipcChannels.finishBackups,
    guardSend(ipcChannels.finishBackups, z.tuple([z.string().max(100)]), ([requestId]) => dependencies.onBackupsFinished?.(requestId), dependencies),
  );
  ipcMain.on(ipcChannels.log, createLogListener(dependencies));
  ipcMain.on(
    ipcChannels.openFileRequestsReady,
    guardSend(ipcChannels.openFileRequestsReady, z.tuple([]), () => dependencies.onOpenFileRequestsReady?.(), dependencies),
  );
}

/**
 * Wraps the listener of a fire-and-forget channel with the sender check and argument
 * validation. A rejected message is logged and dropped, because the sender awaits no reply.
 */
export function guardSend<S extends z.ZodType>(
  channel: string,
  schema: S,
  run: (args: z.output<S>) => void,
  dependencies: Pick<IpcDependencies, 'isAppPage' | 'logger'>,
): (event: IpcSenderEvent, ...args: unknown[]) => void {
  const { logger, isAppPage } = dependencies;
  return (event, ...args) => {
    const senderUrl = event.senderFrame?.url;
    if (senderUrl === undefined || !isAppPage(senderUrl)) {
      logger.warn('IPC message from a foreign sender rejected', { channel, url: senderUrl ?? '' });
      return;
    }
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      logger.warn('IPC message with invalid arguments rejected', describeInvalidArgument(channel, parsed.error));
      return;
    }
    try {
      run(parsed.data);
    } catch (error) {
      logger.error('IPC listener failed', { channel, cause: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };
}

/**
 * Wraps a handler with the sender check, argument validation and a catch-all that turns a
 * thrown error into `unexpected`. `schema` validates the whole argument list as a tuple, so
 * extra arguments are rejected too.
 */
function guardInvoke<S extends z.ZodType, T>(
  channel: string,
  schema: S,
  run: (args: z.output<S>, event: IpcSenderEvent) => Promise<Result<T>>,
  dependencies: IpcDependencies,
): (event: IpcSenderEvent, ...args: unknown[]) => Promise<Result<T>> {
  const { logger } = dependencies;
  return async (event, ...args) => {
    try {
      const senderUrl = event.senderFrame?.url;
      if (senderUrl === undefined || !dependencies.isAppPage(senderUrl)) {
        logger.warn('IPC message from a foreign sender rejected', { channel, url: senderUrl ?? '' });
        return fail('ipc.forbiddenSender', { channel, url: senderUrl ?? '' });
      }

      const parsed = schema.safeParse(args);
      if (!parsed.success) {
        const detail = describeInvalidArgument(channel, parsed.error);
        logger.warn('IPC message with invalid arguments rejected', detail);
        return fail('ipc.invalidArgument', detail);
      }

      return await run(parsed.data, event);
    } catch (error) {
      const cause = error instanceof Error ? (error.stack ?? error.message) : String(error);
      logger.error('IPC handler failed', { channel, cause });
      return fail('unexpected', { channel }, cause);
    }
  };
}

/** Builds the listener of the fire-and-forget log channel; rejected entries are logged, not returned. */
function createLogListener(dependencies: IpcDependencies): (event: IpcSenderEvent, ...args: unknown[]) => void {
  const rendererLogger = dependencies.rendererLogger ?? dependencies.logger.withTag('renderer');
  return guardSend(
    ipcChannels.log,
    z.tuple([logEntrySchema]),
    ([entry]) => {
      rendererLogger.log(entry.level, entry.message, entry.context);
    },
    dependencies,
  );
}

/**
 * Names the first invalid argument: `field` is its path, such as `0.filters.1.extensions.0`
 * (the leading number is the argument's position), or `arguments` when the count is wrong.
 */
function describeInvalidArgument(channel: string, error: z.ZodError): { channel: string; field: string; reason: string } {
  const [issue] = error.issues;
  if (issue === undefined) {
    return { channel, field: 'arguments', reason: 'invalid' };
  }
  const field = issue.path.length === 0 ? 'arguments' : issue.path.map(String).join('.');
  return { channel, field, reason: issue.message };
}

function toDialogFilters(filters: readonly FileFilter[]): { name: string; extensions: string[] }[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}
