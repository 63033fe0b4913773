import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { foldedTombstoneClock } from '../../../../shared/sync/mergeNaturalKeys';
import { at, contract, kpi, measurement, provider, recordOf, serviceLevel, snapshot, tombstone } from './mergeTestKit';

const now = Date.UTC(2026, 0, 2);

/** Local and remote each imported KPI `calls.answered` under their own id; `kA` < `kB`. */
function twinKpis() {
  const local = snapshot({
    records: {
      kpis: [
        kpi(
          'kB',
          { clock: at(1, 'devL'), fieldClocks: { description: at(7, 'devL') } },
          { key: 'calls.answered', description: 'Local text' },
        ),
      ],
      measurements: [measurement('mB', { clock: at(1, 'devL') }, 'p1', 'kB', '2025-01', { value: 91 })],
      serviceLevels: [serviceLevel('sB', { clock: at(1, 'devL') }, 'p1', 'kB')],
    },
  });
  const remote = snapshot({
    records: {
      kpis: [kpi('kA', { clock: at(2, 'devR'), fieldClocks: { name: at(6, 'devR') } }, { key: 'calls.answered', name: 'Remote name' })],
      measurements: [measurement('mA', { clock: at(2, 'devR') }, 'p1', 'kA', '2025-02')],
    },
  });
  return { local, remote };
}

describe('mergeSnapshots natural keys', () => {
  it('keeps the KPI with the smaller id', () => {
    const { local, remote } = twinKpis();

    const ids = mergeSnapshots(local, remote, { now }).snapshot.records.kpis.map((record) => record.id);

    expect(ids).toEqual(['kA']);
  });

  it('folds the fields of both KPIs by clock', () => {
    const { local, remote } = twinKpis();

    const survivor = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'kpis', 'kA');

    expect(survivor?.name).toBe('Remote name');
    expect(survivor?.description).toBe('Local text');
  });

  it('tombstones the folded KPI with the fold clock', () => {
    const { local, remote } = twinKpis();

    const { tombstones } = mergeSnapshots(local, remote, { now }).snapshot;

    expect(tombstones).toEqual([tombstone('kB', 'kpis', foldedTombstoneClock)]);
  });

  it('rewrites measurement references to the survivor', () => {
    const { local, remote } = twinKpis();

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'measurements', 'mB');

    expect(merged?.kpiId).toBe('kA');
  });

  it('keeps the clock of a rewritten reference', () => {
    const { local, remote } = twinKpis();

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'measurements', 'mB');

    expect(merged?.clock).toBe(at(1, 'devL'));
    expect(merged?.fieldClocks).toEqual({});
  });

  it('rewrites service level references to the survivor', () => {
    const { local, remote } = twinKpis();

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'serviceLevels', 'sB');

    expect(merged?.kpiId).toBe('kA');
  });

  it('folds measurements that collide after rewriting', () => {
    const local = snapshot({
      records: {
        kpis: [kpi('kB', { clock: at(1, 'devL') }, { key: 'calls.answered' })],
        measurements: [measurement('mB', { clock: at(1, 'devL') }, 'p1', 'kB', '2025-01', { value: 91 })],
      },
    });
    const remote = snapshot({
      records: {
        kpis: [kpi('kA', { clock: at(2, 'devR') }, { key: 'calls.answered' })],
        measurements: [measurement('mA', { clock: at(2, 'devR') }, 'p1', 'kA', '2025-01', { value: 93 })],
      },
    });

    const result = mergeSnapshots(local, remote, { now }).snapshot;

    expect(result.records.measurements.map((record) => record.id)).toEqual(['mA']);
    expect(result.records.measurements[0]?.value).toBe(93);
    expect(result.tombstones).toContainEqual(tombstone('mB', 'measurements', foldedTombstoneClock));
  });

  it('merges providers with the same code', () => {
    const local = snapshot({
      records: {
        providers: [provider('pB', { clock: at(1, 'devL') }, { code: 'RYE' })],
        contracts: [contract('c1', { clock: at(1, 'devL') }, 'pB')],
      },
    });
    const remote = snapshot({ records: { providers: [provider('pA', { clock: at(2, 'devR') }, { code: 'RYE' })] } });

    const result = mergeSnapshots(local, remote, { now }).snapshot;

    expect(result.records.providers.map((record) => record.id)).toEqual(['pA']);
    expect(recordOf(result, 'contracts', 'c1')?.providerId).toBe('pA');
  });

  it('keeps providers without a code apart', () => {
    const local = snapshot({ records: { providers: [provider('pB', { clock: at(1, 'devL') }, { name: 'Same name' })] } });
    const remote = snapshot({ records: { providers: [provider('pA', { clock: at(2, 'devR') }, { name: 'Same name' })] } });

    const ids = mergeSnapshots(local, remote, { now }).snapshot.records.providers.map((record) => record.id);

    expect(ids).toEqual(['pA', 'pB']);
  });

  it('folds into a live record, not a deleted smaller id', () => {
    const local = snapshot({
      records: { kpis: [kpi('kB', { clock: at(3, 'devL') }, { key: 'calls.answered' })] },
      tombstones: [tombstone('kA', 'kpis', at(4, 'devL'))],
    });
    const remote = snapshot({ records: { kpis: [kpi('kA', { clock: at(1, 'devR') }, { key: 'calls.answered' })] } });

    const ids = mergeSnapshots(local, remote, { now }).snapshot.records.kpis.map((record) => record.id);

    expect(ids).toEqual(['kB']);
  });

  it('brings a later edit of a folded record to the survivor', () => {
    const local = snapshot({
      records: { kpis: [kpi('kA', { clock: at(2, 'devL') }, { key: 'calls.answered' })] },
      tombstones: [tombstone('kB', 'kpis', foldedTombstoneClock)],
    });
    const remote = snapshot({
      records: {
        kpis: [kpi('kB', { clock: at(1, 'devR'), fieldClocks: { name: at(9, 'devR') } }, { key: 'calls.answered', name: 'Late edit' })],
      },
    });

    const survivor = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'kpis', 'kA');

    expect(survivor?.name).toBe('Late edit');
  });

  it('prefers a rewritten reference when the survivor is gone', () => {
    // Local folded kB into kA and then deleted kA; the remote copy of m1 still names kB.
    const local = snapshot({
      records: { measurements: [measurement('m1', { clock: at(1, 'devR') }, 'p1', 'kA', '2025-01')] },
      tombstones: [tombstone('kA', 'kpis', at(5, 'devL')), tombstone('kB', 'kpis', foldedTombstoneClock)],
    });
    const remote = snapshot({
      records: {
        kpis: [kpi('kB', { clock: at(1, 'devR') }, { key: 'calls.answered' })],
        measurements: [measurement('m1', { clock: at(1, 'devR') }, 'p1', 'kB', '2025-01')],
      },
    });

    const forward = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'measurements', 'm1');
    const backward = recordOf(mergeSnapshots(remote, local, { now }).snapshot, 'measurements', 'm1');

    expect(forward?.kpiId).toBe('kA');
    expect(backward?.kpiId).toBe('kA');
  });

  it('gives the same survivor in both directions', () => {
    const { local, remote } = twinKpis();

    const forward = mergeSnapshots(local, remote, { now }).snapshot;
    const backward = mergeSnapshots(remote, local, { now }).snapshot;

    expect(backward.records).toEqual(forward.records);
    expect(backward.tombstones).toEqual(forward.tombstones);
  });
});
