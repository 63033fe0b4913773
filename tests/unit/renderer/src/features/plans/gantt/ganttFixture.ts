/**
 * Small plans for the Gantt view tests, on a Monday-to-Friday calendar starting Monday
 * 2021-02-01. Ids are readable names, so failures show which task is involved.
 */
import type { CalendarData, DependencyType, DurationUnit, PlanData } from '../../../../../../../shared/domain/plan';
import type { PlanDependency, PlanState, PlanTask } from '../../../../../../../shared/schedule/commands';
import type { WithId } from '../../../../../../../shared/schedule/model';
import { buildGanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import type { GanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import type { GridText } from '../../../../../../../renderer/src/features/plans/gantt/gridCells';

export const weekdays: WithId<CalendarData> = {
  id: 'cal-weekdays',
  name: 'Head office',
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  site: '',
};

/** A delivery site working Sunday to Thursday, with Friday and Saturday as its weekend. */
export const sundayToThursday: WithId<CalendarData> = {
  id: 'cal-riyadh',
  name: 'Riyadh site',
  workingWeekdays: [1, 2, 3, 4, 7],
  holidays: [],
  site: 'Riyadh',
};

export const plan: WithId<PlanData> = {
  id: 'plan-1',
  providerId: null,
  contractId: null,
  title: 'Payroll transition',
  description: '',
  startOn: '2021-02-01',
  calendarId: weekdays.id,
  templateKey: null,
};

export function task(id: string, duration: number, overrides: Partial<Omit<PlanTask, 'id'>> = {}): PlanTask {
  return {
    id,
    planId: plan.id,
    parentId: null,
    order: 0,
    name: `Task ${id}`,
    duration,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 0,
    owner: '',
    notes: '',
    calendarId: null,
    goNoGo: false,
    templateKey: null,
    ...overrides,
  };
}

export function link(
  predecessorId: string,
  successorId: string,
  type: DependencyType = 'FS',
  lag = 0,
  lagUnit: DurationUnit = 'workingDays',
): PlanDependency {
  return { id: `${predecessorId}-${type}-${successorId}`, planId: plan.id, predecessorId, successorId, type, lag, lagUnit };
}

export function model(tasks: readonly PlanTask[], dependencies: readonly PlanDependency[] = [], calendars = [weekdays]): GanttModel {
  const state: PlanState = { tasks, dependencies };
  return buildGanttModel(plan, state, calendars);
}

/**
 * Builds a phase (summary `P`) with A (5 wd) → B (3 wd) → M (milestone). C (2 wd) runs beside B, so it
 * has float. D (4 wd) follows M at the top level.
 */
export function phasedModel(): GanttModel {
  return model(
    [
      task('P', 0, { name: 'Phase', order: 1 }),
      task('A', 5, { name: 'Analysis', parentId: 'P', order: 1 }),
      task('B', 3, { name: 'Build', parentId: 'P', order: 2 }),
      task('C', 2, { name: 'Checks', parentId: 'P', order: 3 }),
      task('M', 0, { name: 'Gate', parentId: 'P', order: 4 }),
      task('D', 4, { name: 'Deploy', order: 2 }),
    ],
    [link('A', 'B'), link('A', 'C'), link('B', 'M'), link('C', 'M'), link('M', 'D')],
  );
}

export const gridText: GridText = {
  date: (date) => date,
  duration: (value, unit) => `${value} ${unit === 'workingDays' ? 'wd' : 'cd'}`,
  unitWords: { workingDays: ['wd', 'd', 'working days'], calendarDays: ['cd', 'calendar days'] },
  linkTypes: { FS: 'FS', SS: 'SS', FF: 'FF', SF: 'SF' },
  linkTypeNames: { FS: 'finish-to-start', SS: 'start-to-start', FF: 'finish-to-finish', SF: 'start-to-finish' },
  percent: (value) => `${Math.round(value)}%`,
  addedAfterBaseline: 'new',
  criticalFloat: (float) => `${float} (critical)`,
  planCalendar: 'Plan calendar',
  inheritedCalendar: (name) => `${name}, inherited`,
  missingCalendar: 'Missing calendar',
};
