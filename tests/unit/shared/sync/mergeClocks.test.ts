import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { defaultMaxClockSkewMs } from '../../../../shared/sync/mergeTypes';
import { at, baseWallMs, kpi, provider, snapshot, tombstone } from './mergeTestKit';

const minute = 60_000;

/** Remote data written at base + 10 minutes by devR, with a version vector entry at base + 20 minutes. */
function futureRemote() {
  return snapshot({
    records: { providers: [provider('p1', { clock: at(600, 'devR') })], kpis: [kpi('k1', { clock: at(600, 'devR') })] },
    tombstones: [tombstone('p9', 'providers', at(60, 'devQ'))],
    versionVector: { devR: at(1200, 'devR') },
  });
}

function appFailureOf(action: () => unknown): AppFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('Expected an AppFailure');
}

describe('mergeSnapshots clock skew', () => {
  it('flags distinct remote clocks beyond the limit', () => {
    const { clockSkew } = mergeSnapshots(snapshot(), futureRemote(), { now: baseWallMs }).preview;

    expect(clockSkew.aheadCount).toBe(2);
    expect(clockSkew.maxAheadMs).toBe(20 * minute);
    expect(clockSkew.deviceIds).toEqual(['devR']);
  });

  it('uses five minutes by default', () => {
    const { clockSkew } = mergeSnapshots(snapshot(), futureRemote(), { now: baseWallMs }).preview;

    expect(clockSkew.maxClockSkewMs).toBe(defaultMaxClockSkewMs);
    expect(defaultMaxClockSkewMs).toBe(5 * minute);
  });

  it('flags nothing within the limit', () => {
    const { clockSkew } = mergeSnapshots(snapshot(), futureRemote(), { now: baseWallMs, maxClockSkewMs: 30 * minute }).preview;

    expect(clockSkew).toEqual({ maxClockSkewMs: 30 * minute, aheadCount: 0, maxAheadMs: 0, deviceIds: [] });
  });

  it('ignores local clocks ahead of now', () => {
    const { clockSkew } = mergeSnapshots(futureRemote(), snapshot(), { now: baseWallMs }).preview;

    expect(clockSkew.aheadCount).toBe(0);
  });

  it('merges the same way at any time', () => {
    const early = mergeSnapshots(snapshot(), futureRemote(), { now: baseWallMs });
    const late = mergeSnapshots(snapshot(), futureRemote(), { now: baseWallMs + 60 * minute });

    expect(late.snapshot).toEqual(early.snapshot);
    expect(late.delta).toEqual(early.delta);
  });
});

describe('mergeSnapshots input errors', () => {
  it('rejects snapshots of another portfolio', () => {
    const other = { ...snapshot(), portfolioId: 'portfolio-2' };

    const failure = appFailureOf(() => mergeSnapshots(snapshot(), other, { now: baseWallMs }));

    expect(failure.appError.code).toBe('merge.portfolioMismatch');
    expect(failure.appError.detail).toEqual({ localPortfolioId: 'portfolio-1', remotePortfolioId: 'portfolio-2' });
  });

  it('names a malformed field clock', () => {
    const remote = snapshot({ records: { kpis: [kpi('k1', { clock: at(1, 'devR'), fieldClocks: { name: '2026-01-01T00:00:00Z' } })] } });

    const failure = appFailureOf(() => mergeSnapshots(snapshot(), remote, { now: baseWallMs }));

    expect(failure.appError.code).toBe('merge.invalidClock');
    expect(failure.appError.detail).toEqual({ side: 'remote', table: 'kpis', recordId: 'k1', field: 'name', value: '2026-01-01T00:00:00Z' });
  });

  it('names a malformed local tombstone clock', () => {
    const local = snapshot({ tombstones: [tombstone('p1', 'providers', 'later')] });

    const failure = appFailureOf(() => mergeSnapshots(local, snapshot(), { now: baseWallMs }));

    expect(failure.appError.detail).toEqual({ side: 'local', table: 'tombstones', recordId: 'p1', field: 'clock', value: 'later' });
  });
});
