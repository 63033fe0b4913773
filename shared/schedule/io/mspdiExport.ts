/**
 * Export of a plan as Microsoft Project XML (MSPDI). Elements follow the order of the MSPDI
 * schema, so MS Project opens the file. Working days are written as 8-hour days (480 minutes),
 * calendar days as elapsed durations; holidays as calendar exceptions of whole days. Task
 * owners become work resources with one assignment per task and resource.
 */
import type { CalendarData, DurationUnit } from '../../domain/plan';
import type { CalendarDate } from '../../domain/types';
import { toDayNumber } from '../days';
import { outlineOrder } from './planOrder';
import { ownerSeparator } from './resourceOwners';
import type { ExportablePlan } from './types';
import { escapeXml } from './xml';

/** Minutes in the working day the export declares; working-day durations are written with it. */
const minutesPerDay = 480;

/** MSPDI format codes for days and elapsed days. */
const daysFormat = 7;
const elapsedDaysFormat = 8;

/** MSPDI link type codes by dependency type. */
const linkTypeCodes = { FF: 0, FS: 1, SF: 2, SS: 3 } as const;

/** Writes the plan as an MSPDI document. */
export function exportMspdi(input: ExportablePlan): string {
  const ordered = outlineOrder(input.tasks);
  const uidOf = new Map(ordered.map(({ task }, index) => [task.id, index + 1]));
  const calendars = [...input.calendars].sort((a, b) => Number(b.id === input.plan.calendarId) - Number(a.id === input.plan.calendarId));
  const calendarUidOf = new Map(calendars.map((calendar, index) => [calendar.id, index + 1]));
  const parents = new Set(input.tasks.map((task) => task.parentId));

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Project xmlns="http://schemas.microsoft.com/project">',
  ];
  lines.push(element('SaveVersion', '14'), element('Title', input.plan.title), element('Subject', input.plan.description));
  lines.push(element('ScheduleFromStart', '1'), element('StartDate', `${input.plan.startOn}T08:00:00`));
  lines.push(element('CalendarUID', String(calendarUidOf.get(input.plan.calendarId) ?? 1)));
  lines.push(
    element('MinutesPerDay', String(minutesPerDay)),
    element('MinutesPerWeek', String(minutesPerDay * 5)),
    element('DaysPerMonth', '20'),
  );

  lines.push('<Calendars>');
  calendars.forEach((calendar, index) => lines.push(...calendarLines(calendar, index + 1)));
  lines.push('</Calendars>', '<Tasks>');

  const outlinePath: number[] = [];
  for (const { task, level } of ordered) {
    outlinePath.length = level;
    outlinePath[level - 1] = (outlinePath[level - 1] ?? 0) + 1;
    const uid = String(uidOf.get(task.id) ?? 0);
    const summary = parents.has(task.id);
    const elapsed = task.durationUnit === 'calendarDays';
    lines.push('<Task>', element('UID', uid), element('ID', uid), element('Name', task.name));
    lines.push(element('OutlineNumber', outlinePath.join('.')), element('OutlineLevel', String(level)));
    lines.push(
      element('Duration', isoDuration(summary ? 0 : task.duration, task.durationUnit)),
      element('DurationFormat', String(elapsed ? elapsedDaysFormat : daysFormat)),
    );
    lines.push(element('Milestone', !summary && task.duration === 0 ? '1' : '0'), element('Summary', summary ? '1' : '0'));
    lines.push(element('PercentComplete', String(task.progress)));
    lines.push(element('ConstraintType', task.startNoEarlierThan === null ? '0' : '4'));
    lines.push(element('CalendarUID', String(task.calendarId === null ? -1 : (calendarUidOf.get(task.calendarId) ?? -1))));
    if (task.startNoEarlierThan !== null) {
      lines.push(element('ConstraintDate', `${task.startNoEarlierThan}T08:00:00`));
    }
    if (task.notes !== '') {
      lines.push(element('Notes', task.notes));
    }
    for (const link of input.dependencies) {
      const predecessorUid = uidOf.get(link.predecessorId);
      if (link.successorId !== task.id || predecessorUid === undefined) {
        continue;
      }
      const lagElapsed = link.lagUnit === 'calendarDays';
      const tenthsPerDay = (lagElapsed ? 1440 : minutesPerDay) * 10;
      lines.push('<PredecessorLink>', element('PredecessorUID', String(predecessorUid)), element('Type', String(linkTypeCodes[link.type])));
      lines.push(
        element('CrossProject', '0'),
        element('LinkLag', String(link.lag * tenthsPerDay)),
        element('LagFormat', String(lagElapsed ? elapsedDaysFormat : daysFormat)),
      );
      lines.push('</PredecessorLink>');
    }
    lines.push('</Task>');
  }
  lines.push('</Tasks>');
  lines.push(...resourceLines(ordered.map(({ task }) => ({ uid: uidOf.get(task.id) ?? 0, owner: task.owner }))));
  lines.push('</Project>', '');
  return lines.join('\r\n');
}

/**
 * Writes one work resource per distinct owner name and an assignment per task and name. An
 * owner that lists several names separated by ", " gives one resource per name, because MS
 * Project separates the resource names of a task with commas. The import joins them again.
 */
function resourceLines(tasks: readonly { uid: number; owner: string }[]): string[] {
  const resourceUid = new Map<string, number>();
  const assignments: { taskUid: number; resourceUid: number }[] = [];
  for (const { uid, owner } of tasks) {
    const names = owner.split(ownerSeparator).filter((name) => name.trim() !== '');
    for (const name of new Set(names)) {
      let resource = resourceUid.get(name);
      if (resource === undefined) {
        resource = resourceUid.size + 1;
        resourceUid.set(name, resource);
      }
      assignments.push({ taskUid: uid, resourceUid: resource });
    }
  }
  if (resourceUid.size === 0) {
    return [];
  }
  const lines = ['<Resources>'];
  for (const [name, uid] of resourceUid) {
    lines.push(
      '<Resource>',
      element('UID', String(uid)),
      element('ID', String(uid)),
      element('Name', name),
      element('Type', '1'),
      '</Resource>',
    );
  }
  lines.push('</Resources>', '<Assignments>');
  assignments.forEach((assignment, index) => {
    lines.push(
      '<Assignment>',
      element('UID', String(index + 1)),
      element('TaskUID', String(assignment.taskUid)),
      element('ResourceUID', String(assignment.resourceUid)),
      element('Units', '1'),
      '</Assignment>',
    );
  });
  lines.push('</Assignments>');
  return lines;
}

function calendarLines(calendar: CalendarData, uid: number): string[] {
  const lines = [
    '<Calendar>',
    element('UID', String(uid)),
    element('Name', calendar.name),
    element('IsBaseCalendar', '1'),
    element('BaseCalendarUID', '-1'),
    '<WeekDays>',
  ];
  // MSPDI day types run from 1 (Sunday) to 7 (Saturday); ISO weekdays from 1 (Monday) to 7 (Sunday).
  for (let dayType = 1; dayType <= 7; dayType += 1) {
    const isoWeekday = dayType === 1 ? 7 : dayType - 1;
    const working = calendar.workingWeekdays.includes(isoWeekday);
    lines.push('<WeekDay>', element('DayType', String(dayType)), element('DayWorking', working ? '1' : '0'));
    if (working) {
      lines.push('<WorkingTimes>', workingTime('08:00:00', '12:00:00'), workingTime('13:00:00', '17:00:00'), '</WorkingTimes>');
    }
    lines.push('</WeekDay>');
  }
  for (const [from, to] of dateRanges(calendar.holidays)) {
    lines.push('<WeekDay>', element('DayType', '0'), element('DayWorking', '0'));
    lines.push('<TimePeriod>', element('FromDate', `${from}T00:00:00`), element('ToDate', `${to}T23:59:00`), '</TimePeriod>', '</WeekDay>');
  }
  lines.push('</WeekDays>', '</Calendar>');
  return lines;
}

/** Groups sorted dates into runs of consecutive days, as first and last date. */
function dateRanges(dates: readonly CalendarDate[]): [CalendarDate, CalendarDate][] {
  const ranges: [CalendarDate, CalendarDate][] = [];
  for (const date of [...dates].sort()) {
    const last = ranges.at(-1);
    if (last !== undefined && toDayNumber(date) === toDayNumber(last[1]) + 1) {
      last[1] = date;
    } else {
      ranges.push([date, date]);
    }
  }
  return ranges;
}

function workingTime(from: string, to: string): string {
  return `<WorkingTime>${element('FromTime', from)}${element('ToTime', to)}</WorkingTime>`;
}

function isoDuration(days: number, unit: DurationUnit): string {
  const minutes = days * (unit === 'calendarDays' ? 1440 : minutesPerDay);
  return `PT${Math.floor(minutes / 60)}H${minutes % 60}M0S`;
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}
