/**
 * Work that must finish before the app quits, such as writing the window state and the last
 * backups. Quitting is held back until the tasks end or `timeoutMs` passes, whichever comes
 * first, so a stuck task can delay quitting but never prevent it.
 */
import type { Logger } from './logger';

/** The part of Electron's `app` the guard uses. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
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
}

/** Registers the `before-quit` handler that runs the tasks once, then quits again. */
export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  const tasks: { name: string; task: QuitTask }[] = [];
  let state: 'running' | 'waiting' | 'done' = 'running';

  options.app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'waiting') return;
    state = 'waiting';
    void runTasks().finally(() => {
      state = 'done';
      options.app.quit();
    });
  });

  const runTasks = async (): Promise<void> => {
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
          options.logger.error('A task before quitting failed', { task: name, cause: error instanceof Error ? error.message : String(error) });
        } finally {
          pending.delete(name);
        }
      }),
    );
    const outcome = await Promise.race([all.then(() => 'finished' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timedOut') {
      options.logger.warn('Quitting before some tasks finished', { timeoutMs: options.timeoutMs, tasks: [...pending].join(', ') });
    }
  };

  return {
    addTask: (name, task) => {
      tasks.push({ name, task });
    },
  };
}
