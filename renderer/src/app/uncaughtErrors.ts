/**
 * Errors that no code caught: thrown in an event handler or a timer, or a rejected promise that
 * nothing handled. React's error boundaries see only errors thrown while rendering, so these
 * arrive through the window's `error` and `unhandledrejection` events. Each is logged and handed
 * to one error boundary, which shows the error screen.
 */
import type { PlatformApi } from '@shared/ipc/contract';

/** Level of the error boundary that shows an uncaught error: the screens' boundary when it is mounted, else the app's. */
export type UncaughtErrorLevel = 'screen' | 'app';

type Listener = (error: Error) => void;

const listeners: { readonly level: UncaughtErrorLevel; readonly listener: Listener }[] = [];

/** Registers `listener` for uncaught errors at `level`; returns the function that removes it. */
export function subscribeUncaughtErrors(level: UncaughtErrorLevel, listener: Listener): () => void {
  const entry = { level, listener };
  listeners.push(entry);
  return () => {
    const index = listeners.indexOf(entry);
    if (index >= 0) listeners.splice(index, 1);
  };
}

/** Hands `error` to the newest screen-level listener, or to the newest app-level one when no screen listens. */
function dispatchUncaughtError(error: Error): void {
  const target = listeners.findLast((entry) => entry.level === 'screen') ?? listeners.findLast((entry) => entry.level === 'app');
  target?.listener(error);
}

/**
 * Chromium reports a ResizeObserver whose callbacks changed the layout again as an `error` event
 * without an error object. Nothing failed, so it shows no error screen.
 */
function isResizeObserverNotice(message: string): boolean {
  return message.startsWith('ResizeObserver loop');
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/** Logs every uncaught error and unhandled rejection of `target` and shows it on the error screen. */
export function installUncaughtErrorHandlers(target: Window, log: PlatformApi['log']): void {
  target.addEventListener('error', (event) => {
    log('error', `Uncaught error: ${event.message}`, { source: event.filename, line: event.lineno });
    if (isResizeObserverNotice(event.message)) return;
    dispatchUncaughtError(toError(event.error ?? event.message));
  });

  target.addEventListener('unhandledrejection', (event) => {
    log('error', `Unhandled rejection: ${String(event.reason)}`);
    dispatchUncaughtError(toError(event.reason));
  });
}
