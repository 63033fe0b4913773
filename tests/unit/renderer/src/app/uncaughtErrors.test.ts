import { afterEach, describe, expect, it } from 'vitest';
import { installUncaughtErrorHandlers, subscribeUncaughtErrors } from '../../../../../renderer/src/app/uncaughtErrors';

interface LoggedLine {
  level: string;
  message: string;
}

/** Installs the handlers on a fresh event target in place of `window`, and records what they log. */
function installOnFakeWindow() {
  const target = new EventTarget();
  const logged: LoggedLine[] = [];
  installUncaughtErrorHandlers(target as unknown as Window, (level, message) => {
    logged.push({ level, message });
  });
  const throwError = (message: string, error?: unknown) => {
    target.dispatchEvent(Object.assign(new Event('error'), { message, error, filename: 'app.js', lineno: 12 }));
  };
  const rejectPromise = (reason: unknown) => {
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason }));
  };
  return { logged, throwError, rejectPromise };
}

const unsubscribers: (() => void)[] = [];

/** Subscribes for one test; `afterEach` removes the listener again. */
function listen(level: 'screen' | 'app'): Error[] {
  const received: Error[] = [];
  unsubscribers.push(
    subscribeUncaughtErrors(level, (error) => {
      received.push(error);
    }),
  );
  return received;
}

afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
});

describe('installUncaughtErrorHandlers', () => {
  it('logs and shows an uncaught error', () => {
    const fakeWindow = installOnFakeWindow();
    const screen = listen('screen');
    const error = new Error('Handler failed');

    fakeWindow.throwError('Uncaught Error: Handler failed', error);

    expect(fakeWindow.logged).toEqual([{ level: 'error', message: 'Uncaught error: Uncaught Error: Handler failed' }]);
    expect(screen).toEqual([error]);
  });

  it('logs and shows an unhandled rejection', () => {
    const fakeWindow = installOnFakeWindow();
    const screen = listen('screen');

    fakeWindow.rejectPromise('quota exceeded');

    expect(fakeWindow.logged).toEqual([{ level: 'error', message: 'Unhandled rejection: quota exceeded' }]);
    expect(screen.map((error) => error.message)).toEqual(['quota exceeded']);
  });

  it('prefers the screen to the app', () => {
    const fakeWindow = installOnFakeWindow();
    const app = listen('app');
    const screen = listen('screen');

    fakeWindow.rejectPromise(new Error('Save failed'));

    expect(screen).toHaveLength(1);
    expect(app).toEqual([]);
  });

  it('falls back to the app', () => {
    const fakeWindow = installOnFakeWindow();
    const app = listen('app');
    listen('screen');
    unsubscribers.pop()?.();

    fakeWindow.rejectPromise(new Error('Save failed'));

    expect(app).toHaveLength(1);
  });

  it('only logs a ResizeObserver notice', () => {
    const fakeWindow = installOnFakeWindow();
    const screen = listen('screen');

    fakeWindow.throwError('ResizeObserver loop completed with undelivered notifications.');

    expect(fakeWindow.logged).toHaveLength(1);
    expect(screen).toEqual([]);
  });

  it('wraps an error event without an error object', () => {
    const fakeWindow = installOnFakeWindow();
    const screen = listen('screen');

    fakeWindow.throwError('Script failed');

    expect(screen.map((error) => error.message)).toEqual(['Script failed']);
  });
});
