/**
 * The plan CSV that `exportPlanCsv` writes and the import reads back. It has two sections, so
 * a spreadsheet shows both as plain tables:
 *
 * 1. Tasks, under the header `planCsvHeader`, one row per task in outline order:
 *    - `WBS` is the outline number (`1`, `1.2`, `1.2.3`). It identifies the task and places it
 *      below the task whose code is its prefix, so a row must come after its summary task's row.
 *    - `Duration` is a whole number of `wd` (working days of the task's calendar) or `cd`
 *      (calendar days), as the plan screen shows it. A summary task's duration is its rolled-up
 *      span in brackets, `(21 wd)`. The import ignores it, because a summary's dates come from
 *      the tasks below it, unless no rows are left below it: then it becomes the duration.
 *    - `Predecessors` lists links as the plan screen shows them, separated by commas: the
 *      predecessor's WBS code, the type unless it is FS without lag, and a signed lag:
 *      `1.2`, `1.3SS`, `2FS+2 wd`, `2.1FF-1 cd`.
 *    - `Calendar` names the task's own calendar from the calendar section; empty for the plan's.
 *    - `Start` and `Finish` are the scheduled dates at export. The import takes the earliest
 *      Start as the plan start, and compares Finish with the new schedule and reports a
 *      difference.
 * 2. Calendars, after an empty row, under the header `calendarCsvHeader`, one row per calendar.
 *    A row gives the calendar's name, its delivery site, and `yes` under `Plan calendar` for the
 *    calendar of the whole plan. Working weekdays follow as `Mon Tue Wed Thu Fri`, and holidays
 *    as `YYYY-MM-DD` dates separated by spaces.
 *
 * The import also reads the first version of the layout (`legacyPlanCsvHeader`): an ID and a
 * Parent ID per row, predecessors by ID, units `d` and `ed`, and no calendars.
 *
 * NOTE: a spreadsheet that opens the file may turn a WBS code such as `1.10` into the number
 * 1.1, or `1.2` into a date, and rewrite dates in its own format when it saves. The import then
 * rejects the file naming the line, or, for Start and Finish, ignores the cell.
 */
import type { DurationUnit } from '../../domain/plan';

export const planCsvHeader = [
  'WBS',
  'Name',
  'Duration',
  'Start no earlier than',
  'Progress',
  'Predecessors',
  'Owner',
  'Notes',
  'Calendar',
  'Start',
  'Finish',
] as const;

export type PlanCsvColumn = (typeof planCsvHeader)[number];

export const calendarCsvHeader = ['Calendar', 'Site', 'Plan calendar', 'Working days', 'Holidays'] as const;

export type CalendarCsvColumn = (typeof calendarCsvHeader)[number];

/** Header of the first plan CSV layout, which had no WBS codes and no calendars. */
export const legacyPlanCsvHeader = [
  'ID',
  'Parent ID',
  'Name',
  'Duration',
  'Start no earlier than',
  'Progress',
  'Predecessors',
  'Owner',
  'Notes',
  'Start',
  'Finish',
] as const;

export type LegacyPlanCsvColumn = (typeof legacyPlanCsvHeader)[number];

/** Separator the export writes between the links of one Predecessors cell; the import also accepts `;`. */
export const predecessorSeparator = ', ';

/** Value of the Plan calendar column that marks the plan's calendar. */
export const planCalendarMark = 'yes';

/** Weekday abbreviations by ISO weekday, Monday (1) first. */
export const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Unit as the plan screen abbreviates it: `wd` for working days, `cd` for calendar days. */
export function unitSuffix(unit: DurationUnit): string {
  return unit === 'calendarDays' ? 'cd' : 'wd';
}

/** Formats a whole amount with its unit, for example `5 wd` or `-2 cd`. */
export function formatAmount(value: number, unit: DurationUnit): string {
  return `${String(value)} ${unitSuffix(unit)}`;
}

/** Pattern of an amount: an optional sign, digits and a unit `wd`, `cd`, `d` or `ed`, with optional spaces. */
const amountPattern = /^([+-]?)\s*(\d+)\s*(wd|cd|d|ed)$/i;

/**
 * Parses `5 wd`, `3cd`, `-2 wd` or, from the first layout, `5d` and `3ed` into a whole amount
 * and its unit; `null` when malformed.
 */
export function parseAmount(text: string): { value: number; unit: DurationUnit } | null {
  const match = amountPattern.exec(text.trim());
  if (match === null) {
    return null;
  }
  const unitText = (match[3] ?? '').toLowerCase();
  const value = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  return { value, unit: unitText === 'cd' || unitText === 'ed' ? 'calendarDays' : 'workingDays' };
}

/**
 * Cells that a spreadsheet could run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return (the OWASP list for CSV injection), also behind apostrophes that a previous
 * export added. The export writes such a cell with one more leading apostrophe, which
 * spreadsheets show as text, and `unescapeFormulaCell` removes exactly that one on import, so
 * every text reads back unchanged.
 */
export const formulaCellPattern = /^'*[=+\-@\t\r]/;

/** Removes the apostrophe that the export put before a cell matching `formulaCellPattern`. */
export function unescapeFormulaCell(cell: string): string {
  return cell.startsWith("'") && formulaCellPattern.test(cell.slice(1)) ? cell.slice(1) : cell;
}
