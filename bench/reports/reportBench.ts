/**
 * The report bench: the full steering committee pack (every section, the latest quarter) of the
 * portfolio bench's generated portfolio (200 providers, 150,000 measurements). It makes the pack
 * as the Reports screen does: the pack from the snapshot, its charts as SVG, the XLSX workbook
 * and the CSV files. It runs `reportWorker.ts` in a child process, prints a table of times and
 * peak memory, and writes `bench/results/reports.json`. It checks no target.
 * NOTE: Chromium's layout of the PDF is not timed: the print view needs the app's page, and the
 * generated portfolio is not loaded into the browser here.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { alignRows, describeMachine, fixed, machineLine, writeJsonRecord } from '../report';
import type { Row } from '../report';
import type { ReportWorkerResult } from './reportWorker';

const recordPath = resolve(import.meta.dirname, '../results/reports.json');
const root = resolve(import.meta.dirname, '../..');

/** Runs the worker once and returns its figures. */
function runWorker(): ReportWorkerResult {
  const tsx = resolve(root, 'node_modules/.bin/tsx');
  const output = execFileSync(tsx, ['--tsconfig', resolve(root, 'tsconfig.node.json'), resolve(import.meta.dirname, 'reportWorker.ts')], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as ReportWorkerResult;
}

/** Runs the bench, prints and records its figures, and returns the exit code: 0, or 1 when the worker fails. */
export function runReportBench(startLoadAverage: number): number {
  let result: ReportWorkerResult;
  try {
    result = runWorker();
  } catch (error) {
    process.stderr.write(`report bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const machine = describeMachine('not used', startLoadAverage);
  writeJsonRecord(recordPath, { machine, ...result });

  const { counts } = result;
  const rows: Row[] = [
    ['providers / measurements', `${String(result.shape.providers)} / ${result.shape.measurements.toLocaleString('en-GB')}`, ''],
    ['pack sections / tables / rows / charts', `${String(counts.sections)} / ${String(counts.tables)} / ${counts.rows.toLocaleString('en-GB')} / ${String(counts.charts)}`, ''],
    ['pack from the snapshot (buildReportStepwise)', fixed(result.buildMs, 0), 'ms'],
    ['charts as SVG (drawCharts)', fixed(result.chartsMs, 0), 'ms'],
    ['XLSX workbook (writeReportWorkbook)', fixed(result.workbookMs, 0), 'ms'],
    ['CSV files in a ZIP (writeReportCsvZip)', fixed(result.csvMs, 0), 'ms'],
    ['full pack, all four steps', fixed(result.totalMs, 0), 'ms'],
    ['workbook / ZIP size', `${fixed(result.workbookBytes / 1024, 0)} / ${fixed(result.csvZipBytes / 1024, 0)}`, 'KB'],
    ['JavaScript heap before the pack / peak while making it', `${fixed(result.baselineHeapMb, 0)} / ${fixed(result.peakHeapMb, 0)}`, 'MB'],
    ['peak resident memory of the process, portfolio included', fixed(result.maxRssMb, 0), 'MB'],
  ];
  const lines = ['Reports: the full steering committee pack of the generated portfolio (Node)', machineLine(machine), ...alignRows(rows)];
  process.stdout.write(`${lines.join('\n')}\nwrote ${recordPath}\n`);
  return 0;
}
