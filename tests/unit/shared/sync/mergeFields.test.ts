import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { at, kpi, measurement, omitFields, provider, recordOf, snapshot } from './mergeTestKit';

const now = Date.UTC(2026, 0, 2);

/** Freezes a value and everything it contains, so that any write to it throws in strict mode. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

describe('mergeSnapshots fields', () => {
  it('takes each field from the later write', () => {
    const local = snapshot({
      records: {
        kpis: [kpi('k1', { clock: at(1, 'devL'), fieldClocks: { name: at(5, 'devL') } }, { name: 'Local name', description: 'old' })],
      },
    });
    const remote = snapshot({
      records: {
        kpis: [
          kpi(
            'k1',
            { clock: at(1, 'devL'), fieldClocks: { description: at(6, 'devR') } },
            { name: 'Old name', description: 'Remote text' },
          ),
        ],
      },
    });

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'kpis', 'k1');

    expect(merged?.name).toBe('Local name');
    expect(merged?.description).toBe('Remote text');
  });

  it('keeps merged clocks compact', () => {
    const local = snapshot({
      records: { kpis: [kpi('k1', { clock: at(1, 'devL'), fieldClocks: { name: at(5, 'devL') } }, { name: 'Local name' })] },
    });
    const remote = snapshot({
      records: { kpis: [kpi('k1', { clock: at(1, 'devL'), fieldClocks: { description: at(6, 'devR') } }, { description: 'Remote text' })] },
    });

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'kpis', 'k1');

    expect(merged?.clock).toBe(at(1, 'devL'));
    expect(merged?.fieldClocks).toEqual({ name: at(5, 'devL'), description: at(6, 'devR') });
  });

  it('folds the record clock up when every field is later', () => {
    const local = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') })] } });
    const remote = snapshot({ records: { providers: [provider('p1', { clock: at(7, 'devR') }, { name: 'Renamed' })] } });

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'providers', 'p1');

    expect(merged?.clock).toBe(at(7, 'devR'));
    expect(merged?.fieldClocks).toEqual({});
  });

  it('keeps a record that only one side has', () => {
    const local = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') })] } });
    const remote = snapshot({ records: { providers: [provider('p2', { clock: at(2, 'devR') })] } });

    const ids = mergeSnapshots(local, remote, { now }).snapshot.records.providers.map((record) => record.id);

    expect(ids).toEqual(['p1', 'p2']);
  });

  it('keeps local field absent from a scoped remote record', () => {
    const local = snapshot({ records: { kpis: [kpi('k1', { clock: at(1, 'devL') }, { description: 'Commercial detail' })] } });
    const scoped = omitFields(kpi('k1', { clock: at(9, 'devR') }, { name: 'Newer name' }), 'description');
    const remote = snapshot({ records: { kpis: [scoped] } });

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'kpis', 'k1');

    expect(merged?.description).toBe('Commercial detail');
    expect(merged?.name).toBe('Newer name');
  });

  it('keeps the local clock of a field absent from the remote record', () => {
    const local = snapshot({ records: { kpis: [kpi('k1', { clock: at(1, 'devL') })] } });
    const scoped = omitFields(kpi('k1', { clock: at(9, 'devR') }), 'description');
    const remote = snapshot({ records: { kpis: [scoped] } });

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'kpis', 'k1');

    expect(merged?.clock).toBe(at(1, 'devL'));
    expect(merged?.fieldClocks).toEqual({
      key: at(9, 'devR'),
      name: at(9, 'devR'),
      unit: at(9, 'devR'),
      direction: at(9, 'devR'),
      kind: at(9, 'devR'),
      aggregation: at(9, 'devR'),
    });
  });

  it('treats an undefined field as absent', () => {
    const local = snapshot({
      records: { measurements: [measurement('m1', { clock: at(1, 'devL') }, 'p1', 'k1', '2025-01', { sourceFile: 'jan.csv' })] },
    });
    const remote = snapshot({
      records: {
        measurements: [{ ...measurement('m1', { clock: at(3, 'devR') }, 'p1', 'k1', '2025-01'), sourceFile: undefined as unknown as null }],
      },
    });

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'measurements', 'm1');

    expect(merged?.sourceFile).toBe('jan.csv');
  });

  it('compares list values by content', () => {
    const local = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') }, { formerNames: ['A'] })] } });
    const remote = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') }, { formerNames: ['A'] })] } });

    const result = mergeSnapshots(local, remote, { now });

    expect(result.preview.tables.providers.changed).toBe(0);
  });

  it('breaks an equal-clock tie the same way in both directions', () => {
    const left = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') }, { name: 'Alpha' })] } });
    const right = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') }, { name: 'Beta' })] } });

    const forward = recordOf(mergeSnapshots(left, right, { now }).snapshot, 'providers', 'p1');
    const backward = recordOf(mergeSnapshots(right, left, { now }).snapshot, 'providers', 'p1');

    expect(forward?.name).toBe(backward?.name);
  });

  it('leaves both input snapshots untouched', () => {
    const local = deepFreeze(
      snapshot({
        records: {
          kpis: [kpi('kB', { clock: at(1, 'devL') }, { key: 'calls.answered' })],
          measurements: [measurement('m1', { clock: at(1, 'devL') }, 'p1', 'kB', '2025-01')],
        },
      }),
    );
    const remote = deepFreeze(
      snapshot({
        records: {
          kpis: [kpi('kA', { clock: at(2, 'devR') }, { key: 'calls.answered', name: 'Remote' })],
          measurements: [
            measurement('m1', { clock: at(1, 'devL'), fieldClocks: { value: at(3, 'devR') } }, 'p1', 'kB', '2025-01', { value: 99 }),
          ],
        },
      }),
    );

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'measurements', 'm1');

    expect(merged?.kpiId).toBe('kA');
    expect(local.records.measurements[0]?.kpiId).toBe('kB');
  });

  it('takes the element-wise maximum of version vectors', () => {
    const local = snapshot({ versionVector: { devL: at(5, 'devL'), devR: at(1, 'devR') } });
    const remote = snapshot({ versionVector: { devR: at(4, 'devR'), devX: at(2, 'devX') } });

    const { versionVector } = mergeSnapshots(local, remote, { now }).snapshot;

    expect(versionVector).toEqual({ devL: at(5, 'devL'), devR: at(4, 'devR'), devX: at(2, 'devX') });
  });
});
