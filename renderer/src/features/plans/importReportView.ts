/**
 * The import report of a project file as the screen shows it: counts of what was converted, and
 * one sentence key with its values for each entry that was changed or dropped. Pure.
 */
import type { ErrorDetail } from '@shared/errors';
import type { ProjectImportNote, ProjectImportReport } from '@shared/schedule/io/types';

/** One report entry, ready for `t(key, values)`. */
export interface ReportLine {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
}

export interface ReportView {
  readonly converted: readonly { readonly key: keyof ProjectImportReport['converted']; readonly count: number }[];
  readonly changed: readonly ReportLine[];
  readonly dropped: readonly ReportLine[];
}

/** Order in which the counts are listed. */
const convertedOrder: readonly (keyof ProjectImportReport['converted'])[] = [
  'tasks',
  'summaryTasks',
  'milestones',
  'dependencies',
  'calendars',
  'startConstraints',
];

/**
 * Returns the values of a note's sentence: the note's detail, with a duration unit replaced by
 * `unitLabel(unit)` and an exception's `from` and `to` joined into one `period`.
 */
function noteValues(detail: ErrorDetail, unitLabel: (unit: string) => string): Record<string, string | number> {
  const values: Record<string, string | number> = { ...detail };
  if (typeof detail.unit === 'string') values.unit = unitLabel(detail.unit);
  const from = typeof detail.from === 'string' ? detail.from : '';
  const to = typeof detail.to === 'string' ? detail.to : '';
  values.period = to === '' || to === from ? from : `${from} – ${to}`;
  return values;
}

function lineOf(note: ProjectImportNote, unitLabel: (unit: string) => string): ReportLine {
  return { key: `projectImport.${note.code}`, values: noteValues(note.detail, unitLabel) };
}

/** Builds the view of `report`; `unitLabel` translates `workingDays` and `calendarDays`. */
export function buildReportView(report: ProjectImportReport, unitLabel: (unit: string) => string): ReportView {
  return {
    converted: convertedOrder.map((key) => ({ key, count: report.converted[key] })),
    changed: report.notes.filter((note) => note.kind === 'changed').map((note) => lineOf(note, unitLabel)),
    dropped: report.notes.filter((note) => note.kind === 'dropped').map((note) => lineOf(note, unitLabel)),
  };
}
