/** Command-line options of the Gantt bench, which `bench/run.ts` passes through. */
import { defaultGanttTasks, isValidTaskCount, taskCountRequirement } from './workload';

export interface GanttBenchOptions {
  /** Tasks in the plan: a multiple of 20, with 1.2 dependencies per task. */
  readonly tasks: number;
  readonly keepProfile: boolean;
}

/** Reads `--gantt-tasks`: 5,000 when absent. Throws a `RangeError` that names the option for an invalid value. */
export function parseGanttTasks(text: string | undefined): number {
  if (text === undefined) return defaultGanttTasks;
  const tasks = Number(text);
  if (!isValidTaskCount(tasks)) throw new RangeError(`Invalid --gantt-tasks value ${JSON.stringify(text)}: ${taskCountRequirement}.`);
  return tasks;
}
