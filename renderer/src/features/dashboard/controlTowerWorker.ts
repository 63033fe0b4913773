/**
 * Module worker that builds the dashboard summary, one KPI's comparison across providers, or the
 * pending escalation rule actions, off the main thread. It opens the portfolio database by name
 * on its own connection, reads the records itself, posts the small result and closes the
 * connection, so the dashboard never loads every measurement into the window. It receives one
 * `ControlTowerRequest` and posts `ready` and then one `done` or `failed` (see
 * `controlTowerWorkerProtocol.ts`).
 */
import type { AppError } from '@shared/errors';
import { AppFailure } from '@shared/errors';
import { openChecked } from '../../db/openDatabase';
import { PortfolioDb } from '../../db/portfolioDb';
import { computeControlTowerSummary, computeKpiComparison, computePendingEscalationActions } from './controlTowerInput';
import type { ControlTowerMessage, ControlTowerRequest } from './controlTowerWorkerProtocol';
import { parseControlTowerRequest } from './controlTowerWorkerProtocol';

/** The part of `DedicatedWorkerGlobalScope` this worker uses, declared here because the renderer's types describe a window. */
interface WorkerScope {
  postMessage(message: ControlTowerMessage<unknown>): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

function fail(error: AppError): void {
  scope.postMessage({ type: 'failed', error });
}

async function run(request: ControlTowerRequest): Promise<unknown> {
  const db = await openChecked(new PortfolioDb(request.databaseName));
  try {
    if (request.kind === 'summary') return await computeControlTowerSummary(db, request.selection, request.today);
    if (request.kind === 'comparison') return await computeKpiComparison(db, request.kpiId, request.reportingMonth, request.basis);
    return await computePendingEscalationActions(db, request.now, request.today);
  } finally {
    db.close();
  }
}

scope.addEventListener('message', (event) => {
  const request = parseControlTowerRequest(event.data);
  if (request === null) {
    fail({ code: 'unexpected', cause: 'The control tower worker received a message that is not a valid request.' });
    return;
  }
  run(request).then(
    (value) => {
      scope.postMessage({ type: 'done', value });
    },
    (thrown: unknown) => {
      // The client logs the failure: the renderer's logger talks to the window, which a worker has not.
      if (thrown instanceof AppFailure) fail(thrown.appError);
      else fail({ code: 'unexpected', cause: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown) });
    },
  );
});

scope.postMessage({ type: 'ready' });
