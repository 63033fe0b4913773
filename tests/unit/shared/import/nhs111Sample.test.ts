/**
 * The whole NHS 111 Minimum Data Set 2015-16 file through the import and the KPI maths,
 * checked against numbers computed here straight from the file's cells.
 */
import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { reportedLevelTerms } from '../../../../shared/domain/serviceTerms';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { listBreaches } from '../../../../shared/domain/kpiBreaches';
import { aggregateMeasurements, isBreach } from '../../../../shared/domain/kpiMath';
import type { KpiDefinition, Measurement, Provider, ServiceLevel } from '../../../../shared/domain/types';
import { parseCsv } from '../../../../shared/import/csv';
import { buildImportPlan, matchPreset } from '../../../../shared/import/mapping';
import { builtInPresets } from '../../../../shared/import/presets';
import { nhs111KpiKeys, nhs111Preset } from '../../../../shared/import/presets/nhs111';
import type { CsvTable, ImportPlan } from '../../../../shared/import/types';
import { nhs111SampleName, readNhs111Sample } from './fixtures';

const bytes = readNhs111Sample();
const parsed = parseCsv(bytes, nhs111SampleName);
if (!parsed.ok) {
  throw new Error(`The sample did not parse: ${JSON.stringify(parsed.error)}`);
}
const table: CsvTable = parsed.value;
const plan: ImportPlan = buildImportPlan(table, nhs111Preset);

/** The file's rows read independently of the import: papaparse with named columns, numbers by `Number`. */
const rawRows = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data;

function rawCount(row: Record<string, string>, column: string): number {
  const value = Number(row[column]);
  if (!Number.isInteger(value)) {
    throw new Error(`Expected a count in ${column}, got ${String(row[column])}`);
  }
  return value;
}

function measurementsOf(providerCode: string, kpiKey: string): ImportPlan['measurements'] {
  return plan.measurements.filter((measurement) => measurement.providerCode === providerCode && measurement.kpiKey === kpiKey);
}

describe('NHS 111 sample parsed', () => {
  test('534 data rows', () => {
    expect(table.rows).toHaveLength(534);
  });

  test('56 columns', () => {
    expect(table.header).toHaveLength(56);
  });

  test('no parse issues', () => {
    expect(table.issues).toEqual([]);
  });

  test('built-in preset matches the header', () => {
    expect(matchPreset(table.header, builtInPresets)).toBe(nhs111Preset);
  });
});

describe('NHS 111 sample import plan', () => {
  test('no errors or warnings', () => {
    expect(plan.issueCounts).toEqual({ errors: 0, warnings: 0 });
  });

  test('46 providers', () => {
    expect(plan.providers).toHaveLength(46);
  });

  test('four measurements per row', () => {
    expect(plan.measurements).toHaveLength(534 * 4);
  });

  test('111AF5 is one provider under its later name', () => {
    expect(plan.providers.filter((provider) => provider.code === '111AF5')).toEqual([
      { code: '111AF5', name: 'NORTH WEST EXC BLACKPOOL NHS 111', formerNames: ['NORTH WEST NHS 111'] },
    ]);
  });

  test('three providers have six months', () => {
    const monthsByCode = new Map<string, number>();
    for (const measurement of plan.measurements.filter((entry) => entry.kpiKey === nhs111KpiKeys.answeredWithin60s)) {
      monthsByCode.set(measurement.providerCode ?? '', (monthsByCode.get(measurement.providerCode ?? '') ?? 0) + 1);
    }
    const sixMonths = [...monthsByCode].filter(([, months]) => months === 6).map(([code]) => code);
    expect(sixMonths.sort()).toEqual(['111AF5', '111AF6', '111AF8']);
  });

  test('12 periods from April 2015 to March 2016', () => {
    const periods = [...new Set(plan.measurements.map((measurement) => measurement.period))].sort();
    expect(periods).toEqual([
      '2015-04',
      '2015-05',
      '2015-06',
      '2015-07',
      '2015-08',
      '2015-09',
      '2015-10',
      '2015-11',
      '2015-12',
      '2016-01',
      '2016-02',
      '2016-03',
    ]);
  });

  test('every episode length between 1 and 60 minutes', () => {
    const lengths = plan.measurements
      .filter((entry) => entry.kpiKey === nhs111KpiKeys.averageEpisodeLength)
      .map((entry) => entry.value ?? -1);
    expect(lengths.filter((seconds) => seconds < 60 || seconds > 3600)).toEqual([]);
  });
});

describe('NHS 111 sample against its service levels', () => {
  const answeredKpi = nhs111Preset.kpis.find((kpi) => kpi.key === nhs111KpiKeys.answeredWithin60s);
  const answeredLevel = nhs111Preset.serviceLevels.find((level) => level.kpiKey === nhs111KpiKeys.answeredWithin60s);

  test('289 provider-months below 95% answered in 60 s', () => {
    const below = plan.measurements.filter(
      (measurement) =>
        measurement.kpiKey === nhs111KpiKeys.answeredWithin60s &&
        answeredKpi !== undefined &&
        answeredLevel !== undefined &&
        isBreach(answeredKpi, answeredLevel, measurement.value),
    );
    expect(below).toHaveLength(289);
  });

  test('289 also by integer arithmetic on the raw cells', () => {
    // 100 * answered60 < 95 * answered, in integers, so no rounding can move a month across the line.
    const below = rawRows.filter((row) => 100 * rawCount(row, 'Nhs1 Answered 60sec SUM') < 95 * rawCount(row, 'Nhs1 Answered Calls SUM'));
    expect(below).toHaveLength(289);
  });

  test.each(['111AA1', '111AE7', '111AF5'])('year value of %s is the ratio of sums', (code) => {
    const rows = rawRows.filter((row) => row['Provider Org Code'] === code);
    const answered60 = rows.reduce((total, row) => total + rawCount(row, 'Nhs1 Answered 60sec SUM'), 0);
    const answered = rows.reduce((total, row) => total + rawCount(row, 'Nhs1 Answered Calls SUM'), 0);
    const monthlyMean =
      rows.reduce((total, row) => total + (100 * rawCount(row, 'Nhs1 Answered 60sec SUM')) / rawCount(row, 'Nhs1 Answered Calls SUM'), 0) /
      rows.length;

    const year = aggregateMeasurements({ aggregation: 'ratioOfSums' }, measurementsOf(code, nhs111KpiKeys.answeredWithin60s));

    expect(year.value).toBe((100 * answered60) / answered);
    expect(year.numerator).toBe(answered60);
    expect(year.denominator).toBe(answered);
    expect(year.months).toBe(rows.length);
    expect(Math.abs((year.value ?? 0) - monthlyMean)).toBeGreaterThan(1e-6);
  });
});

describe('NHS 111 sample breach list', () => {
  // Entities as the import would write them, with the provider code as id.
  const syncFields = { clock: '0', fieldClocks: {} };
  const providers: Provider[] = plan.providers.map((provider) => ({ ...syncFields, id: provider.code ?? provider.name, ...provider, ...providerProfileDefaults }));
  const kpis: KpiDefinition[] = plan.kpis.map((kpi) => ({ ...syncFields, id: kpi.key, ...kpi }));
  const levels: ServiceLevel[] = providers.flatMap((provider) =>
    plan.serviceLevels.map((level) => ({
      ...syncFields,
      id: `${provider.id}/${level.kpiKey}`,
      providerId: provider.id,
      kpiId: level.kpiKey,
      contractId: null,
      expected: level.expected,
      minimum: level.minimum,
      ...reportedLevelTerms,
    })),
  );
  const measurements: Measurement[] = plan.measurements.map((row, index) => ({
    ...syncFields,
    id: String(index),
    providerId: row.providerCode ?? row.providerName,
    kpiId: row.kpiKey,
    period: row.period,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    sourceFile: plan.fileName,
  }));
  const breaches = listBreaches(providers, kpis, levels, measurements);

  test('289 answered breaches', () => {
    expect(breaches.countByKpi.get(nhs111KpiKeys.answeredWithin60s)).toBe(289);
  });

  test('abandoned breaches match raw cells', () => {
    const above = rawRows.filter(
      (row) => 100 * rawCount(row, 'Nhs1 Abandoned Calls SUM') > 5 * rawCount(row, 'Nhs1 Number Calls Offered SUM'),
    );
    expect(breaches.countByKpi.get(nhs111KpiKeys.abandonedCalls)).toBe(above.length);
  });

  test('no breaches for KPIs without a level', () => {
    expect(
      breaches.rows.filter((row) => row.kpiId === nhs111KpiKeys.callBackWithin10min || row.kpiId === nhs111KpiKeys.averageEpisodeLength),
    ).toEqual([]);
  });

  test('rows ordered by shortfall', () => {
    const shortfalls = breaches.rows.map((row) => row.shortfall);
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
  });
});
