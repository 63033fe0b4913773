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
export function planTemplateTextKey(templateKey: string, field: 'name' | 'notes' | 'title' | 'description'): string {
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
  for (const task of phase.tasks) {
    node[task.key] = { name: task.name, notes: task.notes };
  }
  return node;
}

export interface PlanInstantiateOptions {
  readonly planId: Id;
  /** Returns a new record id (a UUIDv7 in the app). */
  readonly newId: () => Id;
  /** Processes that get a wave each, in wave order, for example `['Accounts payable', 'Payroll']`; may be empty. */
  readonly processes: readonly string[];
  /** Returns the text of `key` in the user's language, still with `{{process}}` in it; the default keeps the English. */
  readonly translate?: (key: string, english: string) => string;
}

export interface InstantiatedPlan {
  readonly tasks: readonly WithId<TaskData>[];
  readonly dependencies: readonly WithId<DependencyData>[];
}

/**
 * Copies a template into new task and dependency data for a plan: one summary task per phase,
 * then one per process wave. Tasks keep their `templateKey`, start unconstrained on the plan's
 * calendar, and may be edited freely afterwards. Throws an `Error` when a template link names a
 * task the template does not have, which is a defect in the template.
 */
export function instantiatePlanTemplate(template: PlanTemplate, options: PlanInstantiateOptions): InstantiatedPlan {
  const translate = options.translate ?? ((_key: string, english: string) => english);
  const tasks: WithId<TaskData>[] = [];
  const dependencies: WithId<DependencyData>[] = [];
  const phaseTaskIds = new Map<string, Id>();

  const addTasks = (phase: TemplatePhase, order: number, process: string | null): Map<string, Id> => {
    const fill = (text: string): string => (process === null ? text : text.replaceAll('{{process}}', process));
    const phaseKey = `${template.key}.${phase.key}`;
    const summaryId = options.newId();
    tasks.push(
      blankTask(options.planId, summaryId, null, order, fill(translate(planTemplateTextKey(phaseKey, 'name'), phase.name)), phaseKey),
    );
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

  template.phases.forEach((phase, index) => {
    for (const [key, id] of addTasks(phase, index + 1, null)) {
      phaseTaskIds.set(`${phase.key}.${key}`, id);
    }
  });
  const waveIds = options.processes.map((process, index) => addTasks(template.wave, template.phases.length + index + 1, process));

  const resolve = (reference: string, wave: number | null): Id => {
    const [scope = '', key = ''] = reference.split('.');
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
      for (const link of entry.dependsOn) {
        const { type, lag, lagUnit } = link;
        dependencies.push({
          id: options.newId(),
          planId: options.planId,
          predecessorId: resolve(link.from, wave),
          successorId,
          type,
          lag,
          lagUnit,
        });
      }
    }
  };
  for (const phase of template.phases) {
    const ids = new Map(phase.tasks.map((entry) => [entry.key, phaseTaskIds.get(`${phase.key}.${entry.key}`) ?? '']));
    addLinks(phase, ids, null);
  }
  waveIds.forEach((ids, wave) => {
    addLinks(template.wave, ids, wave);
  });
  return { tasks, dependencies };
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
