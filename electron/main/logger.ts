/**
 * The main process's leveled logger. Each entry is one JSON line in `logs/main.log` under the
 * user data folder. When a write would take the file past `maxFileBytes`, the file is rotated to
 * `main.log.1`, older files shift up by one, and files past `maxRotatedFiles` are deleted.
 *
 * Writes are synchronous so that entries logged just before a crash are on disk and keep their
 * order. A failing disk never throws out of the logger: the entry is dropped and the failures
 * are counted in the next entry that succeeds.
 */
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import type { LogLevel } from '../../shared/ipc/contract';

export type LogContext = Readonly<Record<string, string | number | boolean>>;

export interface Logger {
  log(level: LogLevel, message: string, context?: LogContext): void;
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  /** Returns a logger that writes to the same file with another `tag`, such as `renderer`. */
  withTag(tag: string): Logger;
}

/** The synchronous file operations the logger uses; `node:fs` in the app, a fake in tests. */
export interface LoggerFileSystem {
  appendFileSync(path: string, data: string): void;
  statSync(path: string): { size: number };
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
}

export interface LoggerOptions {
  /** Path of the active log file, for example `<userData>/logs/main.log`. */
  readonly filePath: string;
  /** Entries below this level are dropped. Default `info`. */
  readonly minLevel?: LogLevel;
  /** Size in bytes the active file may reach before it is rotated. Default 1 MiB. */
  readonly maxFileBytes?: number;
  /** Number of rotated files kept beside the active one. Default 3. */
  readonly maxRotatedFiles?: number;
  /** Tag of the entries this logger writes. Default `main`. */
  readonly tag?: string;
  readonly fileSystem?: LoggerFileSystem;
  /** Clock for entry timestamps. Default `() => new Date()`. */
  readonly now?: () => Date;
}

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Largest message kept in one entry, in UTF-16 code units; longer ones are cut and marked. */
export const maxLogMessageLength = 8_000;

/** Creates the logger and its folder; the folder is created again on each write if it vanished. */
export function createLogger(options: LoggerOptions): Logger {
  const sink = new RotatingFileSink({
    filePath: options.filePath,
    maxFileBytes: options.maxFileBytes ?? 1024 * 1024,
    maxRotatedFiles: options.maxRotatedFiles ?? 3,
    fileSystem: options.fileSystem ?? nodeFs,
  });
  const minRank = levelRank[options.minLevel ?? 'info'];
  const now = options.now ?? (() => new Date());

  const makeLogger = (tag: string): Logger => {
    const log = (level: LogLevel, message: string, context?: LogContext): void => {
      if (levelRank[level] < minRank) {
        return;
      }
      const time = now().toISOString();
      const entry = { time, level, tag, message: truncate(message), ...(context === undefined ? {} : { context }) };
      sink.write(JSON.stringify(entry), time);
    };
    return {
      log,
      debug: (message, context) => {
        log('debug', message, context);
      },
      info: (message, context) => {
        log('info', message, context);
      },
      warn: (message, context) => {
        log('warn', message, context);
      },
      error: (message, context) => {
        log('error', message, context);
      },
      withTag: makeLogger,
    };
  };

  return makeLogger(options.tag ?? 'main');
}

function truncate(message: string): string {
  if (message.length <= maxLogMessageLength) {
    return message;
  }
  return `${message.slice(0, maxLogMessageLength)}… [${message.length - maxLogMessageLength} characters cut]`;
}

interface SinkOptions {
  readonly filePath: string;
  readonly maxFileBytes: number;
  readonly maxRotatedFiles: number;
  readonly fileSystem: LoggerFileSystem;
}

/** Appends lines to one file and rotates it by size. Never throws. */
class RotatingFileSink {
  private readonly options: SinkOptions;
  /** Size of the active file in bytes, or undefined until it is read from disk. */
  private sizeBytes: number | undefined;
  /** Entries dropped by write failures since the last entry that reached the disk. */
  private droppedEntries = 0;

  constructor(options: SinkOptions) {
    this.options = options;
  }

  /** Appends `line`; `time` stamps the note about earlier dropped entries, if any. */
  write(line: string, time: string): void {
    const { fileSystem, filePath, maxFileBytes } = this.options;
    try {
      const text = `${this.droppedEntriesNote(time)}${line}\n`;
      const textBytes = Buffer.byteLength(text, 'utf8');

      const currentSize = this.currentSize();
      if (currentSize > 0 && currentSize + textBytes > maxFileBytes) {
        this.rotate();
      }

      fileSystem.mkdirSync(dirname(filePath), { recursive: true });
      fileSystem.appendFileSync(filePath, text);
      this.sizeBytes = (this.sizeBytes ?? 0) + textBytes;
      this.droppedEntries = 0;
    } catch {
      // Forget the cached size: the file may have been written partly, moved or deleted.
      this.sizeBytes = undefined;
      this.droppedEntries += 1;
    }
  }

  private droppedEntriesNote(time: string): string {
    if (this.droppedEntries === 0) {
      return '';
    }
    const note = {
      time,
      level: 'warn',
      tag: 'logger',
      message: 'Log entries were dropped because writing the log file failed',
      context: { droppedEntries: this.droppedEntries },
    };
    return `${JSON.stringify(note)}\n`;
  }

  private currentSize(): number {
    if (this.sizeBytes === undefined) {
      try {
        this.sizeBytes = this.options.fileSystem.statSync(this.options.filePath).size;
      } catch {
        this.sizeBytes = 0;
      }
    }
    return this.sizeBytes;
  }

  /** Shifts `main.log.N-1` to `main.log.N` down to `main.log` to `main.log.1`, dropping the oldest. */
  private rotate(): void {
    const { fileSystem, filePath, maxRotatedFiles } = this.options;
    if (maxRotatedFiles < 1) {
      fileSystem.rmSync(filePath, { force: true });
    } else {
      fileSystem.rmSync(`${filePath}.${maxRotatedFiles}`, { force: true });
      for (let index = maxRotatedFiles - 1; index >= 1; index -= 1) {
        renameIfPresent(fileSystem, `${filePath}.${index}`, `${filePath}.${index + 1}`);
      }
      renameIfPresent(fileSystem, filePath, `${filePath}.1`);
    }
    this.sizeBytes = 0;
  }
}

function renameIfPresent(fileSystem: LoggerFileSystem, from: string, to: string): void {
  try {
    fileSystem.renameSync(from, to);
  } catch (error) {
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')) {
      throw error;
    }
  }
}
