/**
 * Import of the plan CSV that `exportPlanCsv` writes, in its current layout and in the first
 * one (see `csvFormat.ts`). Every cell the plan needs is checked before the plan is built, and
 * a bad cell rejects the file with its line and column. Start and Finish hold the dates at
 * export. The earliest Start becomes the plan start, Finish is compared with the new schedule,
 * and a malformed date in either is ignored.
 */
import type { CalendarDate } from '../../domain/types';
import { isCalendarDate } from '../days';
import { noCalendars, readCalendarSection } from './csvCalendars';
import type { CsvCalendars } from './csvCalendars';
import { calendarCsvHeader, legacyPlanCsvHeader, parseAmount, planCsvHeader, unescapeFormulaCell } from './csvFormat';
import type { LegacyPlanCsvColumn, PlanCsvColumn } from './csvFormat';
import type { CsvRow, PlanCsvLayout } from './csvRows';
import { csvRows, detectLayout, matchesHeader } from './csvRows';
import { linkTypeWords } from './localeWords';
import type { ImportNotes, SourceLink, SourcePlan, SourceTask } from './planBuilder';
import { ProjectImportFailure } from './types';

/** A task row with its key and its parent's key, before its cells are read. */
interface KeyedRow {
  readonly row: CsvRow;
  readonly key: string;
  readonly parentKey: string | null;
}

/** Reads a plan CSV; raises `ProjectImportFailure` naming the line and column of the first bad cell. */
export function readCsvPlan(text: string, fileName: string, notes: ImportNotes): SourcePlan {
  const detected = detectLayout(text);
  if (detected === null) {
    const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
    throw new ProjectImportFailure({ code: 'projectFile.unknownFormat', detail: { file: fileName, value: firstLine.slice(0, 200) } });
  }
  const { layout } = detected;
  const header = layout === 'current' ? planCsvHeader : legacyPlanCsvHeader;
  const [, ...rows] = csvRows(text, detected.delimiter);

  const calendarStart = layout === 'current' ? rows.findIndex((row) => matchesHeader(row.cells, calendarCsvHeader)) : -1;
  const taskRows = calendarStart < 0 ? rows : rows.slice(0, calendarStart);
  const calendars: CsvCalendars = calendarStart < 0 ? noCalendars() : readCalendarSection(rows.slice(calendarStart + 1), fileName, notes);

  for (const row of taskRows) {
    if (row.cells.length > header.length) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidRecord',
        detail: { file: fileName, line: row.line, value: row.cells.length },
      });
    }
  }
  const keyed = layout === 'current' ? keyByWbs(taskRows, fileName) : keyById(taskRows, fileName);
  const summaryKeys = new Set(keyed.map((entry) => entry.parentKey).filter((key): key is string => key !== null));
  const reader = new TaskRowReader(layout, fileName, notes, calendars);
  const tasks = keyed.map((entry) => reader.task(entry, summaryKeys.has(entry.key)));

  const starts = reader.starts.sort();
  // The plan's finish is compared with the latest finish of a task with work, so milestones are left out here too.
  const finishes = tasks.flatMap((task) => (task.statedFinish === null || task.duration === 0 ? [] : [task.statedFinish])).sort();
  return {
    title: '',
    description: '',
    startOn: starts[0] ?? null,
    calendarKey: calendars.planCalendarKey,
    statedFinish: finishes.at(-1) ?? null,
    tasks,
    links: reader.links,
    calendars: calendars.calendars,
  };
}

/** Normalises a WBS code such as `01.2` to `1.2`; `null` when it is not digits separated by dots. */
function normaliseWbs(text: string): string | null {
  const trimmed = text.trim();
  return /^\d+(\.\d+)*$/.test(trimmed) ? trimmed.split('.').map(Number).join('.') : null;
}

/** Keys the rows of the current layout by WBS code; each code's prefix must be an earlier row. */
function keyByWbs(rows: readonly CsvRow[], fileName: string): KeyedRow[] {
  const lineOf = new Map<string, number>();
  return rows.map((row) => {
    const cell = row.cells[0] ?? '';
    const key = normaliseWbs(cell);
    if (key === null) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidValue',
        detail: { file: fileName, line: row.line, field: 'WBS', value: cell },
      });
    }
    const firstLine = lineOf.get(key);
    if (firstLine !== undefined) {
      throw new ProjectImportFailure({
        code: 'projectFile.duplicateKey',
        detail: { file: fileName, line: row.line, field: 'WBS', value: cell.trim(), firstLine },
      });
    }
    lineOf.set(key, row.line);
    const dot = key.lastIndexOf('.');
    const parentKey = dot < 0 ? null : key.slice(0, dot);
    if (parentKey !== null && !lineOf.has(parentKey)) {
      throw new ProjectImportFailure({
        code: 'projectFile.unknownParent',
        detail: { file: fileName, line: row.line, value: key, parent: parentKey },
      });
    }
    return { row, key, parentKey };
  });
}

/** Keys the rows of the first layout by their ID; a Parent ID that no row has makes a top-level task. */
function keyById(rows: readonly CsvRow[], fileName: string): KeyedRow[] {
  const lineOf = new Map<string, number>();
  return rows.map((row) => {
    const key = (row.cells[0] ?? '').trim();
    const firstLine = lineOf.get(key);
    if (firstLine !== undefined) {
      throw new ProjectImportFailure({
        code: 'projectFile.duplicateKey',
        detail: { file: fileName, line: row.line, field: 'ID', value: key, firstLine },
      });
    }
    lineOf.set(key, row.line);
    return { row, key, parentKey: (row.cells[1] ?? '').trim() || null };
  });
}

/** Reads the cells of task rows into tasks and links, collecting the scheduled starts. */
class TaskRowReader {
  readonly links: SourceLink[] = [];
  readonly starts: CalendarDate[] = [];
  private readonly header: readonly string[];

  constructor(
    private readonly layout: PlanCsvLayout,
    private readonly fileName: string,
    private readonly notes: ImportNotes,
    private readonly calendars: CsvCalendars,
  ) {
    this.header = layout === 'current' ? planCsvHeader : legacyPlanCsvHeader;
  }

  task({ row, key, parentKey }: KeyedRow, summary: boolean): SourceTask {
    const cell = (column: PlanCsvColumn | LegacyPlanCsvColumn): string => row.cells[this.header.indexOf(column)] ?? '';
    const name = unescapeFormulaCell(cell('Name'));
    const duration = summary ? { value: 0, unit: 'workingDays' as const } : this.leafDuration(row, cell('Duration'), name);

    const constraint = cell('Start no earlier than').trim();
    if (constraint !== '' && !isCalendarDate(constraint)) {
      throw this.invalid(row, 'Start no earlier than', constraint);
    }
    const progressText = cell('Progress').trim().replace(/%$/, '');
    const progress = progressText === '' ? 0 : Number(progressText);
    if (!Number.isFinite(progress)) {
      throw this.invalid(row, 'Progress', cell('Progress'));
    }
    const start = cell('Start').trim();
    if (isCalendarDate(start)) {
      this.starts.push(start);
    }
    const finish = cell('Finish').trim();
    this.readPredecessors(row, key, cell('Predecessors'));

    return {
      key,
      parentKey,
      name,
      duration: duration.value,
      durationUnit: duration.unit,
      milestone: !summary && duration.value === 0,
      progress,
      startNoEarlierThan: constraint === '' ? null : constraint,
      notes: unescapeFormulaCell(cell('Notes')),
      calendarKey: this.layout === 'current' ? this.calendarKey(row, cell('Calendar')) : null,
      owner: unescapeFormulaCell(cell('Owner')),
      statedFinish: isCalendarDate(finish) ? finish : null,
    };
  }

  /**
   * Reads the duration of a task without children. A duration in brackets is a summary task's
   * rolled-up span; when the rows below it were removed, it becomes the task's own duration.
   */
  private leafDuration(row: CsvRow, text: string, name: string): { value: number; unit: 'workingDays' | 'calendarDays' } {
    const rolledUp = /^\s*\((.*)\)\s*$/.exec(text);
    const amount = parseAmount(rolledUp?.[1] ?? text);
    if (amount === null || amount.value < 0) {
      throw this.invalid(row, 'Duration', text);
    }
    if (rolledUp !== null) {
      this.notes.changed('rolledUpDurationUsed', { task: name.trim(), value: amount.value, unit: amount.unit });
    }
    return amount;
  }

  private calendarKey(row: CsvRow, text: string): string | null {
    const name = unescapeFormulaCell(text.trim());
    if (name === '') {
      return null;
    }
    const key = this.calendars.keyOf(name);
    if (key === undefined) {
      throw new ProjectImportFailure({ code: 'projectFile.unknownCalendar', detail: { file: this.fileName, line: row.line, value: name } });
    }
    return key;
  }

  /**
   * Reads links such as `1.2`, `1.3SS` or `2FS+2 wd`, separated by commas or semicolons. The
   * type defaults to FS, the lag to none.
   */
  private readPredecessors(row: CsvRow, successorKey: string, text: string): void {
    for (const item of text.split(/[;,]/)) {
      const link = item.trim();
      if (link === '') {
        continue;
      }
      const match = /^(\d+(?:\.\d+)*)\s*([A-Za-z]{2})?\s*([+-]\s*\d+\s*[A-Za-z]+)?$/.exec(link);
      const type = linkTypeWords[(match?.[2] ?? 'FS').toUpperCase()];
      const lag = match?.[3] === undefined ? { value: 0, unit: 'workingDays' as const } : parseAmount(match[3]);
      // The current layout refers to WBS codes, the first one to row IDs, which are kept as written.
      let predecessor = match?.[1] ?? null;
      if (predecessor !== null && this.layout === 'current') {
        predecessor = normaliseWbs(predecessor);
      }
      if (predecessor === null || type === undefined || lag === null) {
        throw this.invalid(row, 'Predecessors', link);
      }
      this.links.push({ predecessorKey: predecessor, successorKey, type, lag: lag.value, lagUnit: lag.unit });
    }
  }

  private invalid(row: CsvRow, field: string, value: string): ProjectImportFailure {
    return new ProjectImportFailure({ code: 'projectFile.invalidValue', detail: { file: this.fileName, line: row.line, field, value } });
  }
}
