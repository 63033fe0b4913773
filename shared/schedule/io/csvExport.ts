/**
 * Export of a plan as CSV for spreadsheets and for re-import, in the layout that `csvFormat.ts`
 * describes: the tasks, then the calendars the plan and its tasks use.
 */
import Papa from 'papaparse';
import type { CalendarData } from '../../domain/plan';
import type { Id } from '../../domain/types';
import type { Schedule } from '../engine';
import {
  calendarCsvHeader,
  formatAmount,
  formulaCellPattern,
  planCalendarMark,
  planCsvHeader,
  predecessorSeparator,
  weekdayNames,
} from './csvFormat';
import type { PlanCsvColumn } from './csvFormat';
import { outlineOrder } from './planOrder';
import type { ExportablePlan } from './types';
import type { WithId } from '../model';

/**
 * Writes the plan as CSV text with CRLF line ends. The Start and Finish columns hold the
 * scheduled early dates, and a summary task's Duration its rolled-up working days, when
 * `schedule` is given; they are empty otherwise.
 */
export function exportPlanCsv(input: ExportablePlan, schedule?: Schedule): string {
  const ordered = outlineOrder(input.tasks);
  const wbsOf = outlineNumbers(ordered);
  const parents = new Set(input.tasks.map((task) => task.parentId));
  const scheduled = new Map((schedule?.tasks ?? []).map((task) => [task.taskId, task]));
  const calendarNames = uniqueCalendarNames(input.calendars);

  const rows = ordered.map(({ task }) => {
    const dates = scheduled.get(task.id);
    const summary = parents.has(task.id);
    const predecessors = input.dependencies
      .filter((link) => link.successorId === task.id && wbsOf.has(link.predecessorId))
      .map((link) => {
        const plain = link.type === 'FS' && link.lag === 0;
        const lag = link.lag === 0 ? '' : `${link.lag > 0 ? '+' : ''}${formatAmount(link.lag, link.lagUnit)}`;
        return `${wbsOf.get(link.predecessorId) ?? ''}${plain ? '' : link.type}${lag}`;
      })
      .join(predecessorSeparator);
    let duration = formatAmount(task.duration, task.durationUnit);
    if (summary) {
      duration = dates === undefined ? '' : `(${formatAmount(dates.workingDays, 'workingDays')})`;
    }
    const cells: Record<PlanCsvColumn, string> = {
      WBS: wbsOf.get(task.id) ?? '',
      Name: task.name,
      Duration: duration,
      'Start no earlier than': task.startNoEarlierThan ?? '',
      Progress: String(task.progress),
      Predecessors: predecessors,
      Owner: task.owner,
      Notes: task.notes,
      Calendar: task.calendarId === null ? '' : (calendarNames.get(task.calendarId) ?? ''),
      Start: dates?.earlyStart ?? '',
      Finish: dates?.earlyFinish ?? '',
    };
    return planCsvHeader.map((column) => cells[column]);
  });

  const calendarRows = input.calendars.map((calendar) => [
    calendarNames.get(calendar.id) ?? calendar.name,
    calendar.site,
    calendar.id === input.plan.calendarId ? planCalendarMark : '',
    calendar.workingWeekdays.map((weekday) => weekdayNames[weekday - 1] ?? String(weekday)).join(' '),
    calendar.holidays.join(' '),
  ]);

  // A text cell that a spreadsheet would run as a formula gets a leading apostrophe and quotes;
  // the import removes the apostrophe again (see `formulaCellPattern`).
  const options = { newline: '\r\n', quotes: false, escapeFormulae: formulaCellPattern };
  const tasks = Papa.unparse({ fields: [...planCsvHeader], data: rows }, options);
  const calendars = Papa.unparse({ fields: [...calendarCsvHeader], data: calendarRows }, options);
  return `${tasks}\r\n\r\n${calendars}\r\n`;
}

/** Returns the outline number of each task, as the plan screen numbers its rows: `1`, `1.1`, `1.2`, `2`. */
function outlineNumbers(ordered: readonly { task: { readonly id: Id }; level: number }[]): Map<Id, string> {
  const numbers = new Map<Id, string>();
  const path: number[] = [];
  for (const { task, level } of ordered) {
    path.length = level;
    path[level - 1] = (path[level - 1] ?? 0) + 1;
    numbers.set(task.id, path.join('.'));
  }
  return numbers;
}

/**
 * Returns a name per calendar that no other calendar of the plan has, because task rows refer
 * to calendars by name: a repeated name gets ` (2)`, ` (3)` and so on.
 */
function uniqueCalendarNames(calendars: readonly WithId<CalendarData>[]): Map<Id, string> {
  const names = new Map<Id, string>();
  const usedNames = new Set<string>();
  for (const calendar of calendars) {
    const base = calendar.name.trim() === '' ? 'Calendar' : calendar.name.trim();
    let name = base;
    for (let copy = 2; usedNames.has(name.toLowerCase()); copy += 1) {
      name = `${base} (${String(copy)})`;
    }
    usedNames.add(name.toLowerCase());
    names.set(calendar.id, name);
  }
  return names;
}
