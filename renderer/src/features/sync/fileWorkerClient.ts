/**
 * Runs an export or an open in the file worker (`fileWorker.ts`), one worker per task, and
 * turns its messages into a promise of the outcome, progress callbacks and a cancel that
 * terminates the worker.
 */
import type { AppError, Result } from '@shared/errors';
import { platform } from '../../platform';
import { decodePortfolio, encodePortfolio } from './fileTasks';
import type { ReportFileProgress } from './fileTasks';
import type { FileTaskValues, FileWorkerRequest } from './fileWorkerProtocol';
import { parseFileWorkerMessage } from './fileWorkerProtocol';
import type { WorkerOutcome } from '../../workerMessages';

/** End of a file task. */
export type FileTaskOutcome<T> = WorkerOutcome<T>;

export interface FileTask<T> {
  readonly outcome: Promise<FileTaskOutcome<T>>;
  /**
   * Stops the task and resolves `outcome` as `cancelled`. A worker is terminated at once. The
   * main-thread fallback cannot be interrupted, so its result is discarded when it arrives.
   * Does nothing once the outcome is settled.
   */
  readonly cancel: () => void;
}

type RequestOf<K extends keyof FileTaskValues> = Extract<FileWorkerRequest, { readonly kind: K }>;

function outcomeOf<T>(result: Result<T>): FileTaskOutcome<T> {
  return result.ok ? { kind: 'done', value: result.value } : { kind: 'failed', error: result.error };
}

function unexpected(cause: string): FileTaskOutcome<never> {
  return { kind: 'failed', error: { code: 'unexpected', cause } };
}

/**
 * Logs a failed task with its technical cause, which the screen does not show. Problems of the
 * file itself are warnings, and anything unexpected is an error.
 */
function logFailure(kind: keyof FileTaskValues, error: AppError): void {
  const level = error.code === 'unexpected' ? 'error' : 'warn';
  const cause = error.cause === undefined ? '' : `: ${error.cause}`;
  platform.log(level, `The ${kind} task failed with ${error.code}${cause}`, error.detail);
}

/** Runs the request on the calling thread, for where no worker can be started. */
function runOnThisThread(request: FileWorkerRequest, report: ReportFileProgress): Promise<Result<FileTaskValues[keyof FileTaskValues]>> {
  if (request.kind === 'export') return encodePortfolio(request.request, report);
  return decodePortfolio(request.request, report);
}

/** Starts the file worker, or returns `null` where this environment has no module workers. */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./fileWorker.ts', import.meta.url), { type: 'module', name: 'steerwise-file' });
  } catch (thrown) {
    platform.log('warn', `The file worker could not be created, so the file work runs on the main thread: ${String(thrown)}`);
    return null;
  }
}

/**
 * Starts `request` in a new file worker and reports its progress through `onProgress`. Where no
 * worker can be created, or the worker's script fails to load, the same work runs on the main
 * thread (the window then freezes while it runs). Node, where unit tests run, has no `Worker`.
 */
export function startFileTask<K extends keyof FileTaskValues>(
  request: RequestOf<K>,
  onProgress: ReportFileProgress,
): FileTask<FileTaskValues[K]> {
  let settled = false;
  let worker: Worker | null = null;
  let resolveOutcome: (outcome: FileTaskOutcome<FileTaskValues[K]>) => void = () => undefined;
  const outcome = new Promise<FileTaskOutcome<FileTaskValues[K]>>((resolve) => {
    resolveOutcome = resolve;
  });

  const finish = (end: FileTaskOutcome<FileTaskValues[K]>): void => {
    if (settled) return;
    settled = true;
    // A missing passphrase is the normal first step of opening an encrypted file, not a failure to log.
    if (end.kind === 'failed' && end.error.code !== 'portfolioFile.passphraseRequired') logFailure(request.kind, end.error);
    worker?.terminate();
    worker = null;
    resolveOutcome(end);
  };
  const cancel = (): void => {
    finish({ kind: 'cancelled' });
  };
  const report: ReportFileProgress = (progress) => {
    if (!settled) onProgress(progress);
  };
  const runHere = (): void => {
    runOnThisThread(request, report).then(
      (result) => {
        // `request.kind` is K, so the value is the one of K, but TypeScript does not carry that through the union.
        finish(outcomeOf(result as Result<FileTaskValues[K]>));
      },
      (thrown: unknown) => {
        finish(unexpected(String(thrown)));
      },
    );
  };

  worker = startWorker();
  if (worker === null) {
    runHere();
    return { outcome, cancel };
  }

  const started = worker;
  let loaded = false;
  started.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseFileWorkerMessage(request.kind, event.data);
    if (message === null) {
      finish(unexpected(`The file worker sent an invalid message during the ${request.kind} task.`));
      return;
    }
    if (message.type === 'ready') loaded = true;
    else if (message.type === 'progress') report(message.progress);
    else if (message.type === 'done') finish({ kind: 'done', value: message.value });
    else finish({ kind: 'failed', error: message.error });
  });
  started.addEventListener('error', (event: Event) => {
    event.preventDefault();
    if (settled) return;
    // A script that fails to load gives a plain `Event`, and an uncaught error inside gives an `ErrorEvent`.
    const reason = event instanceof ErrorEvent ? event.message : 'the script could not be loaded';
    if (!loaded) {
      // The script did not load: blocked by the Content Security Policy, missing from the build,
      // or a file:// page that may not start workers. The same work still runs here.
      platform.log('warn', `The file worker failed to load, so the ${request.kind} task runs on the main thread: ${reason}`);
      started.terminate();
      worker = null;
      runHere();
      return;
    }
    finish(unexpected(`The file worker failed during the ${request.kind} task: ${reason}`));
  });
  started.addEventListener('messageerror', () => {
    finish(unexpected(`A message of the file worker could not be deserialized during the ${request.kind} task.`));
  });
  started.postMessage(request);

  return { outcome, cancel };
}
