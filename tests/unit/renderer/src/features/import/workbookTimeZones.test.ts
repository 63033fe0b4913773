/**
 * XLSX months under several time zones. Node applies a new `process.env.TZ` to later `Date`
 * calls, so each case switches the zone, checks that the switch took effect, and reads the
 * fixtures again. A conversion through local-time fields is run beside it to show that these
 * zones and cells would catch one.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { buildImportPlan } from '../../../../../../shared/import/mapping';
import { nhs111KpiKeys, nhs111Preset } from '../../../../../../shared/import/presets/nhs111';
import { loadExcel } from '../../../../../../renderer/src/features/rfp/scoringSheet/loadExcel';
import { readXlsxFixture, scorecardKeys, scorecardPreset, tableOf, valuesOf, workbookOf } from './workbookKit';

const originalZone = process.env.TZ;

afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

/** Each zone with its UTC offset in minutes on 2015-04-01, as `getTimezoneOffset` reports it. */
const zones = [
  { zone: 'America/Los_Angeles', offset: 420 },
  { zone: 'Pacific/Kiritimati', offset: -840 },
  { zone: 'Asia/Kolkata', offset: -330 },
  { zone: 'Europe/London', offset: -60 },
  { zone: 'UTC', offset: 0 },
];

const expectedNhsMonths = [
  '111AA1 2015-04',
  '111AA1 2015-05',
  '111AA1 2015-06',
  '111AA2 2015-04',
  '111AE7 2015-04',
  '111AE7 2015-05',
  '111AE7 2015-06',
];

async function nhsMonths(): Promise<string[]> {
  const plan = buildImportPlan(tableOf(await workbookOf('nhs_like.xlsx')), nhs111Preset);
  return valuesOf(plan, nhs111KpiKeys.answeredWithin60s).map((entry) => entry.split(' ').slice(0, 2).join(' '));
}

/** Months of the NHS fixture's date cells as a local-time conversion would give them. */
async function localTimeMonths(): Promise<string[]> {
  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(readXlsxFixture('nhs_like.xlsx').slice().buffer);
  const months: string[] = [];
  workbook.getWorksheet('Measurements')?.getColumn(1).eachCell((cell) => {
    if (cell.value instanceof Date) {
      months.push(`${String(cell.value.getFullYear())}-${String(cell.value.getMonth() + 1).padStart(2, '0')}`);
    }
  });
  return months;
}

describe.each(zones)('XLSX months in $zone', ({ zone, offset }) => {
  test('zone is in effect', () => {
    process.env.TZ = zone;
    expect(new Date(Date.UTC(2015, 3, 1)).getTimezoneOffset()).toBe(offset);
  });

  test('NHS months stay in their month', async () => {
    process.env.TZ = zone;
    expect(await nhsMonths()).toEqual(expectedNhsMonths);
  });

  test('scorecard months stay in their month', async () => {
    process.env.TZ = zone;
    for (const name of ['scorecard_eu.xlsx', 'scorecard_1904.xlsx']) {
      const plan = buildImportPlan(tableOf(await workbookOf(name)), scorecardPreset);
      const months = valuesOf(plan, scorecardKeys.satisfaction).map((entry) => entry.split(' ').slice(0, 2).join(' '));
      expect(months).toEqual(['S-01 2015-04', 'S-01 2015-05', 'S-02 2015-04', 'S-02 2015-05']);
    }
  });
});

describe('local-time conversion', () => {
  // The fixture's date cells are 2015-04-01 00:00, 2015-04-30 21:00, 2015-05-01 00:00,
  // 2015-06-30 23:59:59 and 2015-04-01 00:00, all in UTC.
  const rightMonths = ['2015-04', '2015-04', '2015-05', '2015-06', '2015-04'];

  test('is right in UTC', async () => {
    process.env.TZ = 'UTC';
    expect(await localTimeMonths()).toEqual(rightMonths);
  });

  test('moves months west of UTC', async () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(await localTimeMonths()).toEqual(['2015-03', '2015-04', '2015-04', '2015-06', '2015-03']);
  });

  test('moves months east of UTC', async () => {
    process.env.TZ = 'Pacific/Kiritimati';
    expect(await localTimeMonths()).toEqual(['2015-04', '2015-05', '2015-05', '2015-07', '2015-04']);
  });
});
