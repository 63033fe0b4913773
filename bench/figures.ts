/**
 * Turns the page's step spans, the runner's heap samples and the traced garbage collections into
 * the bench figures, and checks them against the targets.
 */
import type { ImportSummary } from '../shared/domain/types';
import type { ImportBenchResult, StepName, StepSpan } from './benchTypes';
import type { TracedCollection } from './gcTrace';
import type { HeapSample } from './heapSampler';

/** Bytes per MB in every heap figure: 1 MB is 1,000,000 bytes. */
export const bytesPerMb = 1_000_000;

/** Lowest accepted ratio of the app's write rate to the raw IndexedDB rate. */
export const minWriteRatio = 0.5;
/** Peak used JavaScript heap, in MB, that the whole run must stay under. */
export const maxPeakHeapMb = 300;

/** Steps that run app code. The other steps read the records back and write the raw baseline. */
export const appSteps: readonly StepName[] = ['parse', 'plan', 'import', 'reimport'];

/** Heap figures of one step from the sampler. */
export interface StepSamples {
  readonly peakMb: number;
  readonly samples: number;
  /** Longest time between two samples that ended in this step, in ms. */
  readonly longestGapMs: number;
}

/** Peaks from `Performance.getMetrics` polled every 50 ms. */
export interface SampledHeap<S extends string = StepName> {
  readonly peakMb: number;
  /** Step during which the peak sample arrived, or `null` when it arrived between steps. */
  readonly peakStep: S | null;
  readonly byStep: Partial<Record<S, StepSamples>>;
  readonly samples: number;
  /** Longest time between two samples, in ms: the renderer does not answer during a long synchronous loop. */
  readonly longestGapMs: number;
}

/** Peaks from the used heap just before each traced garbage collection. */
export interface TracedHeap<S extends string = StepName> {
  readonly peakMb: number;
  readonly peakStep: S | null;
  readonly byStepMb: Partial<Record<S, number>>;
  readonly collections: number;
}

export interface HeapFigures {
  readonly baselineMb: number;
  /** The higher of the sampled and the traced peak over the whole run. */
  readonly peakMb: number;
  readonly peakStep: StepName | null;
  /** Peak during the app steps (parse to re-import), from either source. */
  readonly appStepsPeakMb: number;
  readonly sampled: SampledHeap;
  readonly traced: TracedHeap;
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

function stepAt<S extends string>(steps: readonly StepSpan<S>[], at: number): S | null {
  return steps.find((span) => at >= span.start && at <= span.end)?.step ?? null;
}

/** Finds the peak of the heap samples over the whole run and within each step. */
export function sampledHeap<S extends string>(samples: readonly HeapSample[], steps: readonly StepSpan<S>[]): SampledHeap<S> {
  const first = samples[0];
  if (first === undefined) throw new Error('The heap sampler returned no samples');

  let peak = first;
  let longestGapMs = 0;
  const byStep: Partial<Record<S, StepSamples>> = {};
  samples.forEach((sample, index) => {
    if (sample.usedBytes > peak.usedBytes) peak = sample;
    const previous = samples[index - 1];
    const gapMs = previous === undefined ? 0 : sample.at - previous.at;
    longestGapMs = Math.max(longestGapMs, gapMs);

    const step = stepAt(steps, sample.at);
    if (step === null) return;
    const seen = byStep[step];
    byStep[step] = {
      peakMb: Math.max(seen?.peakMb ?? 0, sample.usedBytes / bytesPerMb),
      samples: (seen?.samples ?? 0) + 1,
      longestGapMs: Math.max(seen?.longestGapMs ?? 0, gapMs),
    };
  });
  return { peakMb: peak.usedBytes / bytesPerMb, peakStep: stepAt(steps, peak.at), byStep, samples: samples.length, longestGapMs };
}

/** Finds the peak of the used heap before a traced collection over the whole run and within each step. */
export function tracedHeap<S extends string>(collections: readonly TracedCollection<S>[]): TracedHeap<S> {
  let peakMb = 0;
  let peakStep: S | null = null;
  const byStepMb: Partial<Record<S, number>> = {};
  for (const { step, usedBytesBefore } of collections) {
    const usedMb = usedBytesBefore / bytesPerMb;
    if (step !== null) byStepMb[step] = Math.max(byStepMb[step] ?? 0, usedMb);
    if (usedMb > peakMb) {
      peakMb = usedMb;
      peakStep = step;
    }
  }
  return { peakMb, peakStep, byStepMb, collections: collections.length };
}

export function heapFigures(
  baselineBytes: number,
  samples: readonly HeapSample[],
  collections: readonly TracedCollection[],
  steps: readonly StepSpan[],
): HeapFigures {
  const sampled = sampledHeap(samples, steps);
  const traced = tracedHeap(collections);
  const appStepsPeakMb = Math.max(0, ...appSteps.flatMap((step) => [sampled.byStep[step]?.peakMb ?? 0, traced.byStepMb[step] ?? 0]));
  const tracedIsHigher = traced.peakMb > sampled.peakMb;
  return {
    baselineMb: baselineBytes / bytesPerMb,
    peakMb: tracedIsHigher ? traced.peakMb : sampled.peakMb,
    peakStep: tracedIsHigher ? traced.peakStep : sampled.peakStep,
    appStepsPeakMb,
    sampled,
    traced,
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

/** Checks the write ratio and the whole run's heap peak, raw baseline step included. */
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
