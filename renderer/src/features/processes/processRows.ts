/** Pure views of the process inventory: filtering, grouping by function and the readiness board's columns. */
import { processReadinessStages } from '@shared/domain/providerProfile';
import type { Process, ProcessFunction, ProcessReadiness } from '@shared/domain/providerProfile';
import { processFunctions } from '@shared/forms/process';

export interface ProcessFilter {
  /** Id of the provider to show, `'none'` for processes without one, or `null` for all. */
  readonly providerId: string | null;
  readonly function: ProcessFunction | null;
}

export const noProcessFilter: ProcessFilter = { providerId: null, function: null };

/** Keeps the processes that pass `filter`, sorted by name (in `locale`) and then id. */
export function filterProcesses(processes: readonly Process[], filter: ProcessFilter, locale: string): Process[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return processes
    .filter((process) => {
      if (filter.function !== null && process.function !== filter.function) return false;
      if (filter.providerId === 'none') return process.providerId === null;
      return filter.providerId === null || process.providerId === filter.providerId;
    })
    .sort((a, b) => collator.compare(a.name, b.name) || compareIds(a.id, b.id));
}

/** Orders two ids by code unit, so that processes with the same name keep a stable order. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export interface FunctionGroup {
  readonly function: ProcessFunction;
  readonly processes: readonly Process[];
}

/** Groups sorted processes by function, in the order of `processFunctions`, leaving out empty functions. */
export function groupByFunction(processes: readonly Process[]): FunctionGroup[] {
  return processFunctions
    .map((name) => ({ function: name, processes: processes.filter((process) => process.function === name) }))
    .filter((group) => group.processes.length > 0);
}

export interface BoardColumn {
  readonly stage: ProcessReadiness;
  readonly processes: readonly Process[];
}

/** Builds one column per readiness stage, in stage order, each with its processes. Empty columns stay. */
export function boardColumns(processes: readonly Process[]): BoardColumn[] {
  return processReadinessStages.map((stage) => ({ stage, processes: processes.filter((process) => process.readiness === stage) }));
}

/** Returns the stage `step` places after `stage` (before it when negative), or `null` past either end. */
export function neighbourStage(stage: ProcessReadiness, step: 1 | -1): ProcessReadiness | null {
  const index = processReadinessStages.indexOf(stage) + step;
  return processReadinessStages[index] ?? null;
}
