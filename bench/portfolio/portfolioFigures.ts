/**
 * Figures and targets of the portfolio file bench: export, import and merge against their
 * baselines in the same run, and the peak JavaScript heap of each against the portfolio's size
 * as JSON.
 */
import type { HeapSample } from '../heapSampler';
import { bytesPerMb, sampledHeap, tracedHeap } from '../figures';
import type { TargetCheck } from '../figures';
import type { TracedCollection } from '../gcTrace';
import type { MergeComparison, OursMerge } from './mergeComparison';
import type { ExportResult, FileImportResult, MergeStepResult, PortfolioStep, RawWriteResult, TableCounts } from './pageTypes';
import { portfolioSteps } from './pageTypes';

/** Highest accepted ratio of the app's export time to `JSON.stringify` plus gzip of the same records. */
export const maxExportRatio = 1.5;
/** Lowest accepted ratio of the raw IndexedDB write time to the app's file import time. */
export const minImportRatio = 0.5;
/** Lowest accepted ratio of Automerge's merge time to ours. */
export const minMergeSpeedup = 10;
/** Highest accepted peak JavaScript heap of export, import and merge, as a multiple of the portfolio's JSON size. */
export const maxHeapPerJsonByte = 3;

/** Heap of one page step, in MB. */
export interface StepHeap {
  /** Used heap after a full collection just before the step's call. */
  readonly startMb: number;
  /** Higher of the sampled and the traced peak, or `null` when neither source saw the step. */
  readonly peakMb: number | null;
  readonly sampledPeakMb: number | null;
  readonly tracedPeakMb: number | null;
  readonly samples: number;
}

/** Results and heap readings that the runner collected from the page. */
export interface PageRun {
  readonly fileImport: FileImportResult;
  readonly rawWrite: RawWriteResult;
  readonly appExport: ExportResult;
  readonly baselineExport: ExportResult;
  readonly merge: MergeStepResult;
  /**
   * Used heap after a full collection before each step's call, in bytes. For `merge` it is read
   * after `prepareMerge`, so it contains both opened exports.
   */
  readonly startBytes: Readonly<Record<PortfolioStep, number>>;
  readonly samples: readonly HeapSample[];
  readonly collections: readonly TracedCollection<PortfolioStep>[];
}

export interface PortfolioFigures {
  /** Size of the base portfolio as `JSON.stringify` text in UTF-8, in bytes: the heap targets' unit. */
  readonly jsonBytes: number;
  readonly import: {
    readonly seconds: number;
    readonly openSeconds: number;
    readonly mergeSeconds: number;
    readonly writeSeconds: number;
    readonly rawSeconds: number;
    /** Raw write time divided by the app's whole import time. */
    readonly ratio: number;
    /** Raw write time divided by the app's `applyMergeDelta` time alone. */
    readonly writeRatio: number;
  };
  readonly export: {
    readonly seconds: number;
    readonly readSeconds: number;
    readonly writeSeconds: number;
    readonly baselineSeconds: number;
    readonly baselineReadSeconds: number;
    readonly baselineSerializeSeconds: number;
    readonly baselineCompressSeconds: number;
    /** App export time divided by baseline time, both including `readSnapshot`. */
    readonly ratio: number;
    /** `writePortfolioFile` time divided by the baseline's stringify and gzip time, both without the read. */
    readonly writeRatio: number;
  };
  readonly merge: {
    /** `mergeSnapshots` of the full-size exports in Chromium. */
    readonly chromiumSeconds: number;
    /** Automerge's median merge time divided by ours, at the compared size. */
    readonly speedup: number | null;
    /** The same for Automerge documents that went through `A.save` and `A.load`. */
    readonly savedSpeedup: number | null;
  };
  readonly heap: Readonly<Record<PortfolioStep, StepHeap>>;
}

const seconds = (span: { readonly start: number; readonly end: number }): number => (span.end - span.start) / 1000;

function stepHeaps(run: PageRun): Record<PortfolioStep, StepHeap> {
  const spans = [run.fileImport.span, run.rawWrite.span, run.appExport.span, run.baselineExport.span, run.merge.span];
  const sampled = sampledHeap(run.samples, spans);
  const traced = tracedHeap(run.collections);
  const heaps = {} as Record<PortfolioStep, StepHeap>;
  for (const step of portfolioSteps) {
    const sampledPeakMb = sampled.byStep[step]?.peakMb ?? null;
    const tracedPeakMb = traced.byStepMb[step] ?? null;
    const peaks = [sampledPeakMb, tracedPeakMb].filter((value) => value !== null);
    heaps[step] = {
      startMb: run.startBytes[step] / bytesPerMb,
      peakMb: peaks.length === 0 ? null : Math.max(...peaks),
      sampledPeakMb,
      tracedPeakMb,
      samples: sampled.byStep[step]?.samples ?? 0,
    };
  }
  return heaps;
}

function speedup(comparison: MergeComparison, saved: boolean): number | null {
  const automerge = saved ? comparison.automergeSaved : comparison.automerge;
  if (automerge === null || !automerge.ok) return null;
  return automerge.timing.medianMs / comparison.ours.timing.medianMs;
}

export function portfolioFigures(run: PageRun, comparison: MergeComparison, jsonBytes: number): PortfolioFigures {
  const { fileImport, appExport, baselineExport } = run;
  const importSeconds = seconds(fileImport.span);
  const rawSeconds = seconds(run.rawWrite.span);
  const exportSeconds = seconds(appExport.span);
  const baselineSeconds = seconds(baselineExport.span);
  return {
    jsonBytes,
    import: {
      seconds: importSeconds,
      openSeconds: fileImport.openMs / 1000,
      mergeSeconds: fileImport.mergeMs / 1000,
      writeSeconds: fileImport.writeMs / 1000,
      rawSeconds,
      ratio: rawSeconds / importSeconds,
      writeRatio: rawSeconds / (fileImport.writeMs / 1000),
    },
    export: {
      seconds: exportSeconds,
      readSeconds: appExport.readMs / 1000,
      writeSeconds: appExport.serializeMs / 1000,
      baselineSeconds,
      baselineReadSeconds: baselineExport.readMs / 1000,
      baselineSerializeSeconds: baselineExport.serializeMs / 1000,
      baselineCompressSeconds: baselineExport.compressMs / 1000,
      ratio: exportSeconds / baselineSeconds,
      writeRatio: appExport.serializeMs / (baselineExport.serializeMs + baselineExport.compressMs),
    },
    merge: {
      chromiumSeconds: seconds(run.merge.span),
      speedup: speedup(comparison, false),
      savedSpeedup: speedup(comparison, true),
    },
    heap: stepHeaps(run),
  };
}

function heapTarget(name: string, heap: StepHeap, jsonBytes: number): TargetCheck {
  const value = heap.peakMb === null ? Number.POSITIVE_INFINITY : (heap.peakMb * bytesPerMb) / jsonBytes;
  return {
    name: `${name} peak JavaScript heap / portfolio JSON size`,
    requirement: `under ${maxHeapPerJsonByte}`,
    value,
    met: value < maxHeapPerJsonByte,
  };
}

/** Checks the six targets. A missing Automerge figure (Automerge failed) counts as missed. */
export function checkPortfolioTargets(figures: PortfolioFigures): TargetCheck[] {
  const speedupValue = figures.merge.speedup ?? 0;
  return [
    {
      name: 'export time (app / JSON.stringify + gzip)',
      requirement: `at most ${maxExportRatio}`,
      value: figures.export.ratio,
      met: figures.export.ratio <= maxExportRatio,
    },
    {
      name: 'import ratio (raw IndexedDB / app)',
      requirement: `at least ${minImportRatio}`,
      value: figures.import.ratio,
      met: figures.import.ratio >= minImportRatio,
    },
    {
      name: 'merge speed-up (Automerge / ours)',
      requirement: `at least ${minMergeSpeedup}`,
      value: speedupValue,
      met: speedupValue >= minMergeSpeedup,
    },
    heapTarget('export', figures.heap.export, figures.jsonBytes),
    heapTarget('import', figures.heap.import, figures.jsonBytes),
    heapTarget('merge', figures.heap.merge, figures.jsonBytes),
  ];
}

function sameCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/** Checks what the figures rely on: every step handled every record, and Automerge ended with the records ours did. */
export function checkPortfolioConsistency(
  run: PageRun,
  fileCounts: TableCounts,
  comparison: MergeComparison,
  fullMerge: OursMerge,
): string[] {
  const problems: string[] = [];
  const expect = (label: string, actual: Readonly<Record<string, number>>, expected: Readonly<Record<string, number>>): void => {
    if (!sameCounts(actual, expected)) problems.push(`${label}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  expect('the import wrote', run.fileImport.written, fileCounts);
  expect('the raw step wrote', run.rawWrite.written, fileCounts);
  expect('the export read', run.appExport.records, fileCounts);
  expect('the baseline export read', run.baselineExport.records, fileCounts);
  const chromiumRecords = Object.fromEntries(Object.entries(run.merge.mergedRecords).filter(([key]) => key !== 'tombstones'));
  expect('the merge in Chromium kept', chromiumRecords, fullMerge.mergedRecords);
  for (const automerge of [comparison.automerge, comparison.automergeSaved]) {
    if (automerge?.ok === true) expect('Automerge kept', automerge.mergedRecords, comparison.ours.mergedRecords);
  }
  return problems;
}
