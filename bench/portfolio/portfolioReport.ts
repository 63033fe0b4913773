/** Output of the portfolio file bench: a plain table on stdout and the JSON record in `bench/results`. */
import { bytesPerMb } from '../figures';
import type { TargetCheck } from '../figures';
import { alignRows, fixed, machineLine, targetLine, writeJsonRecord } from '../report';
import type { Machine, Row } from '../report';
import type { EditCounts } from './divergence';
import type { HistoryCounts, PortfolioShape } from './generator';
import type { AutomergeMerge, MergeTiming, NodeMerges } from './mergeComparison';
import type { PortfolioBenchOptions } from './options';
import type { PortfolioStep, TableCounts } from './pageTypes';
import type { PageRun, PortfolioFigures, StepHeap } from './portfolioFigures';

export interface PortfolioWorkloadSummary {
  readonly shape: PortfolioShape;
  /** Size of the portfolio that the Automerge comparison merged. */
  readonly comparedShape: PortfolioShape;
  readonly counts: TableCounts;
  readonly history: HistoryCounts;
  /** UTF-8 bytes of `JSON.stringify` of the base snapshot. */
  readonly jsonBytes: number;
  /** Bytes of the base portfolio's `.steerwise` file. */
  readonly fileBytes: number;
  /** Edits of the two sides of the full-size merge. */
  readonly localEdits: EditCounts;
  readonly remoteEdits: EditCounts;
}

export interface PortfolioRecord {
  readonly machine: Machine;
  readonly options: PortfolioBenchOptions;
  readonly workload: PortfolioWorkloadSummary;
  readonly run: PageRun;
  readonly merges: NodeMerges;
  readonly figures: PortfolioFigures;
  readonly targets: readonly TargetCheck[];
}

const stepLabels: Readonly<Record<PortfolioStep, string>> = {
  import: 'app import',
  rawWrite: 'raw IndexedDB write',
  export: 'app export',
  baselineExport: 'baseline export',
  merge: 'merge (Chromium)',
};

const count = (value: number): string => fixed(value, 0);
const mb = (bytes: number): string => fixed(bytes / bytesPerMb, 1);
const edits = (counts: EditCounts): string => [counts.batches, counts.inserts, counts.updates, counts.deletes].map(count).join(' / ');

/** Returns the median as the value and every run in the unit column. */
function timingCells(timing: MergeTiming): [string, string] {
  const runs = (values: readonly number[]): string => values.map((ms) => fixed(ms, 0)).join(', ');
  const warmups = timing.warmupsMs.length === 0 ? '' : `; warm-ups ${runs(timing.warmupsMs)}`;
  return [fixed(timing.medianMs, 0), `ms (runs ${runs(timing.runsMs)}${warmups})`];
}

function automergeRows(label: string, merge: AutomergeMerge | null, speedup: number | null): Row[] {
  if (merge === null) return [[label, 'skipped', '']];
  if (!merge.ok) return [[label, 'failed', merge.error]];
  return [
    [`${label}, median`, ...timingCells(merge.timing)],
    [`${label}, speed-up (Automerge / ours)`, speedup === null ? '-' : fixed(speedup, 1), 'ratio'],
  ];
}

function workloadRows(workload: PortfolioWorkloadSummary): Row[] {
  const { counts, history } = workload;
  return [
    ['providers', count(counts.providers), 'records'],
    ['contracts', count(counts.contracts), 'records'],
    ['KPIs', count(counts.kpis), 'records'],
    ['service levels', count(counts.serviceLevels), 'records'],
    ['measurements', count(counts.measurements), 'records'],
    ['tombstones', count(counts.tombstones), 'records'],
    ['measurements corrected later (fieldClocks)', count(history.correctedMeasurements), 'records'],
    ['portfolio as JSON.stringify', mb(workload.jsonBytes), 'MB'],
    ['portfolio as .steerwise file', mb(workload.fileBytes), 'MB'],
    ['local edits: batches / inserts / updates / deletes', edits(workload.localEdits), 'edits'],
    ['remote edits: batches / inserts / updates / deletes', edits(workload.remoteEdits), 'edits'],
  ];
}

function timeRows(figures: PortfolioFigures): Row[] {
  const { import: fileImport, export: fileExport } = figures;
  return [
    ['app import: open + merge + write', fixed(fileImport.seconds, 2), 's'],
    ['  openPortfolioFile', fixed(fileImport.openSeconds, 2), 's'],
    ['  mergeSnapshots with an empty portfolio', fixed(fileImport.mergeSeconds, 2), 's'],
    ['  openPortfolioDb + applyMergeDelta', fixed(fileImport.writeSeconds, 2), 's'],
    ['raw IndexedDB put, one transaction', fixed(fileImport.rawSeconds, 2), 's'],
    ['import ratio (raw / app import)', fixed(fileImport.ratio, 2), 'ratio'],
    ['write ratio (raw / applyMergeDelta)', fixed(fileImport.writeRatio, 2), 'ratio'],
    ['app export: readSnapshot + writePortfolioFile', fixed(fileExport.seconds, 2), 's'],
    ['  readSnapshot', fixed(fileExport.readSeconds, 2), 's'],
    ['  writePortfolioFile', fixed(fileExport.writeSeconds, 2), 's'],
    ['baseline export: readSnapshot + stringify + gzip', fixed(fileExport.baselineSeconds, 2), 's'],
    ['  readSnapshot', fixed(fileExport.baselineReadSeconds, 2), 's'],
    ['  JSON.stringify + TextEncoder', fixed(fileExport.baselineSerializeSeconds, 2), 's'],
    ['  gzipSync, level 1', fixed(fileExport.baselineCompressSeconds, 2), 's'],
    ['export ratio (app / baseline)', fixed(fileExport.ratio, 2), 'ratio'],
    ['serialize ratio (writePortfolioFile / stringify + gzip)', fixed(fileExport.writeRatio, 2), 'ratio'],
  ];
}

function mergeRows(workload: PortfolioWorkloadSummary, run: PageRun, merges: NodeMerges, figures: PortfolioFigures): Row[] {
  const { comparison, full, fullHeap } = merges;
  const compared = workload.comparedShape;
  const rows: Row[] = [
    ['mergeSnapshots, full size, Chromium', fixed(figures.merge.chromiumSeconds * 1000, 0), 'ms'],
    ['  conflicts / deleted edits', `${count(run.merge.conflicts)} / ${count(run.merge.deletedEdits)}`, 'records'],
  ];
  // At full size the comparison's runs of our merge are the full-size runs.
  if (full !== comparison.ours) rows.push(['mergeSnapshots, full size, Node, median', ...timingCells(full.timing)]);
  rows.push(
    ['mergeSnapshots, full size, Node heap: before / peak', `${mb(fullHeap.beforeBytes)} / ${mb(fullHeap.peakBytes)}`, 'MB'],
    ['compared size: providers / measurements', `${count(compared.providers)} / ${count(compared.measurements)}`, 'records'],
    ['  local edits: batches / inserts / updates / deletes', edits(comparison.localEdits), 'edits'],
    ['  remote edits: batches / inserts / updates / deletes', edits(comparison.remoteEdits), 'edits'],
    ['mergeSnapshots, compared size, Node, median', ...timingCells(comparison.ours.timing)],
    ['  conflicts / deleted edits', `${count(comparison.ours.conflicts)} / ${count(comparison.ours.deletedEdits)}`, 'records'],
  );
  if (comparison.automerge.ok) rows.push(['Automerge A.from of the base', fixed(comparison.automerge.buildBaseMs, 0), 'ms']);
  rows.push(
    ...automergeRows('A.merge of the side documents in memory', comparison.automerge, figures.merge.speedup),
    ...automergeRows('A.merge after A.save and A.load, one run', comparison.automergeSaved, figures.merge.savedSpeedup),
  );
  return rows;
}

function heapRows(figures: PortfolioFigures): Row[] {
  const rows: Row[] = [];
  for (const [step, label] of Object.entries(stepLabels) as [PortfolioStep, string][]) {
    const heap: StepHeap = figures.heap[step];
    const peak = heap.peakMb === null ? 'no reading' : fixed(heap.peakMb, 1);
    const ratio = heap.peakMb === null ? '-' : fixed((heap.peakMb * bytesPerMb) / figures.jsonBytes, 2);
    rows.push(
      [`JS heap during ${label}: start / peak`, `${fixed(heap.startMb, 1)} / ${peak}`, 'MB'],
      [`  peak / portfolio JSON size`, ratio, 'ratio'],
    );
  }
  return rows;
}

export function formatPortfolioTable(
  workload: PortfolioWorkloadSummary,
  run: PageRun,
  merges: NodeMerges,
  figures: PortfolioFigures,
  targets: readonly TargetCheck[],
  machine: Machine,
): string {
  const rows = [...workloadRows(workload), ...timeRows(figures), ...mergeRows(workload, run, merges, figures), ...heapRows(figures)];
  const lines = ['', 'portfolio file bench', ...alignRows(rows), ''];
  for (const target of targets) lines.push(targetLine(target));
  lines.push('', `machine: ${machineLine(machine)}`);
  return `${lines.join('\n')}\n`;
}

/** Writes the record, with heap samples as `[ms since the import step started, MB]` pairs. */
export function writePortfolioRecord(path: string, record: PortfolioRecord): void {
  const firstStart = record.run.fileImport.span.start;
  const heapSamples = record.run.samples.map((sample) => [Math.round(sample.at - firstStart), sample.usedBytes / bytesPerMb] as const);
  const { fileImport, rawWrite, appExport, baselineExport, merge, startBytes, collections } = record.run;
  const run = { fileImport, rawWrite, appExport, baselineExport, merge, startBytes, tracedCollections: collections.length };
  writeJsonRecord(path, { ...record, run, heapSamples });
}
