/** Reads the XLSX measurement fixtures and the preset their scorecard columns need. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KpiDefinitionData } from '../../../../../../shared/domain/types';
import type { ImportPlan, MappingPreset, XlsxTable } from '../../../../../../shared/import/types';
import { buildImportPlan } from '../../../../../../shared/import/mapping';
import { buildSheetTable, type SheetTableOptions, type WorkbookGrid } from '../../../../../../shared/import/sheetTable';
import { readWorkbook } from '../../../../../../renderer/src/features/import/readWorkbook';

const fixtureFolder = resolve(import.meta.dirname, '../../../../../fixtures/xlsx/measurements');

export function readXlsxFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(fixtureFolder, name)));
}

export async function workbookOf(name: string): Promise<WorkbookGrid> {
  const result = await readWorkbook(readXlsxFixture(name), name);
  if (!result.ok) throw new Error(`Expected a workbook, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function tableOf(workbook: WorkbookGrid, options: SheetTableOptions = {}): XlsxTable {
  const result = buildSheetTable(workbook, options);
  if (!result.ok) throw new Error(`Expected a table, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const percentValue = (key: string, name: string): KpiDefinitionData => ({
  key,
  name,
  description: '',
  unit: 'percent',
  direction: 'higherIsBetter',
  kind: 'value',
  aggregation: 'mean',
});
const numberValue = (key: string, name: string): KpiDefinitionData => ({ ...percentValue(key, name), unit: 'number' });

export const scorecardKeys = {
  resolution: 'test.resolution',
  satisfaction: 'test.satisfaction',
  handleTime: 'test.handleTime',
  backlog: 'test.backlog',
  balance: 'test.balance',
} as const;

/** Maps every column of the scorecard fixtures: a ratio, a percent value, a duration and two plain values. */
export const scorecardPreset: MappingPreset = {
  id: 'test.scorecard',
  name: 'Scorecard',
  builtIn: false,
  mapping: {
    providerCode: 'Supplier ID',
    providerName: 'Supplier',
    period: 'Month',
    kpis: [
      { kpiKey: scorecardKeys.resolution, source: { kind: 'ratio', numerator: 'Resolved first time', denominator: 'Contacts' } },
      { kpiKey: scorecardKeys.satisfaction, source: { kind: 'value', column: 'CSAT' } },
      { kpiKey: scorecardKeys.handleTime, source: { kind: 'value', column: 'Avg handle time' } },
      { kpiKey: scorecardKeys.backlog, source: { kind: 'value', column: 'Backlog' } },
      { kpiKey: scorecardKeys.balance, source: { kind: 'value', column: 'Balance' } },
    ],
  },
  kpis: [
    { ...percentValue(scorecardKeys.resolution, 'First-contact resolution'), kind: 'ratio', aggregation: 'ratioOfSums' },
    percentValue(scorecardKeys.satisfaction, 'Customer satisfaction'),
    { ...numberValue(scorecardKeys.handleTime, 'Average handle time'), unit: 'seconds', kind: 'duration', direction: 'lowerIsBetter' },
    numberValue(scorecardKeys.backlog, 'Backlog'),
    numberValue(scorecardKeys.balance, 'Balance'),
  ],
  serviceLevels: [],
  sourceNote: null,
};

/** Values of one KPI as `code period value`, sorted, for comparing plans in one assert. */
export function valuesOf(plan: ImportPlan, kpiKey: string): string[] {
  return plan.measurements
    .filter((measurement) => measurement.kpiKey === kpiKey)
    .map((measurement) => `${measurement.providerCode ?? measurement.providerName} ${measurement.period} ${String(measurement.value)}`)
    .sort();
}

export function planOf(table: XlsxTable, preset: MappingPreset): ImportPlan {
  return buildImportPlan(table, preset);
}
