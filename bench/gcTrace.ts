/**
 * The renderer's JavaScript heap just before each garbage collection, from a Chromium trace.
 * The used heap grows between collections, so the maximum before a collection is the peak up to
 * the last collection. That includes moments when the page does not answer the sampler's CDP
 * requests, such as a long synchronous loop of IndexedDB puts.
 */
import type { StepName } from './benchTypes';

/** Trace categories with the `MinorGC` and `MajorGC` events and the page's `performance.mark` calls. */
export const gcTraceCategories = ['devtools.timeline', 'blink.user_timing'];

/** Prefix of the marks the bench page sets at the start and end of each step: `bench:<step>:start`. */
const markPrefix = 'bench:';

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  /** Trace clock, in microseconds. */
  readonly ts: number;
  readonly args?: { readonly usedHeapSizeBefore?: number };
}

/** One garbage collection of the page's main heap. */
export interface TracedCollection<S extends string = StepName> {
  /** Step during which the collection started, or `null` when it started between steps. */
  readonly step: S | null;
  /** Used JavaScript heap just before the collection, in bytes. */
  readonly usedBytesBefore: number;
}

interface StepWindow<S extends string> {
  readonly step: S;
  start: number;
  end: number;
}

/** Finds each step's start and end on the trace clock from the page's marks. */
function stepWindows<S extends string>(events: readonly TraceEvent[]): StepWindow<S>[] {
  const windows = new Map<string, StepWindow<S>>();
  for (const event of events) {
    if (!event.cat.includes('blink.user_timing') || !event.name.startsWith(markPrefix)) continue;
    const [step, edge] = event.name.slice(markPrefix.length).split(':');
    if (step === undefined || (edge !== 'start' && edge !== 'end')) continue;
    const window = windows.get(step) ?? { step: step as S, start: Number.NaN, end: Number.NaN };
    window[edge] = event.ts;
    windows.set(step, window);
  }
  return [...windows.values()];
}

/**
 * Lists the collections in the JSON trace that `browser.stopTracing` returns, in trace order.
 * `S` is the page's step names, which the runner trusts the marks to contain.
 */
export function tracedCollections<S extends string = StepName>(trace: Buffer): TracedCollection<S>[] {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const windows = stepWindows<S>(traceEvents);
  const collections: TracedCollection<S>[] = [];
  for (const event of traceEvents) {
    const usedBytesBefore = event.args?.usedHeapSizeBefore;
    if ((event.name !== 'MinorGC' && event.name !== 'MajorGC') || usedBytesBefore === undefined) continue;
    const step = windows.find((window) => event.ts >= window.start && event.ts <= window.end)?.step ?? null;
    collections.push({ step, usedBytesBefore });
  }
  return collections;
}
