/**
 * Import of the plan CSV that `exportPlanCsv` writes. Only that layout is accepted: the header
 * must match `planCsvHeader`.
 */
import Papa from 'papaparse';
import type { CalendarDate } from '../../domain/types';
import type { DurationUnit } from '../../domain/plan';
import { isCalendarDate } from '../days';
import { planCsvHeader, predecessorSeparator, unescapeFormulaCell } from './csvFormat';
import { linkTypeWords } from './localeWords';
import type { SourceLink, SourcePlan, SourceTask } from './planBuilder';
import { ProjectImportFailure } from './types';

export function readCsvPlan(text: string, fileName: string): SourcePlan {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true, delimiter: ',' });
  const [header, ...rows] = parsed.data;
  if (
    header === undefined ||
    header.length !== planCsvHeader.length ||
    header.some((cell, index) => cell.trim() !== planCsvHeader[index])
  ) {
    throw new ProjectImportFailure({
      code: 'projectFile.unknownFormat',
      detail: { file: fileName, value: (header ?? []).join(',').slice(0, 200) },
    });
  }
  const tasks: SourceTask[] = [];
  const links: SourceLink[] = [];
  const starts: CalendarDate[] = [];
  rows.forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: (typeof planCsvHeader)[number]): string => cells[planCsvHeader.indexOf(column)] ?? '';
    const invalid = (field: string, value: string): ProjectImportFailure =>
      new ProjectImportFailure({ code: 'projectFile.invalidValue', detail: { file: fileName, line, field, value } });
    if (cells.length !== planCsvHeader.length) {
      throw new ProjectImportFailure({ code: 'projectFile.invalidRecord', detail: { file: fileName, line, value: cells.length } });
    }
    const key = cell('ID').trim();
    const duration = parseAmount(cell('Duration'));
    if (duration === null || duration.value < 0) {
      throw invalid('Duration', cell('Duration'));
    }
    const constraint = cell('Start no earlier than').trim();
    if (constraint !== '' && !isCalendarDate(constraint)) {
      throw invalid('Start no earlier than', constraint);
    }
    const progress = Number(cell('Progress'));
    if (cell('Progress').trim() === '' || !Number.isFinite(progress)) {
      throw invalid('Progress', cell('Progress'));
    }
    const start = cell('Start').trim();
    if (isCalendarDate(start)) {
      starts.push(start);
    }
    tasks.push({
      key,
      parentKey: cell('Parent ID').trim() || null,
      name: unescapeFormulaCell(cell('Name')),
      duration: duration.value,
      durationUnit: duration.unit,
      milestone: duration.value === 0,
      progress,
      startNoEarlierThan: constraint === '' ? null : constraint,
      notes: unescapeFormulaCell(cell('Notes')),
      calendarKey: null,
      owner: unescapeFormulaCell(cell('Owner')),
    });
    for (const item of cell('Predecessors').split(predecessorSeparator)) {
      const text = item.trim();
      if (text === '') {
        continue;
      }
      const match = /^(\d+)([A-Z]{2})([+-]\d+(?:ed|d))?$/.exec(text);
      const type = linkTypeWords[match?.[2] ?? ''];
      if (match === null || type === undefined) {
        throw invalid('Predecessors', text);
      }
      const lag = match[3] === undefined ? { value: 0, unit: 'workingDays' as const } : parseAmount(match[3]);
      links.push({ predecessorKey: match[1] ?? '', successorKey: key, type, lag: lag?.value ?? 0, lagUnit: lag?.unit ?? 'workingDays' });
    }
  });
  return { title: '', description: '', startOn: [...starts].sort()[0] ?? null, calendarKey: null, tasks, links, calendars: [] };
}

/** Parses `5d`, `3ed` or `-2d` into a whole amount and its unit; `null` when malformed. */
function parseAmount(text: string): { value: number; unit: DurationUnit } | null {
  const match = /^([+-]?\d+)(ed|d)$/.exec(text.trim());
  if (match === null) {
    return null;
  }
  return { value: Number(match[1]), unit: match[2] === 'ed' ? 'calendarDays' : 'workingDays' };
}
