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
  /** Stops sampling and returns the samples in time order; rejects with the first failed reading. */
  stop(): Promise<HeapSample[]>;
}

/** Reads the used JavaScript heap of the page; `Performance.enable` must have been sent. */
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
  let running = true;
  let failure: unknown = null;

  const loop = (async () => {
    while (running) {
      const requested = Date.now();
      const usedBytes = await readUsedHeap(session);
      samples.push({ at: Date.now(), usedBytes });
      const wait = intervalMs - (Date.now() - requested);
      if (wait > 0) await delay(wait);
    }
  })().catch((error: unknown) => {
    failure = error;
  });

  return {
    async stop() {
      running = false;
      await loop;
      if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
      return samples;
    },
  };
}
