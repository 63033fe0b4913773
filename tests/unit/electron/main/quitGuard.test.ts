import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createQuitGuard } from '../../../../electron/main/quitGuard';
import { createRecordingLogger } from '../../../support/node/recordingLogger';

/** Creates an `app` whose `quit` emits `before-quit` as Electron's does, and counts the quits that went through. */
function fakeApp() {
  const emitter = new EventEmitter();
  let exits = 0;
  const app = Object.assign(emitter, {
    quit: () => {
      const quitEvent = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      emitter.emit('before-quit', quitEvent);
      if (!quitEvent.prevented) exits += 1;
    },
  });
  return { app, exits: () => exits };
}

/** Creates a window whose `close` emits a preventable `close` event as Electron's does. */
function fakeWindow() {
  const emitter = new EventEmitter();
  const window = Object.assign(emitter, {
    hidden: false,
    destroyed: false,
    hide() {
      window.hidden = true;
    },
    isDestroyed: () => window.destroyed,
    close() {
      const closeEvent = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      emitter.emit('close', closeEvent);
      if (!closeEvent.prevented) window.destroyed = true;
    },
  });
  return window;
}

/**
 * Creates a guard over one window with a task that counts its runs, taking `taskMs` each time,
 * and records the guard's log.
 */
function countingGuard(taskMs: number) {
  const { app, exits } = fakeApp();
  const logger = createRecordingLogger();
  const guard = createQuitGuard({ app, logger, timeoutMs: 1_000 });
  const window = fakeWindow();
  guard.guardWindowClose(window);
  let runs = 0;
  guard.addTask('count', async () => {
    runs += 1;
    await new Promise((resolve) => setTimeout(resolve, taskMs));
  });
  return { app, exits, logger, guard, window, runs: () => runs };
}

describe('createQuitGuard', () => {
  it('quits after the tasks finish', async () => {
    const { app, exits } = fakeApp();
    const guard = createQuitGuard({ app, logger: createRecordingLogger(), timeoutMs: 1_000 });
    let finished = false;
    guard.addTask('slow write', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });

    app.quit();
    expect(exits()).toBe(0);

    await expect.poll(exits).toBe(1);
    expect(finished).toBe(true);
  });

  it('quits when a task hangs', async () => {
    const { app, exits } = fakeApp();
    const logger = createRecordingLogger();
    const guard = createQuitGuard({ app, logger, timeoutMs: 30 });
    guard.addTask('hung backup', () => new Promise(() => undefined));

    app.quit();

    await expect.poll(exits).toBe(1);
    expect(logger.entries).toEqual([
      { tag: 'main', level: 'warn', message: 'Quitting before some tasks finished', context: { timeoutMs: 30, tasks: 'hung backup' } },
    ]);
  });

  it('quits when a task fails', async () => {
    const { app, exits } = fakeApp();
    const logger = createRecordingLogger();
    const guard = createQuitGuard({ app, logger, timeoutMs: 1_000 });
    guard.addTask('broken', () => Promise.reject(new Error('disk full')));

    app.quit();

    await expect.poll(exits).toBe(1);
    expect(logger.entries[0]?.context).toEqual({ task: 'broken', cause: 'disk full' });
  });

  it('runs the tasks once for repeated quits', async () => {
    const { app, exits } = fakeApp();
    const guard = createQuitGuard({ app, logger: createRecordingLogger(), timeoutMs: 1_000 });
    let runs = 0;
    guard.addTask('count', async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
    });

    app.quit();
    app.quit();

    await expect.poll(exits).toBe(1);
    expect(runs).toBe(1);
  });

  it('closes the window after the tasks', async () => {
    const { app } = fakeApp();
    const guard = createQuitGuard({ app, logger: createRecordingLogger(), timeoutMs: 1_000 });
    const window = fakeWindow();
    guard.guardWindowClose(window);
    let finished = false;
    guard.addTask('slow write', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });

    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.hidden).toBe(true);

    await expect.poll(() => window.destroyed).toBe(true);
    expect(finished).toBe(true);
  });

  it('closes the window when a task hangs', async () => {
    const { app } = fakeApp();
    const logger = createRecordingLogger();
    const guard = createQuitGuard({ app, logger, timeoutMs: 30 });
    const window = fakeWindow();
    guard.guardWindowClose(window);
    guard.addTask('hung backup', () => new Promise(() => undefined));

    window.close();

    await expect.poll(() => window.destroyed).toBe(true);
    expect(logger.entries.map((entry) => entry.message)).toEqual(['Closing the window before some tasks finished']);
  });

  it('shares one run between close and quit', async () => {
    const { app, exits, window, runs } = countingGuard(20);

    window.close();
    app.quit();

    await expect.poll(exits).toBe(1);
    expect(window.destroyed).toBe(true);
    expect(runs()).toBe(1);
  });

  it('holds a close during the quit tasks', async () => {
    const { app, exits, window, runs } = countingGuard(20);

    app.quit();
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.hidden).toBe(false);

    await expect.poll(exits).toBe(1);
    window.close();
    expect(window.destroyed).toBe(true);
    expect(runs()).toBe(1);
  });

  it('skips the tasks on a quit after the last close', async () => {
    const { app, exits, logger, window, runs } = countingGuard(0);

    window.close();
    await expect.poll(() => window.destroyed).toBe(true);
    app.quit();

    expect(exits()).toBe(1);
    expect(runs()).toBe(1);
    expect(logger.entries.map((entry) => entry.message)).toEqual(['Quitting without the tasks, which ran when the last window closed']);
  });

  it('runs the tasks on a quit after a new window', async () => {
    const { app, exits, guard, window: first, runs } = countingGuard(0);

    first.close();
    await expect.poll(() => first.destroyed).toBe(true);
    // macOS keeps the app running without windows; a Dock click opens a new one.
    guard.guardWindowClose(fakeWindow());
    app.quit();

    await expect.poll(exits).toBe(1);
    expect(runs()).toBe(2);
  });

  it('closes at once after a quit', async () => {
    const { app, exits } = fakeApp();
    const guard = createQuitGuard({ app, logger: createRecordingLogger(), timeoutMs: 1_000 });
    const window = fakeWindow();
    guard.guardWindowClose(window);
    guard.addTask('write', () => Promise.resolve());

    app.quit();
    await expect.poll(exits).toBe(1);
    window.close();

    expect(window.destroyed).toBe(true);
  });
});
