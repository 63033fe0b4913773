import type { DependencyType, DurationUnit } from '../../../../shared/domain/plan';
import type { CalendarInput, DependencyInput, ScheduleInput, TaskInput } from '../../../../shared/schedule/model';

export const mondayToFriday: CalendarInput = { id: 'cal-weekdays', workingWeekdays: [1, 2, 3, 4, 5], holidays: [] };

export function makeTask(id: string, duration: number, overrides: Partial<Omit<TaskInput, 'id'>> = {}): TaskInput {
  return {
    id,
    parentId: null,
    order: 0,
    name: `Task ${id}`,
    duration,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 0,
    calendarId: null,
    ...overrides,
  };
}

export function makeLink(
  predecessorId: string,
  successorId: string,
  type: DependencyType = 'FS',
  lag = 0,
  lagUnit: DurationUnit = 'workingDays',
): DependencyInput {
  return { id: `${predecessorId}-${type}-${successorId}`, predecessorId, successorId, type, lag, lagUnit };
}

export function makeInput(
  tasks: readonly TaskInput[],
  dependencies: readonly DependencyInput[] = [],
  options: { startOn?: string; calendars?: readonly CalendarInput[] } = {},
): ScheduleInput {
  const calendars = options.calendars ?? [mondayToFriday];
  return {
    plan: { startOn: options.startOn ?? '2021-02-01', calendarId: calendars[0]?.id ?? 'none' },
    tasks,
    dependencies,
    calendars,
  };
}
