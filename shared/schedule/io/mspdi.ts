/**
 * Import of Microsoft Project XML (MSPDI), the XML format MS Project 2002 and later save and
 * most scheduling tools read. Durations are ISO 8601 (`PT16H0M0S`) in working time unless the
 * format code is elapsed; link lags are tenths of a minute.
 */
import type { CalendarDate } from '../../domain/types';
import type { DependencyType, DurationUnit } from '../../domain/plan';
import { fromDayNumber, isCalendarDate, toDayNumber } from '../days';
import { constraintKind } from './localeWords';
import type { ImportNotes, SourceCalendar, SourceLink, SourcePlan, SourceTask } from './planBuilder';
import type { SourceAssignment } from './resourceOwners';
import { ownersFromAssignments } from './resourceOwners';
import { ProjectImportFailure } from './types';
import type { TimeUnit, WorkingTimeSettings } from './units';
import { defaultWorkingTime, toDays, workingMinutes } from './units';
import type { XmlElement } from './xml';
import { childElement, childElements, childText } from './xml';

/** MSPDI link type codes. */
const linkTypes: readonly DependencyType[] = ['FF', 'FS', 'SF', 'SS'];

/** Maximum length of a holiday range expanded into single dates, in days (about ten years). */
const maxExceptionDays = 3660;

/** Time unit of an MSPDI duration or lag format code; codes 35 to 52 are the estimated ("?") forms of 3 to 20. */
function formatUnit(code: number): { unit: TimeUnit | 'percent'; elapsed: boolean } | undefined {
  const base = code >= 35 ? code - 32 : code;
  const units: Readonly<Record<number, { unit: TimeUnit | 'percent'; elapsed: boolean }>> = {
    3: { unit: 'minutes', elapsed: false },
    4: { unit: 'minutes', elapsed: true },
    5: { unit: 'hours', elapsed: false },
    6: { unit: 'hours', elapsed: true },
    7: { unit: 'days', elapsed: false },
    8: { unit: 'days', elapsed: true },
    9: { unit: 'weeks', elapsed: false },
    10: { unit: 'weeks', elapsed: true },
    11: { unit: 'months', elapsed: false },
    12: { unit: 'months', elapsed: true },
    19: { unit: 'percent', elapsed: false },
    20: { unit: 'percent', elapsed: true },
  };
  return units[base];
}

/** Reads an MSPDI document into the format-neutral plan the builder takes. */
export function readMspdi(root: XmlElement, fileName: string, notes: ImportNotes): SourcePlan {
  if (root.name !== 'Project') {
    throw new ProjectImportFailure({ code: 'projectFile.unknownFormat', detail: { file: fileName, value: root.name } });
  }
  const workingTime: WorkingTimeSettings = {
    minutesPerDay: positiveNumber(childText(root, 'MinutesPerDay')) ?? defaultWorkingTime.minutesPerDay,
    minutesPerWeek: positiveNumber(childText(root, 'MinutesPerWeek')) ?? defaultWorkingTime.minutesPerWeek,
    daysPerMonth: positiveNumber(childText(root, 'DaysPerMonth')) ?? defaultWorkingTime.daysPerMonth,
  };
  const reader = { fileName, notes, workingTime };
  const calendars = readCalendars(root, reader);
  const tasks = readTasks(root, reader);
  const owners = readOwners(root, tasks.source, notes);
  const startOn = dateOf(childText(root, 'StartDate'), fileName, 'StartDate') ?? tasks.source[0]?.startNoEarlierThan ?? null;
  return {
    title: childText(root, 'Title') || childText(root, 'Name') || '',
    description: childText(root, 'Subject') ?? '',
    startOn,
    calendarKey: childText(root, 'CalendarUID') ?? null,
    statedFinish: statedDate(childText(root, 'FinishDate')) ?? tasks.projectFinish,
    tasks: tasks.source.map((task) => ({ ...task, owner: owners.get(task.key) ?? '' })),
    links: tasks.links,
    calendars,
  };
}

interface Reader {
  readonly fileName: string;
  readonly notes: ImportNotes;
  readonly workingTime: WorkingTimeSettings;
}

function readCalendars(root: XmlElement, reader: Reader): SourceCalendar[] {
  const calendars: SourceCalendar[] = [];
  let resourceCalendars = 0;
  for (const calendar of childElements(childElement(root, 'Calendars') ?? root, 'Calendar')) {
    const name = childText(calendar, 'Name') ?? '';
    if (childText(calendar, 'IsBaseCalendar') === '0') {
      resourceCalendars += 1;
      continue;
    }
    // A base calendar that leaves a weekday out works on it from Monday to Friday, as MS Project does.
    const working = new Map<number, boolean>([1, 2, 3, 4, 5, 6, 7].map((weekday) => [weekday, weekday <= 5]));
    const holidays: CalendarDate[] = [];
    let hoursReported = false;
    for (const weekDay of childElements(childElement(calendar, 'WeekDays') ?? calendar, 'WeekDay')) {
      const dayType = Number(childText(weekDay, 'DayType'));
      const dayWorking = childText(weekDay, 'DayWorking') === '1';
      if (dayType >= 1 && dayType <= 7) {
        working.set(dayType === 1 ? 7 : dayType - 1, dayWorking);
        if (dayWorking && !hoursReported && !isFullDay(weekDay, reader.workingTime)) {
          hoursReported = true;
          reader.notes.dropped('workingHoursDropped', { calendar: name });
        }
      } else if (dayType === 0) {
        addException(childElement(weekDay, 'TimePeriod'), dayWorking, name, holidays, reader);
      }
    }
    for (const exception of childElements(childElement(calendar, 'Exceptions') ?? calendar, 'Exception')) {
      const daily = (childText(exception, 'Type') ?? '1') === '1' && (childText(exception, 'Occurrences') ?? '1') === '1';
      const dayWorking = childText(exception, 'DayWorking') === '1';
      if (daily) {
        addException(childElement(exception, 'TimePeriod'), dayWorking, name, holidays, reader);
      } else {
        reader.notes.dropped('calendarExceptionDropped', { calendar: name, from: childText(exception, 'Name') ?? '', to: '' });
      }
    }
    if (childElement(calendar, 'WorkWeeks') !== undefined) {
      reader.notes.dropped('calendarExceptionDropped', { calendar: name, from: 'WorkWeeks', to: '' });
    }
    const workingWeekdays = [...working].filter(([, isWorking]) => isWorking).map(([weekday]) => weekday);
    calendars.push({ key: childText(calendar, 'UID') ?? name, name, workingWeekdays, holidays, site: '' });
  }
  reader.notes.droppedCount('resourceCalendarDropped', resourceCalendars);
  return calendars;
}

/**
 * True when a working weekday has no working times of its own, so MS Project's default day
 * applies, or exactly `minutesPerDay` of them. Then a day of duration is a day of the calendar,
 * and leaving the hours out moves no date.
 */
function isFullDay(weekDay: XmlElement, settings: WorkingTimeSettings): boolean {
  const times = childElements(childElement(weekDay, 'WorkingTimes') ?? weekDay, 'WorkingTime');
  if (times.length === 0) {
    return true;
  }
  const minutes = workingMinutes(times.map((time) => ({ from: childText(time, 'FromTime') ?? '', to: childText(time, 'ToTime') ?? '' })));
  return minutes === settings.minutesPerDay;
}

function addException(period: XmlElement | undefined, working: boolean, calendar: string, holidays: CalendarDate[], reader: Reader): void {
  const from = dateOf(period === undefined ? undefined : childText(period, 'FromDate'), reader.fileName, 'FromDate');
  const to = dateOf(period === undefined ? undefined : childText(period, 'ToDate'), reader.fileName, 'ToDate') ?? from;
  if (from === null || to === null) {
    return;
  }
  if (working) {
    reader.notes.dropped('calendarExceptionDropped', { calendar, from, to });
    return;
  }
  const first = toDayNumber(from);
  const last = Math.min(toDayNumber(to), first + maxExceptionDays);
  for (let day = first; day <= last; day += 1) {
    holidays.push(fromDayNumber(day));
  }
}

/**
 * Reads the tasks and their links. `projectFinish` is the finish of the project summary task
 * (outline level 0), which is not imported as a task.
 */
function readTasks(root: XmlElement, reader: Reader): { source: SourceTask[]; links: SourceLink[]; projectFinish: CalendarDate | null } {
  const { notes, fileName } = reader;
  const source: SourceTask[] = [];
  const links: SourceLink[] = [];
  const outlineParents: string[] = [];
  const counts = { costs: 0, baselines: 0, customFields: 0 };
  const recurring: string[] = [];
  let projectFinish: CalendarDate | null = null;
  for (const task of childElements(childElement(root, 'Tasks') ?? root, 'Task')) {
    if (childText(task, 'IsNull') === '1') {
      continue;
    }
    const key = childText(task, 'UID') ?? '';
    const name = childElement(task, 'Name')?.text ?? '';
    const level = Number(childText(task, 'OutlineLevel') ?? '1');
    if (level === 0) {
      notes.changed('projectSummaryTask', { task: name });
      projectFinish = statedDate(childText(task, 'Finish'));
      continue;
    }
    if (!Number.isInteger(level) || level < 0) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidValue',
        detail: { file: fileName, line: task.line, field: 'OutlineLevel', value: String(level) },
      });
    }
    outlineParents.length = level - 1;
    const parentKey = level > 1 ? (outlineParents[level - 2] ?? null) : null;
    outlineParents[level - 1] = key;

    counts.costs += Number(childText(task, 'Cost') ?? '0') !== 0 || Number(childText(task, 'FixedCost') ?? '0') !== 0 ? 1 : 0;
    counts.baselines += childElements(task, 'Baseline').length > 0 ? 1 : 0;
    counts.customFields += childElements(task, 'ExtendedAttribute').length;
    if (childText(task, 'Recurring') === '1') {
      recurring.push(name);
    }

    const duration = durationOf(task, reader);
    const calendarUid = childText(task, 'CalendarUID');
    source.push({
      key,
      parentKey,
      name,
      duration: duration.value,
      durationUnit: duration.unit,
      milestone: childText(task, 'Milestone') === '1' || duration.value === 0,
      progress: Number(childText(task, 'PercentComplete') ?? '0') || 0,
      startNoEarlierThan: constraintOf(task, name, reader),
      notes: childElement(task, 'Notes')?.text.trim() ?? '',
      calendarKey: calendarUid === undefined || calendarUid === '-1' ? null : calendarUid,
      owner: '',
      statedFinish: statedDate(childText(task, 'Finish')),
    });
    for (const link of childElements(task, 'PredecessorLink')) {
      const parsed = linkOf(link, key, name, reader);
      if (parsed !== null) {
        links.push(parsed);
      }
    }
  }
  notes.droppedCount('costsDropped', counts.costs);
  notes.droppedCount('baselineDropped', counts.baselines);
  notes.droppedCount('customFieldsDropped', counts.customFields);
  notes.changedTasks('recurringTasksKept', recurring);
  return { source, links, projectFinish };
}

function durationOf(task: XmlElement, reader: Reader): { value: number; unit: DurationUnit } {
  const text = childText(task, 'Duration') ?? 'PT0H0M0S';
  const minutes = isoMinutes(text);
  if (minutes === null) {
    throw new ProjectImportFailure({
      code: 'projectFile.invalidValue',
      detail: { file: reader.fileName, line: task.line, field: 'Duration', value: text },
    });
  }
  const format = formatUnit(Number(childText(task, 'DurationFormat') ?? '7'));
  const elapsed = format?.elapsed ?? false;
  return toDays(minutes, 'minutes', elapsed, reader.workingTime);
}

function linkOf(link: XmlElement, successorKey: string, task: string, reader: Reader): SourceLink | null {
  const predecessorKey = childText(link, 'PredecessorUID') ?? '';
  if (childText(link, 'CrossProject') === '1') {
    reader.notes.dropped('unknownPredecessor', { task, predecessor: childText(link, 'CrossProjectName') ?? predecessorKey });
    return null;
  }
  const type = linkTypes[Number(childText(link, 'Type') ?? '1')];
  if (type === undefined) {
    reader.notes.dropped('unsupportedLinkType', { task, value: childText(link, 'Type') ?? '' });
    return null;
  }
  const lagTenths = Number(childText(link, 'LinkLag') ?? '0');
  const format = formatUnit(Number(childText(link, 'LagFormat') ?? '7'));
  if (lagTenths === 0 || !Number.isFinite(lagTenths)) {
    return { predecessorKey, successorKey, type, lag: 0, lagUnit: 'workingDays' };
  }
  if (format === undefined || format.unit === 'percent') {
    reader.notes.dropped('unsupportedLagUnit', { task, value: childText(link, 'LagFormat') ?? '' });
    return { predecessorKey, successorKey, type, lag: 0, lagUnit: 'workingDays' };
  }
  const lag = toDays(lagTenths / 10, 'minutes', format.elapsed, reader.workingTime);
  return { predecessorKey, successorKey, type, lag: lag.value, lagUnit: lag.unit };
}

function constraintOf(task: XmlElement, name: string, reader: Reader): CalendarDate | null {
  const code = childText(task, 'ConstraintType') ?? '0';
  const kind = constraintKind(code);
  const date = dateOf(childText(task, 'ConstraintDate'), reader.fileName, 'ConstraintDate');
  if (kind === 'asSoonAsPossible') {
    return null;
  }
  if (kind === 'startNoEarlierThan' && date !== null) {
    return date;
  }
  reader.notes.dropped('unsupportedConstraint', { task: name, constraint: kind ?? code, date: date ?? '' });
  return null;
}

/** Returns the owner of each task from its resource assignments, by task UID. */
function readOwners(root: XmlElement, tasks: readonly SourceTask[], notes: ImportNotes): Map<string, string> {
  const resources = new Map(
    childElements(childElement(root, 'Resources') ?? root, 'Resource').map((resource) => [
      childText(resource, 'UID') ?? '',
      childText(resource, 'Name') ?? '',
    ]),
  );
  // MS Project writes resource UID -65535 for an assignment without a resource.
  const assignments: SourceAssignment[] = childElements(childElement(root, 'Assignments') ?? root, 'Assignment')
    .filter((assignment) => childText(assignment, 'ResourceUID') !== '-65535')
    .map((assignment) => ({ taskKey: childText(assignment, 'TaskUID') ?? '', resourceKey: childText(assignment, 'ResourceUID') ?? '' }));
  return ownersFromAssignments(resources, assignments, new Map(tasks.map((task) => [task.key, task.name])), notes);
}

/** Minutes of an ISO 8601 duration such as `PT16H30M0S` or `P2DT4H`, or `null` when it is not one. */
function isoMinutes(text: string): number | null {
  const match = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (match === null) {
    return null;
  }
  const minutes = Number(match[2] ?? 0) * 1440 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0) + Number(match[5] ?? 0) / 60;
  return match[1] === '-' ? -minutes : minutes;
}

/** Date part of an MSPDI date-time such as `2003-01-07T08:00:00`; `null` when absent. */
function dateOf(text: string | undefined, fileName: string, field: string): CalendarDate | null {
  if (text === undefined || text === '') {
    return null;
  }
  const date = text.slice(0, 10);
  if (!isCalendarDate(date)) {
    throw new ProjectImportFailure({ code: 'projectFile.invalidValue', detail: { file: fileName, field, value: text } });
  }
  return date;
}

/**
 * Returns the date part of a date-time that the file gives for reading, such as a task's
 * scheduled finish. Returns `null` when it is absent or malformed, because the import does not
 * depend on it.
 */
function statedDate(text: string | undefined): CalendarDate | null {
  const date = text?.slice(0, 10) ?? '';
  return isCalendarDate(date) ? date : null;
}

function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
}
