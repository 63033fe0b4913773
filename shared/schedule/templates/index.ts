/**
 * Built-in transition plan templates, their English translation resource, and the copy of a
 * template into a plan's tasks and dependencies. See `types.ts` for the translation key scheme.
 */
import type { DependencyData, TaskData } from '../../domain/plan';
import type { Id } from '../../domain/types';
import type { WithId } from '../model';
import { bpoTransitionTemplate } from './bpoTransition';
import type { PlanTemplate, TemplatePhase } from './types';

export const builtInPlanTemplates: readonly PlanTemplate[] = [bpoTransitionTemplate];

/** Top-level key of the template texts in the translation resources. */
export const planTemplateNamespace = 'planTemplates';

/** Nested translation resource in i18next's JSON form. */
export interface PlanMessageTree {
  readonly [key: string]: string | PlanMessageTree;
}

/** Translation key of one text, from a phase's or task's template key, for example `planTemplates.bpoTransition.pilot.pilotRun.name`. */
export function planTemplateTextKey(templateKey: string, field: 'name' | 'processName' | 'notes' | 'title' | 'description'): string {
  return `${planTemplateNamespace}.${templateKey}.${field}`;
}

/** Builds the English resource for `templates` under `planTemplateNamespace`, to register with i18next. */
export function planTemplateMessages(templates: readonly PlanTemplate[] = builtInPlanTemplates): PlanMessageTree {
  const tree: Record<string, PlanMessageTree> = {};
  for (const template of templates) {
    const node: Record<string, string | PlanMessageTree> = { title: template.title, description: template.description };
    for (const phase of [...template.phases, template.wave]) {
      node[phase.key] = phaseMessages(phase);
    }
    tree[template.key] = node;
  }
  return { [planTemplateNamespace]: tree };
}

function phaseMessages(phase: TemplatePhase): PlanMessageTree {
  const node: Record<string, string | PlanMessageTree> = { name: phase.name };
  if (phase.processName !== undefined) node['processName'] = phase.processName;
  for (const task of phase.tasks) {
    node[task.key] = { name: task.name, notes: task.notes };
  }
  return node;
}

export interface PlanInstantiateOptions {
  readonly planId: Id;
  /** Returns a new record id (a UUIDv7 in the app). */
  readonly newId: () => Id;
  /**
   * Processes that move to the provider, in order, for example `['Accounts payable', 'Payroll']`;
   * may be empty. The first takes the template's main path (its phases with a `processName` are
   * named after it) and each further one gets a wave after it.
   */
  readonly processes: readonly string[];
  /**
   * Starts the plan after an earlier phase that already happened, such as the provider selection
   * that an RFP award ends. That phase and every phase before it are left out together with the
   * links to their tasks, and the plan begins with a completed milestone.
   */
  readonly startAfter?: PlanStartAfter;
  /** Returns the text of `key` in the user's language, still with `{{process}}` in it; the default keeps the English. */
  readonly translate?: (key: string, english: string) => string;
}

export interface PlanStartAfter {
  /** Key of the last phase left out, for example `selection`. */
  readonly phase: string;
  /** Name of the completed milestone that starts the plan, for example `Provider awarded: Payroll RFP`. */
  readonly milestoneName: string;
}

export interface InstantiatedPlan {
  readonly tasks: readonly WithId<TaskData>[];
  readonly dependencies: readonly WithId<DependencyData>[];
}

/**
 * Copies a template into new task and dependency data for a plan: one summary task per phase,
 * then one per process wave. Tasks keep their `templateKey`, start unconstrained on the plan's
 * calendar, and may be edited freely afterwards. Throws an `Error` when a template link names a
 * task the template does not have, which is a defect in the template, or when `startAfter` names
 * a phase the template does not have.
 */
export function instantiatePlanTemplate(template: PlanTemplate, options: PlanInstantiateOptions): InstantiatedPlan {
  const translate = options.translate ?? ((_key: string, english: string) => english);
  const tasks: WithId<TaskData>[] = [];
  const dependencies: WithId<DependencyData>[] = [];
  const phaseTaskIds = new Map<string, Id>();
  const { phases, leftOut } = keptPhases(template, options.startAfter);
  const [mainProcess = null, ...waveProcesses] = options.processes;

  // The completed milestone takes the place of the left-out phases: tasks whose every template
  // predecessor was left out start after it instead.
  let startMilestoneId: Id | null = null;
  if (options.startAfter !== undefined) {
    startMilestoneId = options.newId();
    tasks.push({
      ...blankTask(
        options.planId,
        startMilestoneId,
        null,
        1,
        options.startAfter.milestoneName,
        `${template.key}.${options.startAfter.phase}.done`,
      ),
      progress: 100,
    });
  }
  const firstOrder = startMilestoneId === null ? 1 : 2;

  const addTasks = (phase: TemplatePhase, order: number, process: string | null, named: boolean): Map<string, Id> => {
    const fill = (text: string): string => (process === null ? text : text.replaceAll('{{process}}', process));
    const phaseKey = `${template.key}.${phase.key}`;
    const summaryId = options.newId();
    const phaseName =
      named && process !== null && phase.processName !== undefined
        ? translate(planTemplateTextKey(phaseKey, 'processName'), phase.processName)
        : translate(planTemplateTextKey(phaseKey, 'name'), phase.name);
    tasks.push(blankTask(options.planId, summaryId, null, order, fill(phaseName), phaseKey));
    const ids = new Map<string, Id>();
    phase.tasks.forEach((entry, index) => {
      const taskKey = `${phaseKey}.${entry.key}`;
      const id = options.newId();
      ids.set(entry.key, id);
      tasks.push({
        ...blankTask(options.planId, id, summaryId, index + 1, fill(translate(planTemplateTextKey(taskKey, 'name'), entry.name)), taskKey),
        duration: entry.duration,
        durationUnit: entry.durationUnit,
        goNoGo: entry.goNoGo,
        notes: entry.notes === '' ? '' : fill(translate(planTemplateTextKey(taskKey, 'notes'), entry.notes)),
      });
    });
    return ids;
  };

  phases.forEach((phase, index) => {
    for (const [key, id] of addTasks(phase, firstOrder + index, mainProcess, true)) {
      phaseTaskIds.set(`${phase.key}.${key}`, id);
    }
  });
  const waveIds = waveProcesses.map((process, index) => addTasks(template.wave, firstOrder + phases.length + index, process, false));

  const resolve = (reference: string, wave: number | null): Id | null => {
    const [scope = '', key = ''] = reference.split('.');
    if (leftOut.has(scope)) return null;
    let id: Id | undefined;
    if (scope === 'wave' && wave !== null) {
      id = waveIds[wave]?.get(key);
    } else if (scope === 'previousWave' && wave !== null) {
      id = wave === 0 ? phaseTaskIds.get(template.firstWaveAfter) : waveIds[wave - 1]?.get(key);
    } else {
      id = phaseTaskIds.get(reference);
    }
    if (id === undefined) {
      throw new Error(`Template ${template.key} links to ${reference}, which it does not contain`);
    }
    return id;
  };
  const addLinks = (phase: TemplatePhase, ids: ReadonlyMap<string, Id>, wave: number | null): void => {
    for (const entry of phase.tasks) {
      const successorId = ids.get(entry.key) ?? '';
      let kept = 0;
      for (const link of entry.dependsOn) {
        const predecessorId = resolve(link.from, wave);
        if (predecessorId === null) continue;
        const { type, lag, lagUnit } = link;
        dependencies.push({ id: options.newId(), planId: options.planId, predecessorId, successorId, type, lag, lagUnit });
        kept += 1;
      }
      if (kept === 0 && entry.dependsOn.length > 0 && startMilestoneId !== null) {
        dependencies.push({
          id: options.newId(),
          planId: options.planId,
          predecessorId: startMilestoneId,
          successorId,
          type: 'FS',
          lag: 0,
          lagUnit: 'workingDays',
        });
      }
    }
  };
  for (const phase of phases) {
    const ids = new Map(phase.tasks.map((entry) => [entry.key, phaseTaskIds.get(`${phase.key}.${entry.key}`) ?? '']));
    addLinks(phase, ids, null);
  }
  waveIds.forEach((ids, wave) => {
    addLinks(template.wave, ids, wave);
  });
  return { tasks, dependencies };
}

/** Splits the template's phases into those the plan keeps and the keys of those `startAfter` leaves out. */
function keptPhases(
  template: PlanTemplate,
  startAfter: PlanStartAfter | undefined,
): { readonly phases: readonly TemplatePhase[]; readonly leftOut: ReadonlySet<string> } {
  if (startAfter === undefined) return { phases: template.phases, leftOut: new Set() };
  const last = template.phases.findIndex((phase) => phase.key === startAfter.phase);
  if (last < 0) throw new Error(`Template ${template.key} has no phase ${startAfter.phase} to start after`);
  return {
    phases: template.phases.slice(last + 1),
    leftOut: new Set(template.phases.slice(0, last + 1).map((phase) => phase.key)),
  };
}

function blankTask(planId: Id, id: Id, parentId: Id | null, order: number, name: string, templateKey: string): WithId<TaskData> {
  return {
    id,
    planId,
    parentId,
    order,
    name,
    duration: 0,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 0,
    owner: '',
    notes: '',
    calendarId: null,
    goNoGo: false,
    templateKey,
  };
}
