import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import { placeholderClock } from '../../../../shared/sync/fieldClocks';
import type { HlcString } from '../../../../shared/domain/types';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { mergeSnapshotsFull } from '../../../../shared/sync/mergeFull';
import { latestClockOfDelta } from '../../../../shared/sync/mergeClocks';
import { isCovered } from '../../../../shared/sync/mergeVersionVector';
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
    expect(failure.appError.detail).toEqual({
      side: 'remote',
      table: 'kpis',
      recordId: 'k1',
      field: 'name',
      value: '2026-01-01T00:00:00Z',
    });
  });

  // The merge checks clocks as it reads each record. Each case below is a record that the
  // merge-join keeps, drops without reading, or never compares with another copy.
  describe.each([
    ['mergeSnapshots', mergeSnapshots],
    ['mergeSnapshotsFull', mergeSnapshotsFull],
  ])('%s', (_name, merge) => {
    const good = kpi('k1', { clock: at(1, 'devL') });
    const bad = kpi('k1', { clock: at(1, 'devL'), fieldClocks: { name: 'soon' } });
    const badDetail = { table: 'kpis', recordId: 'k1', field: 'name', value: 'soon' };

    it('names an invalid clock of a local-only record', () => {
      const failure = appFailureOf(() => merge(snapshot({ records: { kpis: [bad] } }), snapshot(), { now: baseWallMs }));

      expect(failure.appError.detail).toEqual({ side: 'local', ...badDetail });
    });

    it('names an invalid clock of a kept copy', () => {
      const local = snapshot({ records: { kpis: [bad] }, versionVector: { devL: at(1, 'devL') } });
      const remote = snapshot({ records: { kpis: [good] } });

      const failure = appFailureOf(() => merge(local, remote, { now: baseWallMs }));

      expect(failure.appError.detail).toEqual({ side: 'local', ...badDetail });
    });

    it('names an invalid clock of a replaced repeat', () => {
      const remote = snapshot({ records: { kpis: [bad, good] } });

      const failure = appFailureOf(() => merge(snapshot(), remote, { now: baseWallMs }));

      expect(failure.appError.detail).toEqual({ side: 'remote', ...badDetail });
    });

    it('names an invalid clock of equal copies', () => {
      const failure = appFailureOf(() =>
        merge(snapshot({ records: { kpis: [bad] } }), snapshot({ records: { kpis: [bad] } }), { now: baseWallMs }),
      );

      expect(failure.appError.detail).toEqual({ side: 'local', ...badDetail });
    });

    it('names a clock of another type', () => {
      const remote = snapshot({ records: { kpis: [{ ...good, clock: 17 as unknown as HlcString }] } });

      const failure = appFailureOf(() => merge(snapshot(), remote, { now: baseWallMs }));

      expect(failure.appError.detail).toEqual({ side: 'remote', table: 'kpis', recordId: 'k1', field: 'clock', value: '17' });
    });
  });

  it('names a malformed local tombstone clock', () => {
    const local = snapshot({ tombstones: [tombstone('p1', 'providers', 'later')] });

    const failure = appFailureOf(() => mergeSnapshots(local, snapshot(), { now: baseWallMs }));

    expect(failure.appError.detail).toEqual({ side: 'local', table: 'tombstones', recordId: 'p1', field: 'clock', value: 'later' });
  });
});

describe('latestClockOfDelta', () => {
  it('finds the latest of record, field and tombstone clocks', () => {
    const local = snapshot();
    const remote = snapshot({
      records: {
        providers: [provider('p1', { clock: at(60, 'devR'), fieldClocks: { name: at(300, 'devR') } })],
        kpis: [kpi('k1', { clock: at(120, 'devR') })],
      },
      tombstones: [tombstone('p9', 'providers', at(240, 'devQ'))],
    });
    const { delta } = mergeSnapshots(local, remote, { now: baseWallMs });
    expect(latestClockOfDelta(delta)).toBe(at(300, 'devR'));
  });

  it('finds a tombstone clock later than every record', () => {
    const remote = snapshot({
      records: { kpis: [kpi('k1', { clock: at(120, 'devR') })] },
      tombstones: [tombstone('p9', 'providers', at(900, 'devQ'))],
    });
    expect(latestClockOfDelta(mergeSnapshots(snapshot(), remote, { now: baseWallMs }).delta)).toBe(at(900, 'devQ'));
  });

  it('returns null when the delta writes nothing', () => {
    const same = snapshot({ records: { kpis: [kpi('k1', { clock: at(120, 'devR') })] } });
    expect(latestClockOfDelta(mergeSnapshots(same, same, { now: baseWallMs }).delta)).toBeNull();
  });
});

describe('isCovered', () => {
  it('covers a placeholder by an empty vector', () => {
    expect(isCovered(placeholderClock, {})).toBe(true);
  });

  it('covers a clock up to the device entry only', () => {
    expect(isCovered(at(60, 'devR'), { devR: at(60, 'devR') })).toBe(true);
    expect(isCovered(at(61, 'devR'), { devR: at(60, 'devR') })).toBe(false);
    expect(isCovered(at(1, 'devQ'), { devR: at(60, 'devR') })).toBe(false);
  });
});
