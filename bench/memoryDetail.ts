/**
 * `npm run bench -- --memory-detail`: after every step of the bench page, the heap the step
 * leaves in use and the call stacks that allocated the most during the step. The page waits
 * for the runner at each step's end (`BenchRunnerApi.benchStepEnded`), so the readings are
 * taken while no page code runs.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CDPSession } from '@playwright/test';
import { startAllocationSampling, stopAllocationSampling, type AllocationSite } from './allocationProfile';
import type { StepName } from './benchTypes';
import { bytesPerMb } from './figures';
import { readUsedHeap } from './heapSampler';
import { fixed, stepLabels } from './report';

/** Wait before the settled heap reading, in ms: Dexie and IndexedDB free some objects of a transaction only in a later task. */
const settleMs = 1000;
/** Allocation sites listed for each step. */
const sitesPerStep = 8;

export interface StepMemory {
  readonly step: StepName;
  /** Used JavaScript heap after a full garbage collection as soon as the step ended, in MB. */
  readonly atEndMb: number;
  /** The same `settleMs` ms later. */
  readonly settledMb: number;
  readonly settleMs: number;
  /** Call stacks that allocated the most during the step, objects already collected included. */
  readonly allocations: readonly AllocationSite[];
}

async function collectedHeapMb(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  return (await readUsedHeap(session)) / bytesPerMb;
}

export class StepMemoryRecorder {
  readonly steps: StepMemory[] = [];

  constructor(private readonly session: CDPSession) {}

  /** Reads the collected baseline heap in MB and starts the allocation profile of the first step. */
  async start(): Promise<number> {
    const baselineMb = await collectedHeapMb(this.session);
    await startAllocationSampling(this.session);
    return baselineMb;
  }

  /** Records the step that just ended and starts the allocation profile of the next one. */
  async stepEnded(step: StepName): Promise<void> {
    const allocations = await stopAllocationSampling(this.session, sitesPerStep);
    const atEndMb = await collectedHeapMb(this.session);
    await delay(settleMs);
    const settledMb = await collectedHeapMb(this.session);
    this.steps.push({ step, atEndMb, settledMb, settleMs, allocations });
    await startAllocationSampling(this.session);
  }

  /** Stops the profile started after the last step. */
  async finish(): Promise<void> {
    await stopAllocationSampling(this.session, 0);
  }
}

/** Formats the heap left after each step and each step's top allocation sites as plain text. */
export function formatMemoryDetail(baselineMb: number, steps: readonly StepMemory[]): string {
  const lines = [
    `JS heap in use after a full garbage collection, MB (baseline ${fixed(baselineMb, 1)}; settled is ${fixed(settleMs, 0)} ms later)`,
    `  ${'after'.padEnd(36)} ${'at end'.padStart(8)} ${'settled'.padStart(8)}  change`,
  ];
  let previousMb = baselineMb;
  for (const { step, atEndMb, settledMb } of steps) {
    const change = settledMb - previousMb;
    const columns = [fixed(atEndMb, 1).padStart(8), fixed(settledMb, 1).padStart(8)];
    lines.push(`  ${stepLabels[step].padEnd(36)} ${columns.join(' ')}  ${change >= 0 ? '+' : ''}${fixed(change, 1)}`);
    previousMb = settledMb;
  }

  for (const { step, allocations } of steps) {
    lines.push('', `allocated during ${stepLabels[step]}, MB (sampled), by call stack from the innermost frame`);
    for (const site of allocations) {
      lines.push(`  ${fixed(site.mb, 1).padStart(7)}  ${site.stack.join(' < ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
