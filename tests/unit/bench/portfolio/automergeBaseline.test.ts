import { ImmutableString } from '@automerge/automerge';
import { describe, expect, test } from 'vitest';
import type { RecordTable } from '../../../../shared/domain/types';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { recordTables } from '../../../../shared/sync/snapshot';
import { applyAutomergeEdits, automergeDocOf, mergeDocs, roundTrip } from '../../../../bench/portfolio/automergeBaseline';
import type { PortfolioDoc } from '../../../../bench/portfolio/automergeBaseline';
import { divergePortfolio } from '../../../../bench/portfolio/divergence';
import { generatePortfolio } from '../../../../bench/portfolio/generator';

const portfolio = generatePortfolio({ seed: 5, providers: 4, measurements: 600 });
const diverged = divergePortfolio(portfolio, 9);
const { devices } = portfolio;
const syncKeys = new Set(['id', 'clock', 'fieldClocks']);

/** Turns Automerge values (`ImmutableString` scalars, lists, nested maps) into plain JSON values. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof ImmutableString) return value.toString();
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  return value;
}

/** Returns each record's data fields, by table and id. */
function docData(doc: PortfolioDoc): Record<RecordTable, Record<string, Record<string, unknown>>> {
  const tables = {} as Record<RecordTable, Record<string, Record<string, unknown>>>;
  for (const table of recordTables) {
    tables[table] = Object.fromEntries(
      Object.entries(doc[table]).map(([id, record]) => [id, Object.fromEntries(Object.entries(record).map(([field, value]) => [field, plain(value)]))]),
    );
  }
  return tables;
}

function snapshotData(records: Readonly<Record<RecordTable, readonly object[]>>): Record<RecordTable, Record<string, Record<string, unknown>>> {
  const tables = {} as Record<RecordTable, Record<string, Record<string, unknown>>>;
  for (const table of recordTables) {
    tables[table] = Object.fromEntries(
      records[table].map((record) => {
        const fields = Object.entries(record).filter(([field]) => !syncKeys.has(field));
        return [(record as { id: string }).id, Object.fromEntries(fields)];
      }),
    );
  }
  return tables;
}

describe('automerge baseline', () => {
  test('base document holds the snapshot data', () => {
    expect(docData(automergeDocOf(diverged.base, devices.office))).toEqual(snapshotData(diverged.base.records));
  });

  test('side edits give the side snapshot data', () => {
    const base = automergeDocOf(diverged.base, devices.office);

    expect(docData(applyAutomergeEdits(base, devices.office, diverged.localEdits))).toEqual(snapshotData(diverged.local.records));
    expect(docData(applyAutomergeEdits(base, devices.manager, diverged.remoteEdits))).toEqual(snapshotData(diverged.remote.records));
  });

  test('merge agrees except on conflicts', () => {
    const base = automergeDocOf(diverged.base, devices.office);
    const local = applyAutomergeEdits(base, devices.office, diverged.localEdits);
    const remote = roundTrip(applyAutomergeEdits(base, devices.manager, diverged.remoteEdits), devices.manager);
    const ours = mergeSnapshots(diverged.local, diverged.remote, { now: portfolio.latestWallMs }).snapshot;
    const merged = mergeDocs(local, remote);
    const automergeData = docData(merged);
    const ourData = snapshotData(ours.records);
    const conflicts = mergeSnapshots(diverged.local, diverged.remote, { now: portfolio.latestWallMs }).preview.conflicts;
    const conflicted = new Set(conflicts.map((conflict) => `${conflict.table}/${conflict.recordId}/${conflict.field}`));

    for (const table of recordTables) {
      expect(Object.keys(automergeData[table]).sort()).toEqual(Object.keys(ourData[table]).sort());
      for (const [id, fields] of Object.entries(ourData[table])) {
        for (const [field, value] of Object.entries(fields)) {
          if (conflicted.has(`${table}/${id}/${field}`)) continue;
          expect(automergeData[table][id]?.[field], `${table}/${id}/${field}`).toEqual(value);
        }
      }
    }
    expect(conflicts.length).toBeGreaterThan(0);
  });
});
