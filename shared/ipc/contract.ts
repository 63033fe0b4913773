/**
 * The platform API: everything the renderer may ask of its host. The Electron preload and
 * the browser-mode implementation both satisfy `PlatformApi`; the renderer sees nothing else.
 * Every call resolves to a `Result` and never rejects across the boundary.
 */
import type { Result } from '../errors';

/** Largest file the app opens, in bytes. Bigger files are rejected before they are read. */
export const maxOpenFileBytes = 64 * 1024 * 1024;

export interface FileFilter {
  /** Label shown in the native dialog, already translated. */
  readonly name: string;
  /** Extensions without the dot, for example `csv`. */
  readonly extensions: readonly string[];
}

export interface OpenFileRequest {
  readonly title: string;
  readonly filters: readonly FileFilter[];
  /** Files larger than this are rejected with `file.tooLarge`. */
  readonly maxBytes: number;
}

export interface OpenedFile {
  /** File name without folders, for messages and the audit trail. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface SaveFileRequest {
  readonly title: string;
  readonly suggestedName: string;
  readonly filters: readonly FileFilter[];
  readonly bytes: Uint8Array;
}

export interface SavedFile {
  /** Where the file was written; in browser mode only the download name is known. */
  readonly name: string;
}

/** Paper sizes the PDF printer accepts. */
export type PaperSize = 'A4' | 'Letter';

export interface PrintToPdfRequest {
  /** Title of the save dialog, already translated. */
  readonly title: string;
  readonly suggestedName: string;
  readonly filters: readonly FileFilter[];
  /** Paper and orientation; the print view's CSS `@page` rule states the same, and takes precedence. */
  readonly pageSize: PaperSize;
  readonly landscape: boolean;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface AppInfo {
  readonly version: string;
  /** `electron` in the desktop app, `browser` in browser mode. */
  readonly host: 'electron' | 'browser';
}

export interface PlatformApi {
  readonly host: 'electron' | 'browser';
  /** Asks the user for one file and reads it; `null` when the user cancels. */
  openFile(request: OpenFileRequest): Promise<Result<OpenedFile | null>>;
  /** Asks the user where to save and writes the bytes atomically; `null` when the user cancels. */
  saveFile(request: SaveFileRequest): Promise<Result<SavedFile | null>>;
  /**
   * Prints the page's print view (its `@media print` rendering) to a PDF file. In Electron it shows
   * the save dialog first, then prints with `printToPDF` and writes the file atomically. It
   * resolves `null` when the user cancels. In browser mode it opens the browser's print dialog,
   * whose outcome a page cannot see, so it resolves `null` once the dialog closes.
   */
  printToPdf(request: PrintToPdfRequest): Promise<Result<SavedFile | null>>;
  /** Writes one line to the host's log. Fire and forget. */
  log(level: LogLevel, message: string, context?: Readonly<Record<string, string | number | boolean>>): void;
  appInfo(): Promise<Result<AppInfo>>;
  /**
   * Subscribes to files the operating system requests the app to open: a double-clicked
   * `.steerwise` file, a second launch with a file, or a file given on the command line. The
   * host holds requests back until the first subscription, so none made during start-up is lost.
   * Returns the function that ends the subscription. A browser tab receives no such requests.
   */
  onOpenFileRequest(listener: (file: Result<OpenedFile>) => void): () => void;
  /**
   * Subscribes to commands chosen in the application menu; the listener receives the command's
   * id from the command registry. Returns the function that ends the subscription. A browser
   * tab has no application menu and never calls the listener.
   */
  onMenuCommand(listener: (commandId: string) => void): () => void;
  /** Lists the portfolio files opened or saved lately, newest first. A browser tab keeps no such list. */
  recentFiles(): Promise<Result<readonly RecentFile[]>>;
  /**
   * Opens a file of the recent files list. The file arrives through `onOpenFileRequest`, like a
   * file the operating system opens. Paths not on the list are rejected with `ipc.invalidArgument`.
   */
  openRecentFile(path: string): Promise<Result<void>>;
  /** Lists the automatic backups. */
  listBackups(): Promise<Result<BackupList>>;
  /** Writes one automatic backup and deletes the portfolio's backups beyond the newest 14. */
  saveBackup(backup: NewBackup): Promise<Result<BackupEntry>>;
  /** Reads a backup's bytes, for the import preview. */
  readBackup(portfolioId: string, fileName: string): Promise<Result<OpenedFile>>;
  /**
   * Subscribes to the host's requests to back up the portfolios, on quit and daily. The
   * listener replies to each with `finishBackups(requestId)`, also when it failed. Returns the
   * function that ends the subscription. A browser tab sends no requests.
   */
  onBackupRun(listener: (run: BackupRun) => void): () => void;
  finishBackups(requestId: string): void;
  /** Opens the folder of the log files in the system's file manager. */
  openLogsFolder(): Promise<Result<void>>;
  diagnosticsInfo(): Promise<Result<DiagnosticsInfo>>;
  /** Puts `text` on the system clipboard. */
  copyText(text: string): Promise<Result<void>>;
}

/** One automatic backup of a portfolio. */
export interface BackupEntry {
  readonly portfolioId: string;
  /** The portfolio's name when the backup was made. */
  readonly portfolioName: string;
  /** File name inside the portfolio's backup folder; with `portfolioId` it identifies the backup. */
  readonly fileName: string;
  /** UTC ISO 8601 instant of the backup. */
  readonly createdAt: string;
  readonly sizeBytes: number;
}

export interface BackupList {
  /** `false` in a browser tab, which has no user data folder to keep backups in. */
  readonly supported: boolean;
  /** Folder of the backups, for display; absent where backups are not supported. */
  readonly folder?: string;
  /** Every backup, newest first. */
  readonly backups: readonly BackupEntry[];
  /** Content key of each portfolio's newest backup, by portfolio id. */
  readonly latestContentKeys: Readonly<Record<string, string>>;
}

export interface NewBackup {
  readonly portfolioId: string;
  readonly portfolioName: string;
  /** Changes whenever the portfolio's content or name changes, so an unchanged portfolio is not backed up twice. */
  readonly contentKey: string;
  /** The portfolio as `.steerwise` file bytes. */
  readonly bytes: Uint8Array;
}

/** A request from the host to back up the portfolios now. */
export interface BackupRun {
  readonly requestId: string;
  /**
   * `quit` backs up every changed portfolio, and is sent when the window closes or the app quits.
   * `daily` backs up only the portfolios whose newest backup is a day old.
   */
  readonly reason: 'quit' | 'daily';
}

/** A warning or error from a log, without its context, for the diagnostics text. */
export interface DiagnosticLogEntry {
  /** UTC ISO 8601 instant. */
  readonly time: string;
  readonly level: LogLevel;
  /** Process or part of the app that wrote it, such as `main` or `renderer`. */
  readonly tag: string;
  readonly message: string;
}

/** Host part of "Copy diagnostics": versions and the recent warnings and errors. */
export interface DiagnosticsInfo {
  /** Versions by component, such as `app`, `electron`, `chrome`, `node` and `os`. */
  readonly versions: Readonly<Record<string, string>>;
  /** Newest first. */
  readonly recentProblems: readonly DiagnosticLogEntry[];
}

export interface RecentFile {
  /** Absolute path, the key to pass to `openRecentFile`. */
  readonly path: string;
  /** File name without folders, for display. */
  readonly name: string;
}

/**
 * IPC channel names of the messages the renderer sends to the main process, one per API call.
 * The preload and the main process both use these.
 */
export const ipcChannels = {
  openFile: 'steerwise:open-file',
  saveFile: 'steerwise:save-file',
  printToPdf: 'steerwise:print-to-pdf',
  log: 'steerwise:log',
  appInfo: 'steerwise:app-info',
  /** Sent once the renderer listens for `ipcEvents.openFileRequest`, so queued files can follow. */
  openFileRequestsReady: 'steerwise:open-file-requests-ready',
  recentFiles: 'steerwise:recent-files',
  openRecentFile: 'steerwise:open-recent-file',
  listBackups: 'steerwise:list-backups',
  saveBackup: 'steerwise:save-backup',
  readBackup: 'steerwise:read-backup',
  finishBackups: 'steerwise:finish-backups',
  openLogsFolder: 'steerwise:open-logs-folder',
  diagnosticsInfo: 'steerwise:diagnostics-info',
  copyText: 'steerwise:copy-text',
} as const;

/** IPC channel names of the messages the main process sends to the renderer. */
export const ipcEvents = {
  /** Carries a `Result<OpenedFile>`: the bytes of a file the OS asked to open, or why it could not be read. */
  openFileRequest: 'steerwise:open-file-request',
  /** Carries the id of a command chosen in the application menu. */
  menuCommand: 'steerwise:menu-command',
  /** Carries a `BackupRun`. */
  backupRun: 'steerwise:backup-run',
} as const;

/** Name of the global the preload exposes the API under. */
export const platformGlobalName = 'steerwise';
