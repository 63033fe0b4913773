/** A `Logger` that keeps its entries in memory, for tests that check what was logged. */
import type { LogContext, Logger } from '../../../electron/main/logger';
import type { LogLevel } from '../../../shared/ipc/contract';

export interface RecordedEntry {
  readonly tag: string;
  readonly level: LogLevel;
  readonly message: string;
  readonly context?: LogContext;
}

export function createRecordingLogger(entries: RecordedEntry[] = [], tag = 'main'): Logger & { readonly entries: RecordedEntry[] } {
  const log = (level: LogLevel, message: string, context?: LogContext): void => {
    entries.push({ tag, level, message, ...(context === undefined ? {} : { context }) });
  };
  return {
    entries,
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
    withTag: (otherTag) => createRecordingLogger(entries, otherTag),
  };
}
