/**
 * The export and open steps that the file worker runs, called directly in Node, and the worker
 * client's main-thread fallback, which Node takes because it has no `Worker`.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { largePortfolioSnapshot } from '../../../../../e2e/largePortfolio';
import { decodePortfolio, encodePortfolio } from '../../../../../../renderer/src/features/sync/fileTasks';
import type { ExportRequest, FileProgress } from '../../../../../../renderer/src/features/sync/fileTasks';

vi.hoisted(() => {
  // The client logs through the platform module, which reads `window.steerwise`, and Node has no `window`.
  vi.stubGlobal('window', globalThis);
});

const { startFileTask } = await import('../../../../../../renderer/src/features/sync/fileWorkerClient');

const snapshot = largePortfolioSnapshot('Small synthetic', { providers: 3, months: 4 });
const metadata = { appVersion: '0.1.0', exportedAt: '2026-03-01T09:30:00.000Z' };
const passphrase = 'correct horse battery staple';

function exportRequest(changes: Partial<ExportRequest> = {}): ExportRequest {
  return { snapshot, metadata, scope: {}, passphrase: null, ...changes };
}

function collect(): { readonly stages: FileProgress['stage'][]; readonly report: (progress: FileProgress) => void } {
  const stages: FileProgress['stage'][] = [];
  return { stages, report: (progress) => stages.push(progress.stage) };
}

async function encoded(request: ExportRequest): Promise<Uint8Array> {
  const result = await encodePortfolio(request, () => undefined);
  if (!result.ok) throw new Error(`export failed: ${result.error.code}`);
  return result.value;
}

describe('encodePortfolio', () => {
  it('round-trips through decodePortfolio', async () => {
    const result = await decodePortfolio(
      { bytes: await encoded(exportRequest()), fileName: 'small.steerwise', passphrase: null },
      () => undefined,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.snapshot.records.measurements).toHaveLength(12);
    expect(result.value.snapshot.records.providers).toHaveLength(3);
  });

  it('reports serializing then compressing', async () => {
    const { stages, report } = collect();
    await encodePortfolio(exportRequest(), report);
    expect(stages[0]).toBe('serializing');
    expect(stages).toContain('compressing');
    expect(stages).not.toContain('encrypting');
  });

  it('reports encrypting last with a passphrase', async () => {
    const { stages, report } = collect();
    const result = await encodePortfolio(exportRequest({ passphrase }), report);
    expect(result.ok).toBe(true);
    expect(stages.at(-1)).toBe('encrypting');
  });

  it('returns storage.notFound for a missing scoped provider', async () => {
    const missing = '019c1d94-0000-7000-8000-00000000dead';
    const result = await encodePortfolio(exportRequest({ scope: { providerIds: [missing] } }), () => undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'storage.notFound', detail: { table: 'providers', id: missing, reason: 'exportScope' } },
    });
  });

  it('returns invalidRecord instead of rejecting', async () => {
    const [first, ...rest] = snapshot.records.measurements;
    if (first === undefined) throw new Error('the snapshot has no measurements');
    const broken: PortfolioSnapshot = {
      ...snapshot,
      records: { ...snapshot.records, measurements: [{ ...first, period: '2015-13' }, ...rest] },
    };
    const result = await encodePortfolio(exportRequest({ snapshot: broken }), () => undefined);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('portfolioFile.invalidRecord');
  });
});

describe('decodePortfolio', () => {
  it('asks for the passphrase of an encrypted file', async () => {
    const bytes = await encoded(exportRequest({ passphrase }));
    const result = await decodePortfolio({ bytes, fileName: 'locked.steerwise', passphrase: null }, () => undefined);
    expect(result).toEqual({ ok: false, error: { code: 'portfolioFile.passphraseRequired', detail: { file: 'locked.steerwise' } } });
  });

  it('rejects a wrong passphrase', async () => {
    const bytes = await encoded(exportRequest({ passphrase }));
    const result = await decodePortfolio({ bytes, fileName: 'locked.steerwise', passphrase: 'wrong' }, () => undefined);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('portfolioFile.wrongPassphrase');
  });

  it('reports decrypting, inflating and validating', async () => {
    const bytes = await encoded(exportRequest({ passphrase }));
    const { stages, report } = collect();
    const result = await decodePortfolio({ bytes, fileName: 'locked.steerwise', passphrase }, report);
    expect(result.ok).toBe(true);
    expect(stages[0]).toBe('decrypting');
    expect(stages).toContain('inflating');
    expect(stages.at(-1)).toBe('validating');
  });

  it('names the file of bytes that are no ZIP', async () => {
    const result = await decodePortfolio(
      { bytes: new TextEncoder().encode('not a zip'), fileName: 'notes.txt', passphrase: null },
      () => undefined,
    );
    expect(result).toEqual({ ok: false, error: { code: 'portfolioFile.notZip', detail: { file: 'notes.txt' } } });
  });
});

describe('startFileTask without Worker', () => {
  it('runs the export on this thread', async () => {
    const { stages, report } = collect();
    const outcome = await startFileTask({ kind: 'export', request: exportRequest() }, report).outcome;
    expect(outcome.kind).toBe('done');
    expect(stages).toContain('compressing');
  });

  it('returns an open failure as a value', async () => {
    const outcome = await startFileTask(
      { kind: 'open', request: { bytes: new Uint8Array(8), fileName: 'empty.steerwise', passphrase: null } },
      () => undefined,
    ).outcome;
    expect(outcome).toEqual({ kind: 'failed', error: { code: 'portfolioFile.notZip', detail: { file: 'empty.steerwise' } } });
  });

  it('cancels and drops later progress', async () => {
    const { stages, report } = collect();
    const task = startFileTask({ kind: 'export', request: exportRequest({ passphrase }) }, report);
    // The fallback runs synchronously up to its first await, so some stages arrive before cancel.
    const reportedBeforeCancel = stages.length;
    task.cancel();
    expect(await task.outcome).toEqual({ kind: 'cancelled' });
    // The fallback cannot be interrupted, so wait past its end and check that nothing more was reported.
    await encodePortfolio(exportRequest({ passphrase }), () => undefined);
    expect(stages).toHaveLength(reportedBeforeCancel);
    expect(stages).not.toContain('encrypting');
  });
});
