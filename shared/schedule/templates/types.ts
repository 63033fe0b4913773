/**
 * Transition plan templates: phases of tasks with durations, typical duration ranges and
 * dependencies, plus a wave of tasks repeated for each process that moves to the provider.
 *
 * Every user-facing text has a stable translation key derived from the template's structure,
 * and the English text sits next to it in the data:
 *   `planTemplates.<template>.title` and `.description`,
 *   `planTemplates.<template>.<phase>.name`, `.<phase>.processName`, `.<phase>.<task>.name` and `.notes`,
 *   `planTemplates.<template>.wave.name`, `.wave.<task>.name` and `.notes`.
 * Wave texts and `processName` may contain `{{process}}`, which is filled with the process name.
 */
import type { DependencyType, DurationUnit } from '../../domain/plan';

/**
 * Predecessor of a template task: `phase.task` for a task in a phase, `wave.task` for a task of
 * the same wave, and `previousWave.task` for a task of the wave before, which the first wave
 * replaces by `firstWaveAfter` of the template.
 */
export interface TemplateLink {
  readonly from: string;
  readonly type: DependencyType;
  readonly lag: number;
  readonly lagUnit: DurationUnit;
}

export interface TemplateTask {
  /** Key unique within its phase or wave, a single camelCase word (no dots), for example `pilotRun`. */
  readonly key: string;
  readonly name: string;
  /** Guidance for the task owner; empty when none. */
  readonly notes: string;
  /** Suggested duration in `durationUnit`; 0 for a milestone. */
  readonly duration: number;
  readonly durationUnit: DurationUnit;
  /** Usual shortest and longest duration in `durationUnit`, for guidance; equal to `duration` when it rarely varies. */
  readonly durationRange: readonly [number, number];
  /** Marks a go/no-go decision of the steering committee. */
  readonly goNoGo: boolean;
  readonly dependsOn: readonly TemplateLink[];
}

export interface TemplatePhase {
  /** Key unique within the template, a single camelCase word, for example `pilot`. */
  readonly key: string;
  readonly name: string;
  /**
   * Name used instead of `name` when the plan's first process takes the main path, with
   * `{{process}}` for that process, for example `Pilot of {{process}}`. Phases without one keep
   * `name` because they serve every process.
   */
  readonly processName?: string;
  readonly tasks: readonly TemplateTask[];
}

export interface PlanTemplate {
  /** Key of the template, a single camelCase word, for example `bpoTransition`. */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly phases: readonly TemplatePhase[];
  /** Tasks repeated once for each process, in a summary task named after the process. */
  readonly wave: TemplatePhase;
  /** Task (`phase.task`) after which the first wave's `previousWave.…` links start. */
  readonly firstWaveAfter: string;
}
