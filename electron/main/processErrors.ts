/**
 * Logging of the main process's own failures: an exception that no code caught, and a rejected
 * promise that nothing handled. Without it they reach only the console, so `main.log` and
 * Copy diagnostics miss them.
 */
import type { Logger } from './logger';

/** The part of Node's `process` the logging uses. */
export interface ProcessEvents {
  on(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

function describeThrown(thrown: unknown): string {
  return thrown instanceof Error ? (thrown.stack ?? `${thrown.name}: ${thrown.message}`) : String(thrown);
}

/**
 * Logs uncaught exceptions and unhandled rejections of `target`. The exception monitor leaves
 * Electron's handling of the exception as it is. A listener for unhandled rejections replaces
 * Node's default of raising them as uncaught exceptions, so a failed background promise is
 * logged and the app keeps running.
 */
export function logProcessErrors(target: ProcessEvents, logger: Logger): void {
  target.on('uncaughtExceptionMonitor', (error, origin) => {
    logger.error('Uncaught exception in the main process', { origin, cause: describeThrown(error) });
  });
  target.on('unhandledRejection', (reason) => {
    logger.error('Unhandled rejection in the main process', { cause: describeThrown(reason) });
  });
}
