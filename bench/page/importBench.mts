/**
 * The import bench as it runs in Chromium: the app's import path (`parseCsv`,
 * `buildImportPlan` with the NHS 111 preset, `applyImportPlan`) into a fresh portfolio
 * database, then the same measurement records put with raw IndexedDB into another fresh
 * database. The runner calls `window.runImportBench` once per page load and times nothing
 * itself; every duration comes from the step spans returned here.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppFailure } from '@shared/errors';
import type { ImportSummary } from '@shared/domain/types';
import { parseCsv } from '@shared/import/csv';
import { buildImportPlan } from '@shared/import/mapping';
import { nhs111Preset } from '@shared/import/presets/nhs111';
import type { CsvTable, ImportPlan } from '@shared/import/types';
import { getDeviceContext } from '../../renderer/src/db/catalogue';
import { applyImportPlan } from '../../renderer/src/db/importMeasurements';
import { openPortfolioDb, portfolioDbName } from '../../renderer/src/db/portfolioDb';
import type { BenchPageApi, ImportBenchRequest, ImportBenchResult, StepName, StepSpan } from '../benchTypes';
import { deleteDb, openRawDb, putAll } from './rawWrite.mts';

/** Current time in ms since the Unix epoch, with sub-millisecond resolution. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

class StepClock {
  readonly spans: StepSpan[] = [];

  async time<T>(step: StepName, work: () => T | Promise<T>): Promise<T> {
    const start = epochNow();
    const value = await work();
    this.spans.push({ step, start, end: epochNow() });
    return value;
  }
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Fetching the workload ${url} failed with HTTP ${response.status}`);
  // The app reads a chosen file the same way: `new Uint8Array(await file.arrayBuffer())`.
  return new Uint8Array(await response.arrayBuffer());
}

function parseWorkload(bytes: Uint8Array, fileName: string): CsvTable {
  const parsed = parseCsv(bytes, fileName);
  if (!parsed.ok) throw new AppFailure(parsed.error);
  return parsed.value;
}

function requireWritable(plan: ImportPlan): void {
  const firstError = plan.issues.find((issue) => issue.severity === 'error');
  if (firstError === undefined) return;
  throw new Error(
    `The workload plan has ${plan.issueCounts.errors} error issue(s); the first is ${firstError.code} on row ` +
      `${firstError.row ?? '-'}, column ${firstError.column ?? '-'}: ${JSON.stringify(firstError.detail)}`,
  );
}

/**
 * Parses and plans in a scope of their own, so that the parsed table is garbage once the plan
 * exists, as it is in an app that keeps only the plan.
 */
async function parseAndPlan(clock: StepClock, request: ImportBenchRequest): Promise<ImportPlan> {
  const bytes = await fetchBytes(request.workloadUrl);
  const table = await clock.time('parse', () => parseWorkload(bytes, request.fileName));
  const plan = await clock.time('plan', () => buildImportPlan(table, nhs111Preset));
  requireWritable(plan);
  return plan;
}

interface AppImportFigures {
  readonly firstImport: ImportSummary;
  readonly reimport: ImportSummary;
  readonly stored: readonly object[];
}

/** Imports `plan` twice into a fresh portfolio database and reads the stored measurements back. */
async function importWithApp(clock: StepClock, plan: ImportPlan): Promise<AppImportFigures> {
  const portfolioId = uuidv7();
  const db = await openPortfolioDb(portfolioId);
  const context = await getDeviceContext();
  try {
    const firstImport = await clock.time('import', () => applyImportPlan(db, plan, context));
    const reimport = await clock.time('reimport', () => applyImportPlan(db, plan, context));
    const stored = await clock.time('readBack', () => db.measurements.toArray());
    return { firstImport, reimport, stored };
  } finally {
    db.close();
    await deleteDb(portfolioDbName(portfolioId));
  }
}

async function putWithRawIndexedDb(clock: StepClock, records: readonly object[]): Promise<void> {
  const name = `steerwise-bench-raw-${uuidv7()}`;
  const db = await openRawDb(name);
  try {
    await clock.time('rawPut', () => putAll(db, records));
  } finally {
    db.close();
    await deleteDb(name);
  }
}

async function runImportBench(request: ImportBenchRequest): Promise<ImportBenchResult> {
  const clock = new StepClock();
  const plan = await parseAndPlan(clock, request);
  const { firstImport, reimport, stored } = await importWithApp(clock, plan);
  await putWithRawIndexedDb(clock, stored);

  return {
    rows: plan.rowCount,
    providers: plan.providers.length,
    kpis: plan.kpis.length,
    measurements: plan.measurements.length,
    warnings: plan.issueCounts.warnings,
    steps: clock.spans,
    firstImport,
    reimport,
    rawRecords: stored.length,
  };
}

const api: BenchPageApi = { runImportBench };
Object.assign(window, api);
