/**
 * Import of MPX 4.0 files, the text format of MS Project 98 and earlier that later versions and
 * other tools still write. Fields are separated by the character after `MPX` in the first line
 * (`,` in English, `;` in German and other locales with a decimal comma). Numbers use the
 * decimal separator of record 10, dates the order and separator of record 12, and task fields
 * the order that record 61 lists by field number.
 */
import Papa from 'papaparse';
import type { CalendarDate } from '../../domain/types';
import type { DurationUnit } from '../../domain/plan';
import { fromDayNumber, isCalendarDate, toDayNumber } from '../days';
import { constraintKind, isYes, linkTypeWords, timeUnitWord } from './localeWords';
import type { BuildContext, ImportNotes, SourceCalendar, SourceLink, SourcePlan, SourceTask } from './planBuilder';
import type { SourceAssignment } from './resourceOwners';
import { ownersFromAssignments } from './resourceOwners';
import { ProjectImportFailure } from './types';
import type { WorkingTimeSettings } from './units';
import { defaultWorkingTime, toDays, workingMinutes } from './units';

/** MPX task field numbers that the import reads. */
const field = {
  name: 1,
  outlineLevel: 3,
  cost: 30,
  duration: 40,
  percentComplete: 44,
  start: 50,
  finish: 51,
  constraintDate: 68,
  predecessors: 70,
  milestone: 81,
  id: 90,
  constraintType: 91,
} as const;

/** MPX resource field numbers that the import reads, as record 41 lists them. */
const resourceField = { name: 1, id: 40 } as const;

/** Maximum length of a holiday range expanded into single dates, in days (about ten years). */
const maxExceptionDays = 3660;

interface MpxRecord {
  readonly type: number;
  readonly cells: readonly string[];
  readonly line: number;
}

interface MpxSettings {
  delimiter: string;
  decimal: string;
  /** 0 month-day-year, 1 day-month-year, 2 year-month-day, as in record 12. */
  dateOrder: number;
  workingTime: WorkingTimeSettings;
}

/** Returns the field separator and the TextDecoder label of an MPX file, or `null` when the bytes do not start with `MPX`. */
export function sniffMpx(bytes: Uint8Array): { delimiter: string; encoding: string } | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  if (String.fromCharCode(bytes[start] ?? 0, bytes[start + 1] ?? 0, bytes[start + 2] ?? 0) !== 'MPX') {
    return null;
  }
  const delimiter = String.fromCharCode(bytes[start + 3] ?? 0);
  let end = start;
  while (end < bytes.length && bytes[end] !== 10 && bytes[end] !== 13) {
    end += 1;
  }
  const header = String.fromCharCode(...bytes.subarray(start, Math.min(end, start + 200)));
  const codePage = header.split(delimiter).at(-1)?.trim().toUpperCase() ?? '';
  if (bom) {
    return { delimiter, encoding: 'utf-8' };
  }
  const encoding = { ANSI: 'windows-1252', '': 'windows-1252', '1252': 'windows-1252', MAC: 'macintosh', '8859': 'iso-8859-1' }[codePage];
  return { delimiter, encoding: encoding ?? `unsupported:${codePage}` };
}

/** Reads an MPX file into the format-neutral plan the builder takes. */
export function readMpx(
  bytes: Uint8Array,
  context: Omit<BuildContext, 'format' | 'encoding' | 'notes'>,
  notes: ImportNotes,
): { source: SourcePlan; encoding: string } {
  const fileName = context.fileName;
  const sniffed = sniffMpx(bytes);
  if (sniffed === null) {
    throw new ProjectImportFailure({ code: 'projectFile.unknownFormat', detail: { file: fileName } });
  }
  if (sniffed.encoding.startsWith('unsupported:')) {
    throw new ProjectImportFailure({
      code: 'projectFile.unsupportedEncoding',
      detail: { file: fileName, value: sniffed.encoding.slice(12) },
    });
  }
  let text: string;
  try {
    text = new TextDecoder(sniffed.encoding).decode(bytes);
  } catch {
    throw new ProjectImportFailure({ code: 'projectFile.unsupportedEncoding', detail: { file: fileName, value: sniffed.encoding } });
  }
  const records = splitRecords(text, sniffed.delimiter, fileName);
  const settings = readSettings(records, sniffed.delimiter, fileName);
  const reader = new MpxReader(records, settings, fileName, notes);
  return { source: reader.read(), encoding: sniffed.encoding };
}

function splitRecords(text: string, delimiter: string, fileName: string): MpxRecord[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false, quoteChar: '"' });
  const records: MpxRecord[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 1;
    if (row.length === 1 && row[0]?.trim() === '') {
      return;
    }
    if (index === 0) {
      return;
    }
    const type = Number(row[0]?.trim());
    if (!Number.isInteger(type)) {
      throw new ProjectImportFailure({ code: 'projectFile.invalidRecord', detail: { file: fileName, line, value: row[0] ?? '' } });
    }
    records.push({ type, cells: row.slice(1), line });
  });
  return records;
}

function readSettings(records: readonly MpxRecord[], delimiter: string, fileName: string): MpxSettings {
  const currency = records.find((record) => record.type === 10);
  const decimal = currency?.cells[4]?.trim() || (delimiter === ';' ? ',' : '.');
  const dateSettings = records.find((record) => record.type === 12);
  const dateOrder = Number(dateSettings?.cells[0] ?? '0');
  const defaults = records.find((record) => record.type === 11);
  const hoursPerDay = parseLocaleNumber(defaults?.cells[3] ?? '', decimal);
  const hoursPerWeek = parseLocaleNumber(defaults?.cells[4] ?? '', decimal);
  const workingTime: WorkingTimeSettings = {
    minutesPerDay: Number.isFinite(hoursPerDay) && hoursPerDay > 0 ? hoursPerDay * 60 : defaultWorkingTime.minutesPerDay,
    minutesPerWeek: Number.isFinite(hoursPerWeek) && hoursPerWeek > 0 ? hoursPerWeek * 60 : defaultWorkingTime.minutesPerWeek,
    daysPerMonth: defaultWorkingTime.daysPerMonth,
  };
  if (![0, 1, 2].includes(dateOrder)) {
    throw new ProjectImportFailure({
      code: 'projectFile.invalidValue',
      detail: { file: fileName, line: dateSettings?.line ?? 0, field: 'date order', value: dateOrder },
    });
  }
  return { delimiter, decimal, dateOrder, workingTime };
}

function parseLocaleNumber(text: string, decimal: string): number {
  const trimmed = text.trim();
  if (trimmed === '') {
    return Number.NaN;
  }
  const normalised = decimal === ',' ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed.replace(/,/g, '');
  return /^[+-]?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

class MpxReader {
  private readonly tasks: SourceTask[] = [];
  private readonly links: SourceLink[] = [];
  private readonly calendars: SourceCalendar[] = [];
  private taskFields: readonly number[] = [];
  private resourceFields: readonly number[] = [];
  private title = '';
  private startOn: CalendarDate | null = null;
  private finish: CalendarDate | null = null;
  private calendarName: string | null = null;
  private readonly outlineParents: string[] = [];
  private readonly counts = { costs: 0, resourceCalendars: 0, unknown: 0 };
  /** Names of resources by their ID (field 40), which assignments refer to. */
  private readonly resources = new Map<string, string>();
  private readonly assignments: SourceAssignment[] = [];
  /** Keys of the tasks that a recurring task record (72) follows. */
  private readonly recurringKeys: string[] = [];
  private readonly unknownTypes = new Set<number>();
  private readonly notesForTask = new Map<string, string>();

  constructor(
    private readonly records: readonly MpxRecord[],
    private readonly settings: MpxSettings,
    private readonly fileName: string,
    private readonly notes: ImportNotes,
  ) {}

  read(): SourcePlan {
    let lastTaskKey: string | null = null;
    let lastCalendar: { name: string; weekdays: number[]; holidays: CalendarDate[]; hours: boolean } | null = null;
    for (const record of this.records) {
      switch (record.type) {
        case 10:
        case 11:
        case 12:
        case 40:
        case 60:
        case 76:
          break;
        case 41:
          this.resourceFields = record.cells.map((cell) => Number(cell.trim()));
          break;
        case 20:
          lastCalendar = this.readCalendar(record);
          this.calendars.push({
            key: lastCalendar.name,
            name: lastCalendar.name,
            workingWeekdays: lastCalendar.weekdays,
            holidays: lastCalendar.holidays,
            site: '',
          });
          break;
        case 25:
          if (lastCalendar !== null && !lastCalendar.hours && !this.isFullDay(record, lastCalendar.weekdays)) {
            lastCalendar.hours = true;
            this.notes.dropped('workingHoursDropped', { calendar: lastCalendar.name });
          }
          break;
        case 26:
          if (lastCalendar !== null) {
            this.readException(record, lastCalendar);
          }
          break;
        case 30:
          this.title = record.cells[0]?.trim() ?? '';
          this.calendarName = record.cells[3]?.trim() || null;
          this.startOn = this.parseDate(record.cells[4] ?? '', record.line, 'start date');
          this.finish = this.statedDate(record.cells[5] ?? '');
          break;
        case 50:
          this.readResource(record);
          break;
        case 51:
          break;
        case 55:
          this.counts.resourceCalendars += 1;
          break;
        case 61:
          this.taskFields = record.cells.map((cell) => Number(cell.trim()));
          break;
        case 70:
          lastTaskKey = this.readTask(record);
          break;
        case 71:
          if (lastTaskKey !== null) {
            this.notesForTask.set(lastTaskKey, record.cells.join(this.settings.delimiter).trim());
          }
          break;
        case 72:
          if (lastTaskKey !== null) {
            this.recurringKeys.push(lastTaskKey);
          }
          break;
        case 75:
          if (lastTaskKey !== null) {
            this.assignments.push({ taskKey: lastTaskKey, resourceKey: record.cells[0]?.trim() ?? '' });
          }
          break;
        default:
          this.counts.unknown += 1;
          this.unknownTypes.add(record.type);
      }
    }
    this.reportCounts();
    const names = new Map(this.tasks.map((task) => [task.key, task.name]));
    const owners = ownersFromAssignments(this.resources, this.assignments, names, this.notes);
    const tasks = this.tasks.map((task) => ({
      ...task,
      notes: this.notesForTask.get(task.key) ?? task.notes,
      owner: owners.get(task.key) ?? task.owner,
    }));
    return {
      title: this.title,
      description: '',
      startOn: this.startOn ?? earliestConstraint(tasks) ?? null,
      calendarKey: this.calendarName,
      statedFinish: this.finish,
      tasks,
      links: this.links,
      calendars: this.calendars,
    };
  }

  private reportCounts(): void {
    const { counts, notes } = this;
    const recurring = this.tasks.filter((task) => this.recurringKeys.includes(task.key)).map((task) => task.name);
    notes.changedTasks('recurringTasksKept', recurring);
    notes.droppedCount('resourceCalendarDropped', counts.resourceCalendars);
    notes.droppedCount('costsDropped', counts.costs);
    notes.droppedCount('unknownRecord', counts.unknown, { records: [...this.unknownTypes].join(', ') });
  }

  /**
   * Reads a resource's name and ID by the field list of record 41. Without that list the name
   * is taken from the first field and the ID is the resource's position.
   */
  private readResource(record: MpxRecord): void {
    const hasFieldList = this.resourceFields.length > 0;
    const nameIndex = hasFieldList ? this.resourceFields.indexOf(resourceField.name) : 0;
    const idIndex = hasFieldList ? this.resourceFields.indexOf(resourceField.id) : -1;
    const name = nameIndex < 0 ? '' : (record.cells[nameIndex]?.trim() ?? '');
    const id = idIndex < 0 ? '' : (record.cells[idIndex]?.trim() ?? '');
    this.resources.set(id || String(this.resources.size + 1), name);
  }

  /**
   * True when a calendar hours record (25) is for a non-working day, or gives its day no hours
   * or exactly a day of duration, so leaving the hours out moves no date. The record lists the
   * day (1 Sunday to 7 Saturday) and pairs of from and to times.
   */
  private isFullDay(record: MpxRecord, workingWeekdays: readonly number[]): boolean {
    const day = Number(record.cells[0]?.trim());
    const times = record.cells.slice(1).map((cell) => cell.trim());
    if (!workingWeekdays.includes(day === 1 ? 7 : day - 1) || times.every((time) => time === '')) {
      return true;
    }
    const ranges: { from: string; to: string }[] = [];
    for (let index = 0; index + 1 < times.length; index += 2) {
      ranges.push({ from: times[index] ?? '', to: times[index + 1] ?? '' });
    }
    return workingMinutes(ranges) === this.settings.workingTime.minutesPerDay;
  }

  private readCalendar(record: MpxRecord): { name: string; weekdays: number[]; holidays: CalendarDate[]; hours: boolean } {
    const name = record.cells[0]?.trim() ?? '';
    // Flags for Sunday to Saturday: 1 working, 0 non-working, 2 "as the base calendar" (resource calendars only).
    const weekdays: number[] = [];
    for (let index = 0; index < 7; index += 1) {
      if ((record.cells[index + 1]?.trim() ?? '') === '1') {
        weekdays.push(index === 0 ? 7 : index);
      }
    }
    return { name, weekdays, holidays: [], hours: false };
  }

  private readException(record: MpxRecord, calendar: { name: string; holidays: CalendarDate[] }): void {
    const from = this.parseDate(record.cells[0] ?? '', record.line, 'exception start');
    const to = this.parseDate(record.cells[1] ?? '', record.line, 'exception finish') ?? from;
    if (from === null || to === null) {
      return;
    }
    if ((record.cells[2]?.trim() ?? '0') === '1') {
      this.notes.dropped('calendarExceptionDropped', { calendar: calendar.name, from, to });
      return;
    }
    const first = toDayNumber(from);
    const last = Math.min(toDayNumber(to), first + maxExceptionDays);
    for (let day = first; day <= last; day += 1) {
      calendar.holidays.push(fromDayNumber(day));
    }
  }

  private value(record: MpxRecord, fieldNumber: number): string | undefined {
    const index = this.taskFields.indexOf(fieldNumber);
    return index < 0 ? undefined : record.cells[index]?.trim();
  }

  /** Reads one task and returns its key, the task ID (field 90) that predecessor lists refer to. */
  private readTask(record: MpxRecord): string {
    if (this.taskFields.length === 0) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidRecord',
        detail: { file: this.fileName, line: record.line, field: 'task field list (record 61)' },
      });
    }
    const key = this.value(record, field.id) || `row${record.line}`;
    const name = this.value(record, field.name) ?? '';
    const levelText = this.value(record, field.outlineLevel);
    const level = levelText === undefined || levelText === '' ? 1 : Number(levelText);
    if (!Number.isInteger(level) || level < 0) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidValue',
        detail: { file: this.fileName, line: record.line, field: 'Outline Level', value: levelText ?? '' },
      });
    }
    if (level === 0) {
      this.notes.changed('projectSummaryTask', { task: name });
      return key;
    }
    this.outlineParents.length = level - 1;
    const parentKey = level > 1 ? (this.outlineParents[level - 2] ?? null) : null;
    this.outlineParents[level - 1] = key;

    const cost = parseLocaleNumber((this.value(record, field.cost) ?? '').replace(/[^\d.,+-]/g, ''), this.settings.decimal);
    if (Number.isFinite(cost) && cost !== 0) {
      this.counts.costs += 1;
    }
    const duration = this.parseDuration(this.value(record, field.duration) ?? '0d', record.line, 'Duration');
    const progress = parseLocaleNumber((this.value(record, field.percentComplete) ?? '0').replace('%', ''), this.settings.decimal);
    const milestone = isYes(this.value(record, field.milestone)) || duration.value === 0;

    this.tasks.push({
      key,
      parentKey,
      name,
      duration: duration.value,
      durationUnit: duration.unit,
      milestone,
      progress: Number.isFinite(progress) ? progress : 0,
      startNoEarlierThan: this.readConstraint(record, name),
      notes: '',
      calendarKey: null,
      owner: '',
      statedFinish: this.statedDate(this.value(record, field.finish) ?? ''),
    });
    this.readPredecessors(record, key, name);
    return key;
  }

  private readConstraint(record: MpxRecord, task: string): CalendarDate | null {
    const typeText = this.value(record, field.constraintType) ?? '';
    if (typeText === '') {
      return null;
    }
    const kind = constraintKind(typeText);
    const date = this.parseDate(this.value(record, field.constraintDate) ?? '', record.line, 'Constraint Date');
    if (kind === 'asSoonAsPossible') {
      return null;
    }
    if (kind === 'startNoEarlierThan' && date !== null) {
      return date;
    }
    this.notes.dropped('unsupportedConstraint', { task, constraint: typeText, date: date ?? '' });
    return null;
  }

  private readPredecessors(record: MpxRecord, successorKey: string, task: string): void {
    const list = this.value(record, field.predecessors) ?? '';
    for (const item of list.split(this.settings.delimiter)) {
      const text = item.trim();
      if (text === '') {
        continue;
      }
      const match = /^(\d+)\s*([A-Za-zÀ-ÿ]{2})?\s*(?:([+-])\s*(.+))?$/.exec(text);
      if (match === null) {
        throw new ProjectImportFailure({
          code: 'projectFile.invalidValue',
          detail: { file: this.fileName, line: record.line, field: 'Predecessors', value: text },
        });
      }
      const [, predecessorKey = '', typeWord = 'FS', sign, lagText] = match;
      const type = linkTypeWords[typeWord.toUpperCase()];
      if (type === undefined) {
        this.notes.dropped('unsupportedLinkType', { task, value: text });
        continue;
      }
      let lag = 0;
      let lagUnit: DurationUnit = 'workingDays';
      if (lagText !== undefined) {
        const parsed = this.parseDuration(lagText, record.line, 'Predecessors', true);
        if (parsed === null) {
          this.notes.dropped('unsupportedLagUnit', { task, value: text });
        } else {
          lag = sign === '-' ? -parsed.value : parsed.value;
          lagUnit = parsed.unit;
        }
      }
      this.links.push({ predecessorKey, successorKey, type, lag, lagUnit });
    }
  }

  /** Parses a duration such as `5d`, `2,5t`, `3ed` or `16h`; returns `null` for a percentage lag when `allowPercent` is set. */
  private parseDuration(text: string, line: number, fieldName: string): { value: number; unit: DurationUnit };
  private parseDuration(text: string, line: number, fieldName: string, allowPercent: true): { value: number; unit: DurationUnit } | null;
  private parseDuration(text: string, line: number, fieldName: string, allowPercent = false): { value: number; unit: DurationUnit } | null {
    const match = /^([+-]?\d+(?:[.,]\d+)?)\s*([^\d\s?]*)\??$/.exec(text.trim());
    const amount = match === null ? Number.NaN : parseLocaleNumber(match[1] ?? '', this.settings.decimal);
    const word = timeUnitWord(match?.[2] || 'd');
    if (match === null || !Number.isFinite(amount) || word === undefined) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidValue',
        detail: { file: this.fileName, line, field: fieldName, value: text },
      });
    }
    if (word.unit === 'percent') {
      if (allowPercent) {
        return null;
      }
      throw new ProjectImportFailure({
        code: 'projectFile.invalidValue',
        detail: { file: this.fileName, line, field: fieldName, value: text },
      });
    }
    return toDays(amount, word.unit, word.elapsed, this.settings.workingTime);
  }

  /** Parses a date the file states for reading only, such as a finish; `null` when it is absent or malformed. */
  private statedDate(text: string): CalendarDate | null {
    try {
      return this.parseDate(text, 0, 'finish');
    } catch (error) {
      if (error instanceof ProjectImportFailure) {
        return null;
      }
      throw error;
    }
  }

  /** Parses a date such as `Tue 07/01/03`, `Di 07.01.03` or `07/01/2003 08:00` in the order of record 12; returns `null` for an empty or `NA` value. */
  private parseDate(text: string, line: number, fieldName: string): CalendarDate | null {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.toUpperCase() === 'NA') {
      return null;
    }
    const match = /(\d{1,4})\D(\d{1,2})\D(\d{1,4})/.exec(trimmed);
    if (match === null) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidValue',
        detail: { file: this.fileName, line, field: fieldName, value: trimmed },
      });
    }
    const parts = [Number(match[1]), Number(match[2]), Number(match[3])];
    const [year, month, day] =
      [
        [parts[2], parts[0], parts[1]],
        [parts[2], parts[1], parts[0]],
        [parts[0], parts[1], parts[2]],
      ][this.settings.dateOrder] ?? [];
    const date = `${String(expandYear(year ?? 0)).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isCalendarDate(date)) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidValue',
        detail: { file: this.fileName, line, field: fieldName, value: trimmed },
      });
    }
    return date;
  }
}

/**
 * Expands a two-digit year. MPX writes years with two digits; 70 to 99 are read as 1970 to
 * 1999 and 00 to 69 as 2000 to 2069.
 */
function expandYear(year: number): number {
  if (year >= 100) {
    return year;
  }
  return year >= 70 ? 1900 + year : 2000 + year;
}

function earliestConstraint(tasks: readonly SourceTask[]): CalendarDate | null {
  const dates = tasks.map((task) => task.startNoEarlierThan).filter((date): date is CalendarDate => date !== null);
  return dates.length === 0 ? null : ([...dates].sort()[0] ?? null);
}
