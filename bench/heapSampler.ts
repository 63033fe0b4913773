/**
 * Samples the renderer's used JavaScript heap from Node through the Chrome DevTools Protocol
 * (`Performance.getMetrics`, metric `JSHeapUsedSize`, in bytes).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CDPSession } from '@playwright/test';

export interface HeapSample {
  /** When the reading arrived, in ms since the Unix epoch. */
  readonly at: number;
  readonly usedBytes: number;
}

export interface HeapSampler {
  /** Stops sampling and returns the samples in time order, or rejects with the first failed reading. */
  stop(): Promise<HeapSample[]>;
}

/** Reads the used JavaScript heap of the page in bytes. Send `Performance.enable` first. */
export async function readUsedHeap(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
  if (used === undefined) throw new Error('Performance.getMetrics returned no JSHeapUsedSize metric');
  return used.value;
}

/**
 * Reads the heap every `intervalMs` ms until stopped. A reading waits for the renderer, so
 * while the page runs one long task the gap between samples grows past `intervalMs`.
 */
export function startHeapSampler(session: CDPSession, intervalMs: number): HeapSampler {
  const samples: HeapSample[] = [];
  // An object, so that the loop sees the `false` that `stop` writes.
  const state = { running: true };
  let failure: Error | null = null;

  const loop = (async () => {
    while (state.running) {
      const requested = Date.now();
      const usedBytes = await readUsedHeap(session);
      samples.push({ at: Date.now(), usedBytes });
      const wait = intervalMs - (Date.now() - requested);
      if (wait > 0) await delay(wait);
    }
  })().catch((error: unknown) => {
    failure = error instanceof Error ? error : new Error('Reading the JavaScript heap over CDP failed', { cause: error });
  });

  return {
    async stop() {
      state.running = false;
      await loop;
      if (failure !== null) throw failure;
      return samples;
    },
  };
}
