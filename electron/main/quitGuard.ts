/**
 * Work that must finish before the app quits or its window closes, such as writing the window
 * state and the last backups. Quitting or closing is held back until the tasks end or
 * `timeoutMs` passes, whichever comes first, so a stuck task can delay it but never prevent it.
 */
import type { Logger } from './logger';

/** The part of Electron's `app` the guard uses. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** The part of Electron's `BrowserWindow` the guard uses. */
export interface ClosingWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  hide(): void;
  close(): void;
  isDestroyed(): boolean;
}

export type QuitTask = () => Promise<unknown>;

export interface QuitGuardOptions {
  readonly app: QuittingApp;
  readonly logger: Logger;
  /** Maximum wait for the tasks, in milliseconds. */
  readonly timeoutMs: number;
}

export interface QuitGuard {
  /** Adds a task run on every quit, named for the log. */
  addTask(name: string, task: QuitTask): void;
  /**
   * Runs the tasks when `window` closes outside a quit, hiding it meanwhile, then closes it. The
   * backups need the window's page, which is gone by the time a quit that follows the close of
   * the last window begins.
   */
  guardWindowClose(window: ClosingWindow): void;
}

/** Registers the `before-quit` handler that runs the tasks once, then quits again. */
export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  const tasks: { name: string; task: QuitTask }[] = [];
  let state: 'running' | 'waiting' | 'done' = 'running';
  // A quit that starts while a window's close runs the tasks waits for that run.
  let currentRun: Promise<void> | undefined;
  // Whether the tasks ran when a window closed and no window was guarded since. The quit that
  // follows the close of the last window then has nothing to save: the page the backups need is gone.
  let ranAtLastClose = false;

  const runTasksOnce = (trigger: 'quit' | 'windowClose'): Promise<void> => {
    currentRun ??= runTasks(trigger).finally(() => {
      currentRun = undefined;
    });
    return currentRun;
  };

  options.app.on('before-quit', (event) => {
    if (state === 'done') return;
    if (ranAtLastClose && currentRun === undefined) {
      state = 'done';
      options.logger.info('Quitting without the tasks, which ran when the last window closed');
      return;
    }
    event.preventDefault();
    if (state === 'waiting') return;
    state = 'waiting';
    void runTasksOnce('quit').finally(() => {
      state = 'done';
      options.app.quit();
    });
  });

  const runTasks = async (trigger: 'quit' | 'windowClose'): Promise<void> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timedOut'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timedOut');
      }, options.timeoutMs);
    });
    const pending = new Set(tasks.map((entry) => entry.name));
    const all = Promise.all(
      tasks.map(async ({ name, task }) => {
        try {
          await task();
        } catch (error) {
          options.logger.error('A task before quitting failed', {
            task: name,
            cause: error instanceof Error ? error.message : String(error),
          });
        } finally {
          pending.delete(name);
        }
      }),
    );
    const outcome = await Promise.race([all.then(() => 'finished' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timedOut') {
      const message = trigger === 'quit' ? 'Quitting before some tasks finished' : 'Closing the window before some tasks finished';
      options.logger.warn(message, { timeoutMs: options.timeoutMs, tasks: [...pending].join(', ') });
    }
  };

  const guardWindowClose = (window: ClosingWindow): void => {
    let closeState: 'open' | 'waiting' | 'done' = 'open';
    ranAtLastClose = false;

    window.on('close', (event) => {
      if (closeState === 'done' || state === 'done') return;
      event.preventDefault();
      // During a quit's tasks the quit closes the window when they end.
      if (closeState === 'waiting' || state === 'waiting') return;
      closeState = 'waiting';
      window.hide();
      void runTasksOnce('windowClose').finally(() => {
        closeState = 'done';
        ranAtLastClose = true;
        if (!window.isDestroyed()) window.close();
      });
    });
  };

  return {
    addTask: (name, task) => {
      tasks.push({ name, task });
    },
    guardWindowClose,
  };
}
