import { describe, expect, it } from 'vitest';
import type { FieldConflict } from '@shared/sync/mergeTypes';
import { mergeSnapshots } from '@shared/sync/merge';
import {
  aheadDurationOf,
  chosenConflictsOf,
  conflictKeyOf,
  fieldValueViewOf,
  formatAheadDuration,
  formatChangeTime,
  keysChosenTogether,
  keysKeepingSide,
  matchChosenConflicts,
  mergeOutcomeOf,
  mergeViewOf,
  recordChangesOf,
} from '../../../../../../renderer/src/features/sync/mergeView';
import { createRecordLookup, recordLabelOf } from '../../../../../../renderer/src/features/sync/recordLabels';
import {
  at,
  baseWallMs,
  contract,
  kpi,
  measurement,
  provider,
  serviceLevel,
  snapshot,
  tombstone,
} from '../../../../shared/sync/mergeTestKit';

const now = baseWallMs + 60_000;
const base = { clock: at(1, 'devL') };
const north = provider('p1', base, { name: 'North Contact Centre' });
const answered = kpi('k1', base, { key: 'nhs111.answeredWithin60s', name: 'Answered in 60 s' });

/** Both sides renamed provider p1 after last exchanging data at step 1; the file's rename is later. */
function concurrentRenames() {
  const local = snapshot({
    records: { providers: [provider('p1', { ...base, fieldClocks: { name: at(5, 'devL') } }, { name: 'North (laptop)' })] },
    versionVector: { devL: at(5, 'devL') },
  });
  const remote = snapshot({
    records: { providers: [provider('p1', { ...base, fieldClocks: { name: at(6, 'devR') } }, { name: 'North (file)' })] },
    versionVector: { devL: at(1, 'devL'), devR: at(6, 'devR') },
  });
  return { local, remote };
}

function onlyConflict(conflicts: readonly FieldConflict[]): FieldConflict {
  const [conflict] = conflicts;
  if (conflict === undefined || conflicts.length !== 1) throw new Error(`Expected one conflict, got ${conflicts.length}`);
  return conflict;
}

describe('mergeViewOf conflicts', () => {
  it('names the record and both sides', () => {
    const { local, remote } = concurrentRenames();
    const merge = mergeSnapshots(local, remote, { now });

    const [row] = mergeViewOf(merge, local, remote, 'devL').conflicts;

    expect(row?.key).toBe('providers/p1/name');
    // The record is named as this laptop shows it before the merge.
    expect(row?.record).toEqual({ kind: 'provider', name: 'North (laptop)', code: null });
    expect(row?.field).toBe('name');
    expect(row?.local).toEqual({
      value: { kind: 'text', text: 'North (laptop)' },
      changedAtMs: baseWallMs + 5000,
      deviceId: 'devL',
      byThisDevice: true,
    });
    expect(row?.remote).toEqual({
      value: { kind: 'text', text: 'North (file)' },
      changedAtMs: baseWallMs + 6000,
      deviceId: 'devR',
      byThisDevice: false,
    });
    expect(row?.winner).toBe('remote');
  });

  it('marks no side as this device for another id', () => {
    const { local, remote } = concurrentRenames();
    const [row] = mergeViewOf(mergeSnapshots(local, remote, { now }), local, remote, 'devOther').conflicts;

    expect(row?.local.byThisDevice).toBe(false);
    expect(row?.remote.byThisDevice).toBe(false);
  });

  it('names a measurement by provider, KPI and month', () => {
    const records = { providers: [north], kpis: [answered] };
    const local = snapshot({
      records: {
        ...records,
        measurements: [measurement('m1', { ...base, fieldClocks: { value: at(5, 'devL') } }, 'p1', 'k1', '2015-04', { value: 91 })],
      },
      versionVector: { devL: at(5, 'devL') },
    });
    const remote = snapshot({
      records: {
        ...records,
        measurements: [measurement('m1', { ...base, fieldClocks: { value: at(6, 'devR') } }, 'p1', 'k1', '2015-04', { value: 93.5 })],
      },
      versionVector: { devL: at(1, 'devL'), devR: at(6, 'devR') },
    });

    const [row] = mergeViewOf(mergeSnapshots(local, remote, { now }), local, remote, 'devL').conflicts;

    expect(row?.record).toEqual({
      kind: 'measurement',
      providerName: 'North Contact Centre',
      kpi: { key: 'nhs111.answeredWithin60s', name: 'Answered in 60 s' },
      period: '2015-04',
    });
    expect(row?.local.value).toEqual({ kind: 'number', value: 91 });
    expect(row?.remote.value).toEqual({ kind: 'number', value: 93.5 });
  });
});

describe('keysChosenTogether', () => {
  it('covers the whole reading of a measurement', () => {
    const records = { providers: [north], kpis: [answered] };
    const reading = (side: 'devL' | 'devR', step: number, numerator: number, other: string) => {
      const clock = at(step, side);
      const fieldClocks = { value: clock, numerator: clock, denominator: clock, sourceFile: clock };
      return [
        measurement('m1', { ...base, fieldClocks }, 'p1', 'k1', '2015-04', {
          value: numerator / 10,
          numerator,
          denominator: 1000,
          sourceFile: `${side}.csv`,
        }),
        measurement('m2', { ...base, fieldClocks: { sourceFile: clock } }, 'p1', 'k1', '2015-05', { sourceFile: other }),
      ];
    };
    const local = snapshot({
      records: { ...records, measurements: reading('devL', 5, 910, 'a.csv') },
      versionVector: { devL: at(5, 'devL') },
    });
    const remote = snapshot({
      records: { ...records, measurements: reading('devR', 6, 930, 'b.csv') },
      versionVector: { devL: at(1, 'devL'), devR: at(6, 'devR') },
    });
    const rows = mergeViewOf(mergeSnapshots(local, remote, { now }), local, remote, 'devL').conflicts;
    const numerator = rows.find((row) => row.recordId === 'm1' && row.field === 'numerator');

    expect(keysChosenTogether(rows, numerator?.key ?? '').sort()).toEqual(
      ['measurements/m1/numerator', 'measurements/m1/sourceFile', 'measurements/m1/value'].sort(),
    );
    expect(keysChosenTogether(rows, 'measurements/m2/sourceFile')).toEqual(['measurements/m2/sourceFile']);
  });
});

describe('keysKeepingSide', () => {
  it('marks the conflicts the other side wins', () => {
    const row = (key: string, winner: 'local' | 'remote') => ({ key, winner }) as Parameters<typeof keysKeepingSide>[0][number];
    const rows = [row('a', 'local'), row('b', 'remote'), row('c', 'remote')];
    expect([...keysKeepingSide(rows, 'local')]).toEqual(['b', 'c']);
    expect([...keysKeepingSide(rows, 'remote')]).toEqual(['a']);
  });
});

describe('recordLabelOf', () => {
  const lookup = createRecordLookup([
    snapshot({
      records: {
        providers: [north],
        kpis: [answered],
        contracts: [contract('c1', base, 'p1', { title: 'Core hours' })],
        serviceLevels: [serviceLevel('s1', base, 'p1', 'k1'), serviceLevel('s2', base, 'gone', 'k1')],
      },
    }),
  ]);

  it('names a contract with its provider', () => {
    expect(recordLabelOf(lookup, 'contracts', 'c1')).toEqual({
      kind: 'contract',
      title: 'Core hours',
      providerName: 'North Contact Centre',
    });
  });

  it('names a service level by KPI and provider', () => {
    expect(recordLabelOf(lookup, 'serviceLevels', 's1')).toEqual({
      kind: 'serviceLevel',
      providerName: 'North Contact Centre',
      kpi: { key: 'nhs111.answeredWithin60s', name: 'Answered in 60 s' },
    });
  });

  it('leaves an unknown provider empty', () => {
    expect(recordLabelOf(lookup, 'serviceLevels', 's2')).toMatchObject({ providerName: null });
  });

  it('reports a record in no snapshot', () => {
    expect(recordLabelOf(lookup, 'kpis', 'k9')).toEqual({ kind: 'missing', table: 'kpis', recordId: 'k9' });
  });

  it('prefers the first snapshot', () => {
    const renamed = createRecordLookup([
      snapshot({ records: { providers: [provider('p1', base, { name: 'Merged name' })] } }),
      snapshot({ records: { providers: [north] } }),
    ]);
    expect(recordLabelOf(renamed, 'providers', 'p1')).toEqual({ kind: 'provider', name: 'Merged name', code: null });
  });
});

describe('fieldValueViewOf', () => {
  const lookup = createRecordLookup([snapshot({ records: { providers: [north] } })]);

  it.each([null, undefined, '', []])('shows %j as empty', (value) => {
    expect(fieldValueViewOf(lookup, 'name', value)).toEqual({ kind: 'empty' });
  });

  it('keeps a number', () => {
    expect(fieldValueViewOf(lookup, 'value', 12.5)).toEqual({ kind: 'number', value: 12.5 });
  });

  it('lists array items', () => {
    expect(fieldValueViewOf(lookup, 'formerNames', ['Old North', 'Older North'])).toEqual({
      kind: 'list',
      items: ['Old North', 'Older North'],
    });
  });

  it('names a referenced provider', () => {
    expect(fieldValueViewOf(lookup, 'providerId', 'p1')).toEqual({
      kind: 'record',
      label: { kind: 'provider', name: 'North Contact Centre', code: null },
    });
  });

  it('shows an amount with the record currency as money', () => {
    expect(fieldValueViewOf(lookup, 'annualValueMinor', 1_250_050, 'GBP')).toEqual({ kind: 'money', minor: 1_250_050, currency: 'GBP' });
  });

  it('shows an amount without currency as a number', () => {
    expect(fieldValueViewOf(lookup, 'annualValueMinor', 1_250_050)).toEqual({ kind: 'number', value: 1_250_050 });
  });

  it('shows an object as JSON', () => {
    expect(fieldValueViewOf(lookup, 'extra', { a: 1 })).toEqual({ kind: 'text', text: '{"a":1}' });
  });
});

describe('mergeViewOf deleted edits', () => {
  it('names the record and the deleting side', () => {
    const records = { providers: [north], kpis: [answered] };
    const local = snapshot({
      records,
      tombstones: [tombstone('m1', 'measurements', at(5, 'devL'))],
      versionVector: { devL: at(5, 'devL') },
    });
    const remote = snapshot({
      records: {
        ...records,
        measurements: [measurement('m1', { ...base, fieldClocks: { value: at(6, 'devR') } }, 'p1', 'k1', '2015-05', { value: 80 })],
      },
      versionVector: { devL: at(1, 'devL'), devR: at(6, 'devR') },
    });

    const { deletedEdits } = mergeViewOf(mergeSnapshots(local, remote, { now }), local, remote, 'devL');

    expect(deletedEdits).toEqual([
      {
        key: 'measurements/m1',
        table: 'measurements',
        record: {
          kind: 'measurement',
          providerName: 'North Contact Centre',
          kpi: { key: 'nhs111.answeredWithin60s', name: 'Answered in 60 s' },
          period: '2015-05',
        },
        deletedOn: 'local',
        deletion: { changedAtMs: baseWallMs + 5000, deviceId: 'devL', byThisDevice: true },
        edit: { changedAtMs: baseWallMs + 6000, deviceId: 'devR', byThisDevice: false },
      },
    ]);
  });
});

describe('mergeViewOf clock skew', () => {
  it('warns about a file clock hours ahead', () => {
    const local = snapshot({ records: { providers: [north] }, versionVector: { devL: at(1, 'devL') } });
    const threeHoursAhead = (now - baseWallMs) / 1000 + 3 * 3600;
    const remote = snapshot({
      records: {
        providers: [provider('p1', { ...base, fieldClocks: { name: at(threeHoursAhead, 'devFast') } }, { name: 'North (fast clock)' })],
      },
      versionVector: { devL: at(1, 'devL'), devFast: at(threeHoursAhead, 'devFast') },
    });

    const { clockSkew } = mergeViewOf(mergeSnapshots(local, remote, { now }), local, remote, 'devL');

    expect(clockSkew).toEqual({ aheadMs: 3 * 3600 * 1000, deviceIds: ['devFast'] });
  });

  it('stays silent within the limit', () => {
    const { local, remote } = concurrentRenames();
    expect(mergeViewOf(mergeSnapshots(local, remote, { now }), local, remote, 'devL').clockSkew).toBeNull();
  });
});

describe('mergeOutcomeOf', () => {
  const local = snapshot({ records: { providers: [north] }, versionVector: { devL: at(1, 'devL') } });

  it('finds nothing to apply in the same data', () => {
    expect(mergeOutcomeOf(mergeSnapshots(local, local, { now }))).toBe('nothingToApply');
  });

  it('sees an added record as a change', () => {
    const remote = snapshot({
      records: { providers: [north, provider('p2', { clock: at(2, 'devR') })] },
      versionVector: { devL: at(1, 'devL'), devR: at(2, 'devR') },
    });
    expect(mergeOutcomeOf(mergeSnapshots(local, remote, { now }))).toBe('changes');
  });

  it('sees a tombstone of an unknown record as history', () => {
    const remote = snapshot({
      records: { providers: [north] },
      tombstones: [tombstone('p9', 'providers', at(2, 'devR'))],
      versionVector: { devL: at(1, 'devL'), devR: at(2, 'devR') },
    });
    expect(mergeOutcomeOf(mergeSnapshots(local, remote, { now }))).toBe('historyOnly');
  });

  it('sees a conflict the local side wins as a change', () => {
    const { local: renamedHere, remote } = concurrentRenames();
    // Swapping the sides makes the later rename the local one, so the merge writes no record.
    const merge = mergeSnapshots(remote, renamedHere, { now });
    expect(merge.preview.conflicts).toHaveLength(1);
    expect(mergeOutcomeOf(merge)).toBe('changes');
  });
});

describe('recordChangesOf', () => {
  const south = provider('p3', base, { name: 'South Desk' });
  const local = snapshot({ records: { providers: [north, south], kpis: [answered] }, versionVector: { devL: at(1, 'devL') } });
  const remote = snapshot({
    records: {
      providers: [
        provider('p1', { ...base, fieldClocks: { name: at(3, 'devR') } }, { name: 'North (file)' }),
        provider('p2', { clock: at(2, 'devR') }, { name: 'East Hub' }),
      ],
      kpis: [answered],
    },
    tombstones: [tombstone('p3', 'providers', at(2, 'devR'))],
    versionVector: { devL: at(1, 'devL'), devR: at(3, 'devR') },
  });
  const merge = mergeSnapshots(local, remote, { now });
  const changes = recordChangesOf(merge, local, createRecordLookup([local, merge.snapshot, remote]));

  it('lists only tables with changes', () => {
    expect(changes.map((entry) => entry.table)).toEqual(['providers']);
  });

  it('names the added record', () => {
    expect(changes[0]?.added).toEqual([{ kind: 'provider', name: 'East Hub', code: null }]);
  });

  it('names the changed record as shown here', () => {
    expect(changes[0]?.changed).toEqual([{ kind: 'provider', name: 'North Contact Centre', code: null }]);
  });

  it('names the deleted record', () => {
    expect(changes[0]?.deleted).toEqual([{ kind: 'provider', name: 'South Desk', code: null }]);
  });

  it('is empty for the same data', () => {
    expect(recordChangesOf(mergeSnapshots(local, local, { now }), local, createRecordLookup([local]))).toEqual([]);
  });
});

describe('matchChosenConflicts', () => {
  const { local, remote } = concurrentRenames();
  const conflict = onlyConflict(mergeSnapshots(local, remote, { now }).preview.conflicts);

  it('matches the same conflict computed again', () => {
    const again = onlyConflict(mergeSnapshots(local, remote, { now }).preview.conflicts);
    expect(matchChosenConflicts([conflict], [again])).toEqual([again]);
  });

  it('rejects a conflict whose local value changed', () => {
    const changed: FieldConflict = { ...conflict, local: { value: 'North (edited again)', clock: at(7, 'devL') } };
    expect(matchChosenConflicts([conflict], [changed])).toBeNull();
  });

  it('rejects a conflict that is gone', () => {
    expect(matchChosenConflicts([conflict], [])).toBeNull();
  });

  it('accepts no choice', () => {
    expect(matchChosenConflicts([], [conflict])).toEqual([]);
  });
});

describe('chosenConflictsOf', () => {
  it('keeps the conflicts with chosen keys', () => {
    const { local, remote } = concurrentRenames();
    const conflict = onlyConflict(mergeSnapshots(local, remote, { now }).preview.conflicts);

    expect(chosenConflictsOf([conflict], new Set([conflictKeyOf(conflict)]))).toEqual([conflict]);
    expect(chosenConflictsOf([conflict], new Set(['providers/p2/name']))).toEqual([]);
  });
});

describe('aheadDurationOf', () => {
  it.each([
    [6 * 60_000, { unit: 'minute', amount: 6 }],
    [20_000, { unit: 'minute', amount: 1 }],
    [89 * 60_000, { unit: 'minute', amount: 89 }],
    [90 * 60_000, { unit: 'hour', amount: 2 }],
    [3 * 3_600_000 + 10 * 60_000, { unit: 'hour', amount: 3 }],
    [36 * 3_600_000, { unit: 'day', amount: 2 }],
    [10 * 86_400_000, { unit: 'day', amount: 10 }],
  ])('splits %i ms', (ms, expected) => {
    expect(aheadDurationOf(ms)).toEqual(expected);
  });
});

describe('formatAheadDuration', () => {
  it('spells the unit out in English', () => {
    expect(formatAheadDuration(3 * 3_600_000, 'en-GB')).toBe('3 hours');
    expect(formatAheadDuration(60_000, 'en-GB')).toBe('1 minute');
  });

  it('follows the locale', () => {
    expect(formatAheadDuration(2 * 86_400_000, 'de-DE')).toBe('2 Tage');
  });
});

describe('formatChangeTime', () => {
  it('shows date and time with seconds', () => {
    expect(formatChangeTime(baseWallMs + 5000, 'en-GB', 'UTC')).toBe('1 Jan 2026, 00:00:05');
  });

  it('uses the given time zone', () => {
    expect(formatChangeTime(baseWallMs, 'en-GB', 'Europe/Berlin')).toBe('1 Jan 2026, 01:00:00');
  });
});
