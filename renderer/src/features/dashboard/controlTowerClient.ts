/**
 * Runs a request in the control tower worker (`controlTowerWorker.ts`), one worker per request,
 * and turns its messages into a promise of the outcome and a cancel that terminates the worker.
 * Where no worker can start, the same reads and computation run on the main thread.
 */
import type { AppError } from '@shared/errors';
import { AppFailure } from '@shared/errors';
import type { CalendarDate, Period } from '@shared/domain/types';
import type { ComparisonBasis } from '@shared/kpi/controlTowerComparison';
import type { ControlTowerSelection } from '@shared/kpi/controlTowerSummary';
import type { PortfolioDb } from '../../db/portfolioDb';
import { platform } from '../../platform';
import { computeControlTowerSummary, computeKpiComparison, computePendingEscalationActions } from './controlTowerInput';
import type { ControlTowerRequest, ControlTowerValues } from './controlTowerWorkerProtocol';
import { parseControlTowerMessage } from './controlTowerWorkerProtocol';
import type { WorkerOutcome } from '../../workerMessages';

/** End of a request. */
export type ControlTowerOutcome<T> = WorkerOutcome<T>;

export interface ControlTowerTask<T> {
  readonly outcome: Promise<ControlTowerOutcome<T>>;
  /** Terminates the worker and resolves `outcome` as `cancelled`; the main-thread fallback cannot be interrupted, so its result is discarded. */
  readonly cancel: () => void;
}

type RequestOf<K extends keyof ControlTowerValues> = Extract<ControlTowerRequest, { readonly kind: K }>;

/** Builds the request for the dashboard summary of `db`. */
export function summaryRequest(db: PortfolioDb, selection: ControlTowerSelection, today: CalendarDate): RequestOf<'summary'> {
  return { kind: 'summary', databaseName: db.name, selection, today };
}

/** Builds the request for the comparison of one KPI across the providers of `db`. */
export function comparisonRequest(db: PortfolioDb, kpiId: string, reportingMonth: Period, basis: ComparisonBasis): RequestOf<'comparison'> {
  return { kind: 'comparison', databaseName: db.name, kpiId, reportingMonth, basis };
}

/** Builds the request for the pending escalation rule actions of `db`. */
export function escalationActionsRequest(db: PortfolioDb, now: string, today: CalendarDate): RequestOf<'escalationActions'> {
  return { kind: 'escalationActions', databaseName: db.name, now, today };
}

function runOnThisThread(db: PortfolioDb, request: ControlTowerRequest): Promise<ControlTowerValues[keyof ControlTowerValues]> {
  if (request.kind === 'summary') return computeControlTowerSummary(db, request.selection, request.today);
  if (request.kind === 'comparison') return computeKpiComparison(db, request.kpiId, request.reportingMonth, request.basis);
  return computePendingEscalationActions(db, request.now, request.today);
}

function errorOf(thrown: unknown): AppError {
  if (thrown instanceof AppFailure) return thrown.appError;
  return { code: 'unexpected', cause: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown) };
}

/** Starts the worker, or returns `null` where this environment has no module workers (Node, where unit tests run). */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./controlTowerWorker.ts', import.meta.url), { type: 'module', name: 'steerwise-control-tower' });
  } catch (thrown) {
    platform.log('warn', `The control tower worker could not be created, so the dashboard is computed on the main thread: ${String(thrown)}`);
    return null;
  }
}

/**
 * Starts `request` in a new control tower worker. Where no worker can be created, or its script
 * fails to load, the request runs on the main thread against `db`, and the window freezes while
 * it runs on a large portfolio.
 */
export function startControlTowerTask<K extends keyof ControlTowerValues>(db: PortfolioDb, request: RequestOf<K>): ControlTowerTask<ControlTowerValues[K]> {
  let settled = false;
  let worker: Worker | null = null;
  let resolveOutcome: (outcome: ControlTowerOutcome<ControlTowerValues[K]>) => void = () => undefined;
  const outcome = new Promise<ControlTowerOutcome<ControlTowerValues[K]>>((resolve) => {
    resolveOutcome = resolve;
  });

  const finish = (end: ControlTowerOutcome<ControlTowerValues[K]>): void => {
    if (settled) return;
    settled = true;
    if (end.kind === 'failed') {
      const cause = end.error.cause === undefined ? '' : `: ${end.error.cause}`;
      platform.log('error', `The control tower ${request.kind} request failed with ${end.error.code}${cause}`, end.error.detail);
    }
    worker?.terminate();
    worker = null;
    resolveOutcome(end);
  };
  const cancel = (): void => {
    finish({ kind: 'cancelled' });
  };
  const runHere = (): void => {
    runOnThisThread(db, request).then(
      (value) => {
        // `request.kind` is K, so the value is the one of K, but TypeScript does not carry that through the union.
        finish({ kind: 'done', value: value as ControlTowerValues[K] });
      },
      (thrown: unknown) => {
        finish({ kind: 'failed', error: errorOf(thrown) });
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
    const message = parseControlTowerMessage(request.kind, event.data);
    if (message === null) finish({ kind: 'failed', error: { code: 'unexpected', cause: `The control tower worker sent an invalid message for the ${request.kind} request.` } });
    else if (message.type === 'ready') loaded = true;
    else if (message.type === 'done') finish({ kind: 'done', value: message.value });
    else finish({ kind: 'failed', error: message.error });
  });
  started.addEventListener('error', (event: Event) => {
    event.preventDefault();
    if (settled) return;
    // A script that fails to load gives a plain `Event`, and an uncaught error inside gives an `ErrorEvent`.
    const reason = event instanceof ErrorEvent ? event.message : 'the script could not be loaded';
    if (!loaded) {
      platform.log('warn', `The control tower worker failed to load, so the ${request.kind} request runs on the main thread: ${reason}`);
      started.terminate();
      worker = null;
      runHere();
      return;
    }
    finish({ kind: 'failed', error: { code: 'unexpected', cause: `The control tower worker failed on the ${request.kind} request: ${reason}` } });
  });
  started.addEventListener('messageerror', () => {
    finish({ kind: 'failed', error: { code: 'unexpected', cause: `A message of the control tower worker could not be deserialized (${request.kind} request).` } });
  });
  started.postMessage(request);

  return { outcome, cancel };
}
