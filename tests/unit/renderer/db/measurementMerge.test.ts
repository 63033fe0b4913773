/**
 * A measured ratio corrected on two laptops at once: each correction stamps the numerator, the
 * denominator and the result together, so the merge keeps one reading whole instead of a
 * numerator of one and a denominator of the other.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import type { Measurement } from '../../../../shared/domain/types';
import { insertRecord, updateRecord } from '../../../../renderer/src/db/repository';
import { answeredKpi } from './factories';
import type { Laptop } from './laptops';
import { useLaptops } from './laptops';

const portfolio = { id: uuidv7(), name: 'Contact centres' };
const { laptop, exchange } = useLaptops(portfolio, 'steerwise-measurement-merge-');

const startMs = Date.UTC(2026, 2, 2, 9, 0, 0);
const minute = 60_000;

/** Stores one provider, one ratio KPI and its January result of 950 of 1,000 calls on `office`. */
async function storeJanuary(office: Laptop): Promise<Measurement> {
  const provider = await insertRecord(
    office.db,
    'providers',
    { code: 'NW', name: 'Northwind', formerNames: [], ...providerProfileDefaults },
    office.context,
  );
  const kpi = await insertRecord(office.db, 'kpis', answeredKpi, office.context);
  return insertRecord(
    office.db,
    'measurements',
    { providerId: provider.id, kpiId: kpi.id, period: '2026-01', value: 95, numerator: 950, denominator: 1000, sourceFile: 'calls.csv' },
    office.context,
  );
}

describe('a ratio corrected on two laptops', () => {
  it('keeps one reading whole', async () => {
    const office = await laptop('office000001', startMs);
    const manager = await laptop('manager00001', startMs);
    const january = await storeJanuary(office);
    await exchange(office, manager, 'first.steerwise');

    // The office corrects the answered calls, the manager later the offered calls.
    office.wall.set(startMs + minute);
    await updateRecord(office.db, 'measurements', january.id, { numerator: 900, value: 90 }, office.context);
    manager.wall.set(startMs + 2 * minute);
    await updateRecord(manager.db, 'measurements', january.id, { denominator: 1200, value: 79.17 }, manager.context);

    const atManager = await exchange(office, manager, 'office.steerwise');
    await exchange(manager, office, 'manager.steerwise');

    const conflictFields = atManager.preview.conflicts.map((conflict) => conflict.field).sort();
    expect(conflictFields).toEqual(['denominator', 'numerator', 'value']);
    for (const side of [office, manager]) {
      const stored = await side.db.measurements.get(january.id);
      expect(stored).toMatchObject({ numerator: 950, denominator: 1200, value: 79.17 });
    }
  });
});
