/**
 * The calendar section of a plan CSV: one row per calendar under `calendarCsvHeader`, with its
 * working weekdays and holidays (see `csvFormat.ts`).
 */
import type { CalendarDate } from '../../domain/types';
import { isCalendarDate } from '../days';
import type { CalendarCsvColumn } from './csvFormat';
import { calendarCsvHeader, unescapeFormulaCell, weekdayNames } from './csvFormat';
import type { CsvRow } from './csvRows';
import type { ImportNotes, SourceCalendar } from './planBuilder';
import { ProjectImportFailure } from './types';

export interface CsvCalendars {
  readonly calendars: readonly SourceCalendar[];
  /** Key of the plan calendar, or `null` when the file has no calendars. */
  readonly planCalendarKey: string | null;
  /** Returns the key of the calendar with this name (case is ignored), or `undefined` when there is none. */
  readonly keyOf: (name: string) => string | undefined;
}

/** Returns the calendars of a file without a calendar section: none. */
export function noCalendars(): CsvCalendars {
  return { calendars: [], planCalendarKey: null, keyOf: () => undefined };
}

/** Values of the Plan calendar column read as yes and as no; case is ignored. */
const yesValues = new Set(['yes', 'y', 'x', 'true', '1']);
const noValues = new Set(['', 'no', 'n', 'false', '0']);

/**
 * Reads the rows after the calendar header. A calendar's key is its name in lower case, so a
 * task row may write the name in another case. When no row is marked as the plan calendar, the
 * first calendar becomes the plan calendar and a report note names it.
 */
export function readCalendarSection(rows: readonly CsvRow[], fileName: string, notes: ImportNotes): CsvCalendars {
  const calendars: SourceCalendar[] = [];
  const lineOf = new Map<string, number>();
  let planCalendar: { key: string; line: number } | null = null;
  for (const row of rows) {
    const cell = (column: CalendarCsvColumn): string => row.cells[calendarCsvHeader.indexOf(column)] ?? '';
    const invalid = (field: string, value: string): ProjectImportFailure =>
      new ProjectImportFailure({ code: 'projectFile.invalidValue', detail: { file: fileName, line: row.line, field, value } });
    if (row.cells.length > calendarCsvHeader.length) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidRecord',
        detail: { file: fileName, line: row.line, value: row.cells.length },
      });
    }

    const name = unescapeFormulaCell(cell('Calendar').trim());
    if (name === '') {
      throw invalid('Calendar', name);
    }
    const key = name.toLowerCase();
    const firstLine = lineOf.get(key);
    if (firstLine !== undefined) {
      throw new ProjectImportFailure({
        code: 'projectFile.duplicateKey',
        detail: { file: fileName, line: row.line, field: 'Calendar', value: name, firstLine },
      });
    }
    lineOf.set(key, row.line);

    const mark = cell('Plan calendar').trim().toLowerCase();
    if (!yesValues.has(mark) && !noValues.has(mark)) {
      throw invalid('Plan calendar', cell('Plan calendar'));
    }
    if (yesValues.has(mark)) {
      if (planCalendar !== null) {
        throw new ProjectImportFailure({
          code: 'projectFile.severalPlanCalendars',
          detail: { file: fileName, line: row.line, firstLine: planCalendar.line },
        });
      }
      planCalendar = { key, line: row.line };
    }

    const workingWeekdays = parseWeekdays(cell('Working days'));
    if (workingWeekdays === null) {
      throw invalid('Working days', cell('Working days'));
    }
    const holidays: CalendarDate[] = [];
    for (const date of splitList(cell('Holidays'))) {
      if (!isCalendarDate(date)) {
        throw invalid('Holidays', date);
      }
      holidays.push(date);
    }
    calendars.push({ key, name, workingWeekdays, holidays, site: unescapeFormulaCell(cell('Site').trim()) });
  }

  const first = calendars[0];
  if (planCalendar === null && first !== undefined) {
    notes.changed('planCalendarAssumed', { calendar: first.name });
  }
  return {
    calendars,
    planCalendarKey: planCalendar?.key ?? first?.key ?? null,
    keyOf: (name) => (lineOf.has(name.toLowerCase()) ? name.toLowerCase() : undefined),
  };
}

function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((item) => item !== '');
}

/**
 * Parses weekdays written as names (`Mon`, `monday`) or as ISO numbers, 1 for Monday to 7 for
 * Sunday. Returns `null` when one is unknown or none is given.
 */
function parseWeekdays(text: string): number[] | null {
  const weekdays: number[] = [];
  for (const item of splitList(text)) {
    const number = /^[1-7]$/.test(item)
      ? Number(item)
      : weekdayNames.findIndex((name) => item.toLowerCase().startsWith(name.toLowerCase())) + 1;
    if (number === 0) {
      return null;
    }
    weekdays.push(number);
  }
  return weekdays.length === 0 ? null : weekdays;
}
