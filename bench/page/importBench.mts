/**
 * The import bench as it runs in Chromium: the app's import path (`parseCsv`,
 * `buildImportPlan` with the NHS 111 preset, `applyImportPlan`) into a fresh portfolio
 * database, then the same measurement records put with raw IndexedDB into another fresh
 * database. The runner calls `window.runImportBench` once per page load and times nothing
 * itself: every duration comes from the step spans returned here.
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
import { openPortfolioDb } from '../../renderer/src/db/portfolioDb';
import type { BenchPageApi, BenchRunnerApi, ImportBenchRequest, ImportBenchResult, StepName } from '../benchTypes';
import { openRawDb, putAll } from './rawWrite.mts';
import { StepClock } from './stepClock.mts';

/** Returns the runner's step callback, which a run with `reportSteps` must have. */
function stepEndedCallback(request: ImportBenchRequest): BenchRunnerApi['benchStepEnded'] | null {
  if (!request.reportSteps) return null;
  const { benchStepEnded } = globalThis as Partial<BenchRunnerApi>;
  if (benchStepEnded === undefined) throw new Error('reportSteps is set but the runner exposed no window.benchStepEnded');
  return benchStepEnded;
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

interface AppRun {
  readonly counts: Pick<ImportBenchResult, 'rows' | 'columns' | 'providers' | 'kpis' | 'measurements' | 'warnings'>;
  readonly firstImport: ImportSummary;
  readonly reimport: ImportSummary;
  /** The measurements as the import stored them. */
  readonly stored: readonly object[];
}

/**
 * Parses and plans the workload as the import wizard does. Only the plan and the column count
 * leave this function: the wizard's review step keeps the file's bytes and the plan while it
 * writes, not the parsed table.
 */
async function parseAndPlan(
  clock: StepClock<StepName>,
  bytes: Uint8Array,
  fileName: string,
): Promise<{ plan: ImportPlan; columns: number }> {
  const table = await clock.time('parse', () => parseWorkload(bytes, fileName));
  const plan = await clock.time('plan', () => buildImportPlan(table, nhs111Preset));
  return { plan, columns: table.header.length };
}

/**
 * Parses and plans the workload, imports the plan twice into a fresh portfolio database and
 * reads the stored measurements back. The file's bytes and the plan stay referenced through
 * both imports and the read back, as in the import wizard. Only counts and the stored records
 * leave this function, so in the raw step the bytes and plan are garbage.
 */
async function runAppSteps(clock: StepClock<StepName>, request: ImportBenchRequest): Promise<AppRun> {
  const bytes = await fetchBytes(request.workloadUrl);
  const { plan, columns } = await parseAndPlan(clock, bytes, request.fileName);
  requireWritable(plan);

  const db = await openPortfolioDb(uuidv7());
  const context = await getDeviceContext();
  try {
    const firstImport = await clock.time('import', () => applyImportPlan(db, plan, context));
    const reimport = await clock.time('reimport', () => applyImportPlan(db, plan, context));
    const stored = await clock.time('readBack', () => db.measurements.toArray());
    const counts = {
      rows: plan.rowCount,
      columns,
      providers: plan.providers.length,
      kpis: plan.kpis.length,
      measurements: plan.measurements.length,
      warnings: plan.issueCounts.warnings,
    };
    return { counts, firstImport, reimport, stored };
  } finally {
    db.close();
  }
}

async function putWithRawIndexedDb(clock: StepClock<StepName>, records: readonly object[]): Promise<void> {
  const db = await openRawDb(`steerwise-bench-raw-${uuidv7()}`);
  try {
    await clock.time('rawPut', () => putAll(db, records));
  } finally {
    db.close();
  }
}

/**
 * Runs every step once. Databases are not deleted: Chromium keeps all of an origin's databases
 * in one LevelDB, and the compaction a deletion starts would slow the next write step. The
 * runner deletes the whole browser profile afterwards.
 */
async function runImportBench(request: ImportBenchRequest): Promise<ImportBenchResult> {
  const clock = new StepClock<StepName>(stepEndedCallback(request));
  const { counts, firstImport, reimport, stored } = await runAppSteps(clock, request);
  await putWithRawIndexedDb(clock, stored);
  return { ...counts, steps: clock.spans, firstImport, reimport, rawRecords: stored.length };
}

const api: BenchPageApi = { runImportBench };
Object.assign(window, api);
