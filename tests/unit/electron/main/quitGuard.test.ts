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
    expect(logger.entries).toEqual([{ tag: 'main', level: 'warn', message: 'Quitting before some tasks finished', context: { timeoutMs: 30, tasks: 'hung backup' } }]);
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
});
