/**
 * Module worker that exports or opens one portfolio file off the main thread, so the window
 * stays responsive and can paint progress. It receives one `FileWorkerRequest`, posts `ready`,
 * `progress` messages and one `done` or `failed` (see `fileWorkerProtocol.ts`). The client
 * terminates it after the result or on Cancel.
 */
import { fail } from '@shared/errors';
import type { Result } from '@shared/errors';
import { decodePortfolio, encodePortfolio } from './fileTasks';
import type { FileProgress } from './fileTasks';
import type { FileWorkerMessage } from './fileWorkerProtocol';
import { parseFileWorkerRequest } from './fileWorkerProtocol';

/** The part of `DedicatedWorkerGlobalScope` this worker uses, declared here because the renderer's types describe a window. */
interface WorkerScope {
  postMessage(message: FileWorkerMessage<unknown>, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

function post(message: FileWorkerMessage<unknown>): void {
  scope.postMessage(message);
}

function reportProgress(progress: FileProgress): void {
  post({ type: 'progress', progress });
}

/** Posts the result. Export bytes are transferred rather than copied when they own their whole buffer. */
function postResult(result: Result<unknown>): void {
  if (!result.ok) {
    post({ type: 'failed', error: result.error });
    return;
  }
  const value = result.value;
  if (value instanceof Uint8Array) {
    const bytes = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice();
    scope.postMessage({ type: 'done', value: bytes }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  post({ type: 'done', value });
}

async function handle(data: unknown): Promise<void> {
  const request = parseFileWorkerRequest(data);
  if (request === null) {
    postResult(fail('unexpected', {}, 'The file worker received a message that is not a valid request.'));
    return;
  }
  if (request.kind === 'export') {
    postResult(await encodePortfolio(request.request, reportProgress));
    return;
  }
  postResult(await decodePortfolio(request.request, reportProgress));
}

scope.addEventListener('message', (event) => {
  // encodePortfolio and decodePortfolio never reject, so this catch covers a failed postMessage.
  handle(event.data).catch((thrown: unknown) => {
    postResult(fail('unexpected', {}, thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)));
  });
});

post({ type: 'ready' });
