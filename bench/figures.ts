/**
 * Turns the page's step spans and the runner's heap samples into the bench figures, and checks
 * them against the targets.
 */
import type { ImportSummary } from '../shared/domain/types';
import type { ImportBenchResult, StepName, StepSpan } from './benchTypes';
import type { HeapSample } from './heapSampler';

/** Bytes per MB in every heap figure: 1 MB is 1,000,000 bytes. */
export const bytesPerMb = 1_000_000;

/** Lowest accepted ratio of the app's write rate to the raw IndexedDB rate. */
export const minWriteRatio = 0.5;
/** Peak used JavaScript heap, in MB, that the run must stay under. */
export const maxPeakHeapMb = 300;

export interface HeapFigures {
  readonly baselineMb: number;
  readonly peakMb: number;
  /** Step during which the peak sample arrived, or `null` when it arrived between steps. */
  readonly peakStep: StepName | null;
  /** Highest sample that arrived during each step, in MB; absent for a step without samples. */
  readonly peakByStepMb: Partial<Record<StepName, number>>;
  readonly samples: number;
  /** Longest time between two samples, in ms. */
  readonly longestGapMs: number;
}

export interface BenchFigures {
  readonly seconds: Readonly<Record<StepName, number>>;
  readonly parseAndPlanSeconds: number;
  /** Measurements written by the first import per second of `applyImportPlan`. */
  readonly appWriteRate: number;
  /** Records per second of the raw IndexedDB puts. */
  readonly rawWriteRate: number;
  /** `appWriteRate / rawWriteRate`. */
  readonly writeRatio: number;
  /** Measurements written per second of parse, plan and `applyImportPlan` together. */
  readonly endToEndRate: number;
  /** `endToEndRate / rawWriteRate`. */
  readonly endToEndRatio: number;
  /** Records the second import added or changed; 0 for an idempotent import. */
  readonly reimportWrites: number;
  readonly readBackRate: number;
  readonly heap: HeapFigures;
}

export interface TargetCheck {
  readonly name: string;
  readonly requirement: string;
  readonly value: number;
  readonly met: boolean;
}

function stepSeconds(steps: readonly StepSpan[], step: StepName): number {
  const span = steps.find((candidate) => candidate.step === step);
  if (span === undefined) throw new Error(`The bench page reported no "${step}" step`);
  return (span.end - span.start) / 1000;
}

function sumCounts(counts: ImportSummary['added']): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

/** Counts the records an import summary reports as added or changed. */
export function countWrites(summary: ImportSummary): number {
  return sumCounts(summary.added) + sumCounts(summary.changed);
}

function stepAt(steps: readonly StepSpan[], at: number): StepName | null {
  return steps.find((span) => at >= span.start && at <= span.end)?.step ?? null;
}

export function heapFigures(baselineBytes: number, samples: readonly HeapSample[], steps: readonly StepSpan[]): HeapFigures {
  const first = samples[0];
  if (first === undefined) throw new Error('The heap sampler returned no samples');

  let peak = first;
  let longestGapMs = 0;
  const peakByStepMb: Partial<Record<StepName, number>> = {};
  samples.forEach((sample, index) => {
    if (sample.usedBytes > peak.usedBytes) peak = sample;
    const previous = samples[index - 1];
    if (previous !== undefined) longestGapMs = Math.max(longestGapMs, sample.at - previous.at);
    const step = stepAt(steps, sample.at);
    if (step !== null) peakByStepMb[step] = Math.max(peakByStepMb[step] ?? 0, sample.usedBytes / bytesPerMb);
  });

  return {
    baselineMb: baselineBytes / bytesPerMb,
    peakMb: peak.usedBytes / bytesPerMb,
    peakStep: stepAt(steps, peak.at),
    peakByStepMb,
    samples: samples.length,
    longestGapMs,
  };
}

export function benchFigures(result: ImportBenchResult, heap: HeapFigures): BenchFigures {
  const seconds = {
    parse: stepSeconds(result.steps, 'parse'),
    plan: stepSeconds(result.steps, 'plan'),
    import: stepSeconds(result.steps, 'import'),
    reimport: stepSeconds(result.steps, 'reimport'),
    readBack: stepSeconds(result.steps, 'readBack'),
    rawPut: stepSeconds(result.steps, 'rawPut'),
  };
  const written = result.firstImport.added.measurements ?? 0;
  const parseAndPlanSeconds = seconds.parse + seconds.plan;
  const appWriteRate = written / seconds.import;
  const rawWriteRate = result.rawRecords / seconds.rawPut;
  const endToEndRate = written / (parseAndPlanSeconds + seconds.import);

  return {
    seconds,
    parseAndPlanSeconds,
    appWriteRate,
    rawWriteRate,
    writeRatio: appWriteRate / rawWriteRate,
    endToEndRate,
    endToEndRatio: endToEndRate / rawWriteRate,
    reimportWrites: countWrites(result.reimport),
    readBackRate: result.rawRecords / seconds.readBack,
    heap,
  };
}

export function checkTargets(figures: BenchFigures): TargetCheck[] {
  return [
    {
      name: 'write ratio (app / raw IndexedDB)',
      requirement: `at least ${minWriteRatio}`,
      value: figures.writeRatio,
      met: figures.writeRatio >= minWriteRatio,
    },
    {
      name: 'peak JavaScript heap, MB',
      requirement: `under ${maxPeakHeapMb}`,
      value: figures.heap.peakMb,
      met: figures.heap.peakMb < maxPeakHeapMb,
    },
  ];
}
