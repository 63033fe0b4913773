/**
 * The merge bench in Node: `mergeSnapshots` of two diverged exports against `A.merge` of
 * Automerge documents that received the same edits, in one process. Only the merge call is
 * timed on either side, not the building of the inputs.
 */
import type { Doc } from '@automerge/automerge';
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readPortfolioFile, writePortfolioFile } from '../../shared/file';
import { mergeSnapshots } from '../../shared/sync/merge';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';
import { recordTables } from '../../shared/sync/snapshot';
import { applyAutomergeEdits, automergeDocOf, countDocRecords, freeDoc, mergeDocs, roundTrip } from './automergeBaseline';
import type { PortfolioDoc } from './automergeBaseline';
import type { DivergedPortfolio, EditCounts } from './divergence';
import { countEdits } from './divergence';
import type { Devices } from './generator';

/** Durations of repeated runs of one merge, in ms. */
export interface MergeTiming {
  /** Runs before `runsMs`, outside the median, which let the JavaScript and WebAssembly compilers settle. The first is the cold run. */
  readonly warmupsMs: readonly number[];
  readonly runsMs: readonly number[];
  readonly medianMs: number;
}

/** How often each merge of the comparison runs: first `warmups` runs outside the median, then `repeats` runs for it. */
export interface MergeRuns {
  readonly warmups: number;
  readonly repeats: number;
}

/** Peak used JavaScript heap of the Node process around one merge, from `v8.GCProfiler`. */
export interface NodeHeapPeak {
  /** Used heap after a full collection, just before the merge, in bytes. */
  readonly beforeBytes: number;
  /** Highest used heap before a collection during the merge, or at its end, in bytes. */
  readonly peakBytes: number;
  readonly collections: number;
}

export interface OursMerge {
  readonly timing: MergeTiming;
  readonly conflicts: number;
  readonly deletedEdits: number;
  readonly mergedRecords: Readonly<Record<string, number>>;
}

/** Automerge's merge, or the error that stopped it, such as running out of WebAssembly memory. */
export type AutomergeMerge =
  | {
      readonly ok: true;
      readonly timing: MergeTiming;
      /** `A.from` of the base portfolio, in ms. */
      readonly buildBaseMs: number;
      readonly mergedRecords: Readonly<Record<string, number>>;
    }
  | { readonly ok: false; readonly error: string };

export interface MergeComparisonInput {
  readonly diverged: DivergedPortfolio;
  readonly devices: Devices;
  readonly runs: MergeRuns;
  /** Whether Automerge is also timed, once, on documents that went through `A.save` and `A.load`. */
  readonly savedVariant: boolean;
  /** The two sides as read back from their exports, when the caller has them already. */
  readonly exports?: { readonly local: PortfolioSnapshot; readonly remote: PortfolioSnapshot };
}

export interface MergeComparison {
  readonly localEdits: EditCounts;
  readonly remoteEdits: EditCounts;
  readonly ours: OursMerge;
  /** Automerge merging the side documents as the edits left them in memory. */
  readonly automerge: AutomergeMerge;
  /** Automerge merging the side documents after `A.save` and `A.load`, as files would carry them. */
  readonly automergeSaved: AutomergeMerge | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

/** Writes a snapshot as a `.steerwise` file and reads it back, as an exported file arrives on the other laptop. */
export async function exportRoundTrip(
  snapshot: PortfolioSnapshot,
  exportedAt: string,
): Promise<{ bytes: Uint8Array; snapshot: PortfolioSnapshot }> {
  const bytes = await writePortfolioFile(snapshot, { appVersion: '0.0.0-bench', exportedAt });
  const read = await readPortfolioFile(bytes, 'bench.steerwise');
  if (!read.ok) throw new Error(`The bench's own export does not read back: ${JSON.stringify(read.error)}`);
  return { bytes, snapshot: read.value.snapshot };
}

function countRecords(snapshot: PortfolioSnapshot): Record<string, number> {
  return Object.fromEntries(recordTables.map((table) => [table, snapshot.records[table].length]));
}

/** Times `mergeSnapshots(local, remote)`: `runs.warmups` runs outside the median, then `runs.repeats` runs (at least one). */
export function timeOurMerge(local: PortfolioSnapshot, remote: PortfolioSnapshot, runs: MergeRuns, now: number): OursMerge {
  const warmupsMs: number[] = [];
  for (let run = 0; run < runs.warmups; run += 1) warmupsMs.push(timed(() => mergeSnapshots(local, remote, { now })).ms);
  const first = timed(() => mergeSnapshots(local, remote, { now }));
  const result = first.value;
  const runsMs = [first.ms];
  for (let run = 1; run < runs.repeats; run += 1) runsMs.push(timed(() => mergeSnapshots(local, remote, { now })).ms);
  return {
    timing: { warmupsMs, runsMs, medianMs: median(runsMs) },
    conflicts: result.preview.conflicts.length,
    deletedEdits: result.preview.deletedEdits.length,
    mergedRecords: countRecords(result.snapshot),
  };
}

/**
 * Returns a function that runs a full garbage collection: `global.gc` when Node runs with
 * `--expose-gc`, else the one that setting the flag at run time makes available to new contexts.
 */
function garbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Measures the peak heap of one `mergeSnapshots` call, from a collected starting point. */
export function measureOurMergeHeap(local: PortfolioSnapshot, remote: PortfolioSnapshot, now: number): NodeHeapPeak {
  garbageCollector()();
  const beforeBytes = getHeapStatistics().used_heap_size;
  const profiler = new GCProfiler();
  profiler.start();
  mergeSnapshots(local, remote, { now });
  const atEnd = getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop();
  const peakBytes = Math.max(atEnd, ...statistics.map((entry) => entry.beforeGC.heapStatistics.usedHeapSize));
  return { beforeBytes, peakBytes, collections: statistics.length };
}

/**
 * Times Automerge's merge of the two sides like `timeOurMerge`, building fresh side documents from
 * `base` before each run, because `A.merge` leaves its arguments unusable. The saved variant runs
 * once, without warm-ups.
 */
function timeAutomerge(input: MergeComparisonInput, base: BuiltBase, saved: boolean): AutomergeMerge {
  const { diverged, devices } = input;
  const warmups = saved ? 0 : input.runs.warmups;
  const repeats = saved ? 1 : input.runs.repeats;
  try {
    const durations: number[] = [];
    let mergedRecords: Record<string, number> = {};
    for (let run = 0; run < warmups + repeats; run += 1) {
      let local = applyAutomergeEdits(base.doc, devices.office, diverged.localEdits);
      let remote = applyAutomergeEdits(base.doc, devices.manager, diverged.remoteEdits);
      if (saved) {
        const [inMemoryLocal, inMemoryRemote] = [local, remote];
        local = roundTrip(inMemoryLocal, devices.office);
        remote = roundTrip(inMemoryRemote, devices.manager);
        freeDoc(inMemoryLocal);
        freeDoc(inMemoryRemote);
      }
      const { value: merged, ms } = timed(() => mergeDocs(local, remote));
      durations.push(ms);
      mergedRecords = countDocRecords(merged);
      freeDoc(merged);
      freeDoc(remote);
    }
    const runsMs = durations.slice(warmups);
    return {
      ok: true,
      timing: { warmupsMs: durations.slice(0, warmups), runsMs, medianMs: median(runsMs) },
      buildBaseMs: base.ms,
      mergedRecords,
    };
  } catch (error) {
    return failedMerge(error);
  }
}

function failedMerge(error: unknown): AutomergeMerge {
  return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** The base document and the time `A.from` took to build it, in ms. */
interface BuiltBase {
  readonly doc: Doc<PortfolioDoc>;
  readonly ms: number;
}

/** Builds the base document, or returns the error, such as running out of WebAssembly memory. */
function buildBase(input: MergeComparisonInput): BuiltBase | AutomergeMerge {
  try {
    const { value, ms } = timed(() => automergeDocOf(input.diverged.base, input.devices.office));
    return { doc: value, ms };
  } catch (error) {
    return failedMerge(error);
  }
}

/** The merges that the bench times in Node. */
export interface NodeMerges {
  /** Our merge of the full-size exports: `comparison.ours` when the comparison runs at full size. */
  readonly full: OursMerge;
  /** Heap of one more run of that merge. */
  readonly fullHeap: NodeHeapPeak;
  readonly comparison: MergeComparison;
}

/**
 * Times our merge of the two exports (written and read back here unless `input.exports` has
 * them) and Automerge's merge of the same edits. `now` is the merging laptop's wall time in ms,
 * which only feeds the clock skew report.
 */
export async function compareMerges(input: MergeComparisonInput, now: number): Promise<MergeComparison> {
  const exportedAt = new Date(now).toISOString();
  const local = input.exports?.local ?? (await exportRoundTrip(input.diverged.local, exportedAt)).snapshot;
  const remote = input.exports?.remote ?? (await exportRoundTrip(input.diverged.remote, exportedAt)).snapshot;
  const ours = timeOurMerge(local, remote, input.runs, now);
  const base = buildBase(input);
  let automerge: AutomergeMerge;
  let automergeSaved: AutomergeMerge | null = null;
  if ('doc' in base) {
    automerge = timeAutomerge(input, base, false);
    if (input.savedVariant) automergeSaved = timeAutomerge(input, base, true);
    freeDoc(base.doc);
  } else {
    automerge = base;
    if (input.savedVariant) automergeSaved = base;
  }
  return {
    localEdits: countEdits(input.diverged.localEdits),
    remoteEdits: countEdits(input.diverged.remoteEdits),
    ours,
    automerge,
    automergeSaved,
  };
}
