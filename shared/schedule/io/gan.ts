/**
 * Import of GanttProject `.gan` files (XML, checked against GanttProject 3.3). Tasks nest as
 * elements; a `depend` element inside a task points to its successor. Durations and lags are
 * in working days of the project's week. A task without predecessors keeps its start date as
 * a start-no-earlier-than constraint, because GanttProject schedules it at that date.
 */
import type { CalendarDate } from '../../domain/types';
import type { DependencyType } from '../../domain/plan';
import { isCalendarDate } from '../days';
import type { ImportNotes, SourceCalendar, SourceLink, SourcePlan, SourceTask } from './planBuilder';
import { ownersFromAssignments } from './resourceOwners';
import { ProjectImportFailure } from './types';
import type { XmlElement } from './xml';
import { childElement, childElements } from './xml';

/** GanttProject dependency type codes. */
const linkTypes: Readonly<Record<string, DependencyType>> = { '1': 'SS', '2': 'FS', '3': 'FF', '4': 'SF' };

const weekdayAttributes = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Years after the last task start for which a holiday without a year is repeated. */
const recurringHolidayYears = 2;

/** Reads a GanttProject document into the format-neutral plan the builder takes. */
export function readGan(root: XmlElement, fileName: string, notes: ImportNotes): SourcePlan {
  if (root.name !== 'project') {
    throw new ProjectImportFailure({ code: 'projectFile.unknownFormat', detail: { file: fileName, value: root.name } });
  }
  const tasks: SourceTask[] = [];
  const links: SourceLink[] = [];
  const starts = new Map<string, CalendarDate>();
  const counts = { costs: 0, customFields: 0 };
  const tasksElement = childElement(root, 'tasks');
  for (const task of childElements(tasksElement ?? root, 'task')) {
    readTask(task, null, { fileName, notes, tasks, links, starts, counts });
  }
  const startDates = [...starts.values()].sort();
  const startOn = startDates[0];
  if (startOn === undefined) {
    throw new ProjectImportFailure({ code: 'projectFile.noTasks', detail: { file: fileName } });
  }
  pinUnlinkedStarts(tasks, links, starts, startOn, notes);

  const resources = new Map(
    childElements(childElement(root, 'resources') ?? root, 'resource').map((resource) => [
      resource.attributes.get('id') ?? '',
      resource.attributes.get('name') ?? '',
    ]),
  );
  const allocations = childElements(childElement(root, 'allocations') ?? root, 'allocation').map((allocation) => ({
    taskKey: allocation.attributes.get('task-id') ?? '',
    resourceKey: allocation.attributes.get('resource-id') ?? '',
  }));
  const owners = ownersFromAssignments(resources, allocations, new Map(tasks.map((task) => [task.key, task.name])), notes);
  notes.droppedCount('costsDropped', counts.costs);
  notes.droppedCount('customFieldsDropped', counts.customFields);

  const lastYear = Number((startDates.at(-1) ?? startOn).slice(0, 4)) + recurringHolidayYears;
  const calendar = readCalendar(root, Number(startOn.slice(0, 4)), lastYear, notes);
  return {
    title: root.attributes.get('name') ?? '',
    description: childElement(root, 'description')?.text.trim() ?? '',
    startOn,
    calendarKey: calendar.key,
    // GanttProject files give start dates and durations, no finish dates.
    statedFinish: null,
    tasks: tasks.map((task) => ({ ...task, owner: owners.get(task.key) ?? task.owner })),
    links,
    calendars: [calendar],
  };
}

interface TaskContext {
  readonly fileName: string;
  readonly notes: ImportNotes;
  readonly tasks: SourceTask[];
  readonly links: SourceLink[];
  readonly starts: Map<string, CalendarDate>;
  readonly counts: { costs: number; customFields: number };
}

function readTask(element: XmlElement, parentKey: string | null, context: TaskContext): void {
  const key = element.attributes.get('id') ?? '';
  const name = element.attributes.get('name') ?? '';
  const start = element.attributes.get('start') ?? '';
  if (!isCalendarDate(start)) {
    throw new ProjectImportFailure({
      code: 'projectFile.invalidValue',
      detail: { file: context.fileName, line: element.line, field: 'start', value: start },
    });
  }
  const duration = Number(element.attributes.get('duration') ?? '0');
  if (!Number.isFinite(duration) || duration < 0) {
    throw new ProjectImportFailure({
      code: 'projectFile.invalidValue',
      detail: { file: context.fileName, line: element.line, field: 'duration', value: element.attributes.get('duration') ?? '' },
    });
  }

  const thirdDate = element.attributes.get('thirdDate');
  // thirdDate-constraint="1" turns the third date into an earliest start.
  const earliestStart =
    element.attributes.get('thirdDate-constraint') === '1' && thirdDate !== undefined && isCalendarDate(thirdDate) ? thirdDate : null;
  const cost = Number(element.attributes.get('cost-manual-value') ?? '0');
  context.counts.costs += Number.isFinite(cost) && cost !== 0 ? 1 : 0;
  context.counts.customFields += childElements(element, 'customproperty').length;

  context.starts.set(key, start);
  context.tasks.push({
    key,
    parentKey,
    name,
    duration,
    durationUnit: 'workingDays',
    milestone: element.attributes.get('meeting') === 'true' || duration === 0,
    progress: Number(element.attributes.get('complete') ?? '0') || 0,
    startNoEarlierThan: earliestStart,
    notes: childElement(element, 'notes')?.text.trim() ?? '',
    calendarKey: null,
    owner: '',
    statedFinish: null,
  });

  for (const depend of childElements(element, 'depend')) {
    const type = linkTypes[depend.attributes.get('type') ?? '2'];
    if (type === undefined) {
      context.notes.dropped('unsupportedLinkType', { task: name, value: depend.attributes.get('type') ?? '' });
      continue;
    }
    const lag = Number(depend.attributes.get('difference') ?? '0');
    context.links.push({
      predecessorKey: key,
      successorKey: depend.attributes.get('id') ?? '',
      type,
      lag: Number.isFinite(lag) ? lag : 0,
      lagUnit: 'workingDays',
    });
  }

  for (const child of childElements(element, 'task')) {
    readTask(child, key, context);
  }
}

/**
 * Gives each leaf task that no link reaches (on itself or on a summary task above it) its
 * GanttProject start as a start-no-earlier-than constraint, when that start is after the plan
 * start. Without it such a task would move to the plan start.
 */
function pinUnlinkedStarts(
  tasks: SourceTask[],
  links: readonly SourceLink[],
  starts: ReadonlyMap<string, CalendarDate>,
  startOn: CalendarDate,
  notes: ImportNotes,
): void {
  const parentOf = new Map(tasks.map((task) => [task.key, task.parentKey]));
  const hasChildren = new Set(tasks.map((task) => task.parentKey).filter((key): key is string => key !== null));
  const linked = new Set(links.map((link) => link.successorKey));
  tasks.forEach((task, index) => {
    if (hasChildren.has(task.key)) {
      return;
    }
    for (let key: string | null = task.key; key !== null; key = parentOf.get(key) ?? null) {
      if (linked.has(key)) {
        return;
      }
    }
    const start = starts.get(task.key) ?? startOn;
    if (start > startOn && (task.startNoEarlierThan === null || task.startNoEarlierThan < start)) {
      tasks[index] = { ...task, startNoEarlierThan: start };
      notes.changed('startPinned', { task: task.name.trim(), date: start });
    }
  });
}

function readCalendar(root: XmlElement, firstYear: number, lastYear: number, notes: ImportNotes): SourceCalendar {
  const calendars = childElement(root, 'calendars');
  const week = calendars === undefined ? undefined : childElement(childElement(calendars, 'day-types') ?? calendars, 'default-week');
  // In the default week, "1" marks a weekend day and "0" a working day.
  const workingWeekdays = weekdayAttributes.flatMap((attribute, index) =>
    (week?.attributes.get(attribute) ?? (index < 5 ? '0' : '1')) === '0' ? [index + 1] : [],
  );
  const holidays: CalendarDate[] = [];
  for (const date of childElements(calendars ?? root, 'date')) {
    const year = date.attributes.get('year') ?? '';
    const month = Number(date.attributes.get('month'));
    const day = Number(date.attributes.get('date'));
    const type = date.attributes.get('type') ?? 'HOLIDAY';
    // A holiday without a year repeats every year.
    const years = year === '' ? range(firstYear, lastYear) : [Number(year)];
    const dates = years
      .map((holidayYear) => `${String(holidayYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
      .filter(isCalendarDate);
    if (type !== 'HOLIDAY') {
      notes.dropped('calendarExceptionDropped', {
        calendar: week?.attributes.get('name') ?? 'default',
        from: dates[0] ?? '',
        to: dates.at(-1) ?? '',
        type,
      });
      continue;
    }
    holidays.push(...dates);
  }
  return { key: 'gan-default', name: week?.attributes.get('name') ?? 'default', workingWeekdays, holidays, site: '' };
}

function range(first: number, last: number): number[] {
  const values: number[] = [];
  for (let value = first; value <= last; value += 1) {
    values.push(value);
  }
  return values;
}
