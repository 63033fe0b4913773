import { describe, expect, it } from 'vitest';
import { parseFileWorkerMessage, parseFileWorkerRequest } from '../../../../../../renderer/src/features/sync/fileWorkerProtocol';

const snapshotShape = {
  portfolioId: 'p1',
  portfolioName: 'North',
  deviceId: 'a1b2c3d4e5f6',
  records: { providers: [] },
  tombstones: [],
  versionVector: {},
};

describe('parseFileWorkerMessage', () => {
  it('accepts ready', () => {
    expect(parseFileWorkerMessage('export', { type: 'ready' })).toEqual({ type: 'ready' });
  });

  it('accepts counted progress', () => {
    const progress = { stage: 'serializing', entry: 'records/providers.json', done: 10, total: 20 };
    expect(parseFileWorkerMessage('export', { type: 'progress', progress })).toEqual({ type: 'progress', progress });
  });

  it('rejects progress with a negative count', () => {
    expect(parseFileWorkerMessage('open', { type: 'progress', progress: { stage: 'inflating', done: -1, total: 3 } })).toBeNull();
  });

  it('rejects progress of an unknown stage', () => {
    expect(parseFileWorkerMessage('open', { type: 'progress', progress: { stage: 'uploading' } })).toBeNull();
  });

  it('keeps code, detail and cause of a failure', () => {
    const error = { code: 'portfolioFile.wrongPassphrase', detail: { file: 'a.steerwise' }, cause: 'key check' };
    expect(parseFileWorkerMessage('open', { type: 'failed', error })).toEqual({ type: 'failed', error });
  });

  it('omits absent detail and cause', () => {
    const message = parseFileWorkerMessage('open', { type: 'failed', error: { code: 'unexpected' } });
    expect(message).toEqual({ type: 'failed', error: { code: 'unexpected' } });
    expect(message !== null && message.type === 'failed' && 'detail' in message.error).toBe(false);
  });

  it('rejects a failure with an unknown code', () => {
    expect(parseFileWorkerMessage('open', { type: 'failed', error: { code: 'portfolioFile.eaten' } })).toBeNull();
  });

  it('rejects a failure with an object in its detail', () => {
    expect(parseFileWorkerMessage('open', { type: 'failed', error: { code: 'unexpected', detail: { file: {} } } })).toBeNull();
  });

  it('accepts export bytes as the same array', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const message = parseFileWorkerMessage('export', { type: 'done', value: bytes });
    expect(message?.type).toBe('done');
    expect(message !== null && message.type === 'done' ? message.value : null).toBe(bytes);
  });

  it('rejects an export result that is not bytes', () => {
    expect(parseFileWorkerMessage('export', { type: 'done', value: [1, 2, 3] })).toBeNull();
  });

  it('accepts a parsed file as an open result', () => {
    const value = { manifest: {}, snapshot: snapshotShape, sourceFormatVersion: 2 };
    const message = parseFileWorkerMessage('open', { type: 'done', value });
    expect(message !== null && message.type === 'done' ? message.value : null).toBe(value);
  });

  it('rejects bytes as an open result', () => {
    expect(parseFileWorkerMessage('open', { type: 'done', value: new Uint8Array(3) })).toBeNull();
  });

  it.each([null, 'done', 42, {}, { type: 'finished' }])('rejects %j', (data) => {
    expect(parseFileWorkerMessage('export', data)).toBeNull();
  });
});

describe('parseFileWorkerRequest', () => {
  const exportRequest = {
    kind: 'export',
    request: {
      snapshot: snapshotShape,
      metadata: { appVersion: '0.1.0', exportedAt: '2026-03-01T09:30:00.000Z' },
      scope: { providerIds: ['x'], withoutCommercialTerms: true },
      passphrase: null,
    },
  };

  it('accepts an export request', () => {
    expect(parseFileWorkerRequest(exportRequest)).toBe(exportRequest);
  });

  it('accepts an open request', () => {
    const request = { kind: 'open', request: { bytes: new Uint8Array(4), fileName: 'a.steerwise', passphrase: 'secret' } };
    expect(parseFileWorkerRequest(request)).toBe(request);
  });

  it('rejects an open request without bytes', () => {
    expect(parseFileWorkerRequest({ kind: 'open', request: { bytes: [1, 2], fileName: 'a.steerwise', passphrase: null } })).toBeNull();
  });

  it('rejects an export without a snapshot', () => {
    expect(parseFileWorkerRequest({ ...exportRequest, request: { ...exportRequest.request, snapshot: null } })).toBeNull();
  });

  it('rejects an unknown kind', () => {
    expect(parseFileWorkerRequest({ kind: 'merge', request: {} })).toBeNull();
  });
});
