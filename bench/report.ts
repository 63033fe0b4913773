/** The bench's output: a plain table on stdout and the JSON record in `bench/results`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname } from 'node:path';
import type { ImportBenchResult, StepName } from './benchTypes';
import { bytesPerMb, type BenchFigures, type TargetCheck } from './figures';
import type { Workload } from './workload';

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly totalMemoryMb: number;
  readonly os: string;
  readonly node: string;
  readonly chromium: string;
  /**
   * One-minute load average when the run started and when it finished. Above the core count,
   * other processes competed for the CPU and the durations are less comparable.
   */
  readonly loadAverage: { readonly start: number; readonly end: number };
  /** When the run finished, as a UTC ISO string. */
  readonly date: string;
}

/** Returns the one-minute load average of the machine, or 0 on Windows, which has none. */
export function currentLoadAverage(): number {
  return loadavg()[0] ?? 0;
}

export function describeMachine(chromiumVersion: string, startLoadAverage: number): Machine {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    totalMemoryMb: Math.round(totalmem() / bytesPerMb),
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    loadAverage: { start: startLoadAverage, end: currentLoadAverage() },
    date: new Date().toISOString(),
  };
}

/** One line of a bench table. */
export type Row = readonly [metric: string, value: string, unit: string];

export function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const stepLabels: Readonly<Record<StepName, string>> = {
  parse: 'parse (parseCsv)',
  plan: 'plan (buildImportPlan)',
  import: 'app import (applyImportPlan)',
  reimport: 're-import of the same plan',
  readBack: 'read back (Dexie toArray)',
  rawPut: 'raw IndexedDB put, one transaction',
};

function tableRows(workload: Workload, result: ImportBenchResult, figures: BenchFigures): Row[] {
  const { heap, seconds } = figures;
  const rows: Row[] = [
    ['workload rows', fixed(result.rows, 0), 'rows'],
    ['workload columns', fixed(result.columns, 0), 'columns'],
    ['workload providers', fixed(result.providers, 0), 'providers'],
    ['workload KPIs', fixed(result.kpis, 0), 'KPIs'],
    ['measurements planned', fixed(result.measurements, 0), 'records'],
    ['providers added by the import', fixed(result.firstImport.added.providers ?? 0, 0), 'records'],
    ['service levels added by the import', fixed(result.firstImport.added.serviceLevels ?? 0, 0), 'records'],
    ['plan warnings', fixed(result.warnings, 0), 'issues'],
    ['workload size', fixed(Buffer.byteLength(workload.csv) / bytesPerMb, 1), 'MB'],
    [stepLabels.parse, fixed(seconds.parse, 3), 's'],
    [stepLabels.plan, fixed(seconds.plan, 3), 's'],
    ['parse + plan', fixed(figures.parseAndPlanSeconds, 3), 's'],
    [stepLabels.import, fixed(seconds.import, 3), 's'],
    ['app write rate', fixed(figures.appWriteRate, 0), 'records/s'],
    [stepLabels.rawPut, fixed(seconds.rawPut, 3), 's'],
    ['raw write rate', fixed(figures.rawWriteRate, 0), 'records/s'],
    ['write ratio (app / raw)', fixed(figures.writeRatio, 2), 'ratio'],
    ['end-to-end rate (parse + plan + import)', fixed(figures.endToEndRate, 0), 'records/s'],
    ['end-to-end ratio (end-to-end / raw)', fixed(figures.endToEndRatio, 2), 'ratio'],
    [stepLabels.reimport, fixed(seconds.reimport, 3), 's'],
    ['records written by the re-import', fixed(figures.reimportWrites, 0), 'records'],
    [stepLabels.readBack, fixed(seconds.readBack, 3), 's'],
    ['read-back rate', fixed(figures.readBackRate, 0), 'records/s'],
    ['JS heap baseline', fixed(heap.baselineMb, 1), 'MB'],
    ['JS heap peak, sampled or before a collection', fixed(heap.peakMb, 1), 'MB'],
    ['JS heap peak during', heap.peakStep ?? 'between steps', 'step'],
    ['JS heap peak during the app steps (parse to re-import)', fixed(heap.appStepsPeakMb, 1), 'MB'],
    ['JS heap peak, sampled every 50 ms', fixed(heap.sampled.peakMb, 1), 'MB'],
    ['JS heap peak, before a collection (trace)', fixed(heap.traced.peakMb, 1), 'MB'],
  ];
  for (const [step, label] of Object.entries(stepLabels) as [StepName, string][]) {
    const sampledMb = heap.sampled.byStep[step]?.peakMb;
    const tracedMb = heap.traced.byStepMb[step];
    rows.push(
      [`  during ${label}, sampled`, sampledMb === undefined ? 'no sample' : fixed(sampledMb, 1), 'MB'],
      [`  during ${label}, before a collection`, tracedMb === undefined ? 'no collection' : fixed(tracedMb, 1), 'MB'],
    );
  }
  rows.push(
    ['heap samples', fixed(heap.sampled.samples, 0), 'samples'],
    ['longest gap between heap samples', fixed(heap.sampled.longestGapMs, 0), 'ms'],
    ['garbage collections traced', fixed(heap.traced.collections, 0), 'collections'],
  );
  return rows;
}

export function machineLine(machine: Machine): string {
  const load = `load average ${fixed(machine.loadAverage.start, 2)} at start, ${fixed(machine.loadAverage.end, 2)} at end`;
  const memory = `${fixed(machine.totalMemoryMb, 0)} MB memory`;
  return [
    machine.cpuModel,
    `${machine.cores} cores`,
    memory,
    machine.os,
    `Node ${machine.node}`,
    `Chromium ${machine.chromium}`,
    load,
    machine.date,
  ].join(', ');
}

/** Formats rows under a `metric  value  unit` header, with values aligned on the right. */
export function alignRows(rows: readonly Row[]): string[] {
  const all: Row[] = [['metric', 'value', 'unit'], ...rows];
  const metricWidth = Math.max(...all.map(([metric]) => metric.length));
  const valueWidth = Math.max(...all.map(([, value]) => value.length));
  return all.map(([metric, value, unit]) => `${metric.padEnd(metricWidth)}  ${value.padStart(valueWidth)}  ${unit}`);
}

/** Formats one target check, such as `target write ratio at least 0.5: 0.91, met`. */
export function targetLine(target: TargetCheck): string {
  return `target ${target.name} ${target.requirement}: ${fixed(target.value, 2)}, ${target.met ? 'met' : 'MISSED'}`;
}

/** Formats the figures and target checks as a plain text table with aligned columns. */
export function formatTable(
  workload: Workload,
  result: ImportBenchResult,
  figures: BenchFigures,
  targets: readonly TargetCheck[],
  machine: Machine,
): string {
  const lines = alignRows(tableRows(workload, result, figures));

  lines.push('');
  for (const target of targets) lines.push(targetLine(target));
  lines.push('', `machine: ${machineLine(machine)}`);
  return `${lines.join('\n')}\n`;
}

export interface BenchRecord {
  readonly machine: Machine;
  readonly workload: Omit<Workload, 'csv'> & { readonly bytes: number };
  readonly result: ImportBenchResult;
  readonly figures: BenchFigures;
  readonly targets: readonly TargetCheck[];
  /** Every heap sample as `[ms since the first step started, MB]`. */
  readonly heapSamples: readonly (readonly [number, number])[];
}

export function writeRecord(path: string, record: BenchRecord): void {
  writeJsonRecord(path, record);
}

/** Writes `record` as indented JSON, creating the folder when needed. */
export function writeJsonRecord(path: string, record: object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
}
