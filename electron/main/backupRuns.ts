/**
 * Requests to the renderer to back up the portfolios when the window closes or the app quits, and
 * daily. Only the renderer can read the portfolios (they are in its IndexedDB), so the main
 * process sends a request and waits until the renderer reports it finished, at most `timeoutMs`.
 */
import { randomUUID } from 'node:crypto';
import type { BackupRun } from '../../shared/ipc/contract';
import type { Logger } from './logger';

export type BackupRunOutcome = 'finished' | 'timedOut' | 'notSent';

export interface BackupRunsOptions {
  /** Sends the request to the renderer; returns `false` when there is no page, or only a crashed one, to send it to. */
  readonly send: (run: BackupRun) => boolean;
  readonly logger: Logger;
}

export interface BackupRuns {
  /** Requests backups from the renderer and resolves when it reports them finished, or after `timeoutMs`. */
  request(reason: BackupRun['reason'], timeoutMs: number): Promise<BackupRunOutcome>;
  /** Records that the renderer finished `requestId`. Unknown ids, such as one that timed out, are ignored. */
  finish(requestId: string): void;
}

export function createBackupRuns(options: BackupRunsOptions): BackupRuns {
  const waiting = new Map<string, () => void>();

  return {
    request: (reason, timeoutMs) => {
      const requestId = randomUUID();
      return new Promise<BackupRunOutcome>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId);
          options.logger.warn('Backups timed out', { reason, timeoutMs });
          resolve('timedOut');
        }, timeoutMs);
        waiting.set(requestId, () => {
          clearTimeout(timer);
          resolve('finished');
        });
        if (!options.send({ requestId, reason })) {
          clearTimeout(timer);
          waiting.delete(requestId);
          options.logger.info('Backups skipped because no page is open or the page crashed', { reason });
          resolve('notSent');
        }
      });
    },
    finish: (requestId) => {
      const resolve = waiting.get(requestId);
      waiting.delete(requestId);
      resolve?.();
    },
  };
}
