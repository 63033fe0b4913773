/**
 * The import report of a project file as the screen shows it: counts of what was converted, and
 * one sentence key with its values for each entry that was changed or dropped. Pure.
 */
import type { TFunction } from 'i18next';
import type { CalendarDate } from '@shared/domain/types';
import type { ErrorDetail } from '@shared/errors';
import { isCalendarDate } from '@shared/schedule/days';
import { noteNameSeparator } from '@shared/schedule/io/types';
import type { ProjectImportNote, ProjectImportReport } from '@shared/schedule/io/types';
import { translateDynamic } from '../../i18n/dynamic';

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

/** Texts the view fills into the sentences, in the user's language and locale. */
export interface ReportLabels {
  /** Name of a duration unit, `workingDays` or `calendarDays`. */
  readonly unit: (unit: string) => string;
  /** A `YYYY-MM-DD` date for reading. */
  readonly date: (date: CalendarDate) => string;
  /** A list of task names, of which `total` exist; `names` may be the first few of them. */
  readonly names: (names: readonly string[], total: number) => string;
  /** The sentence that explains why dates differ, by its key under `projectImport.reasons`. */
  readonly reason: (reason: string) => string;
}

/** Returns the labels from the translation `t` and the `Intl` formats of `locale`. */
export function reportLabels(t: TFunction, locale: string): ReportLabels {
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    unit: (unit) => translateDynamic(t, `plans.units.${unit}`, { defaultValue: unit }),
    date: (date) =>
      dateFormat.format(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))))),
    names: (names, total) => {
      const items: string[] = names.map((name) => t('plans.import.listedName', { name }));
      if (total > names.length) items.push(t('plans.import.moreNames', { count: total - names.length }));
      return listFormat.format(items);
    },
    reason: (reason) => translateDynamic(t, `projectImport.reasons.${reason}`, { defaultValue: '' }),
  };
}

/** Returns the sentence of a report line. A note without a reason ends in the space before `{{reason}}`, which is removed. */
export function reportSentence(t: TFunction, line: ReportLine): string {
  return translateDynamic(t, line.key, line.values).trim();
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

/** Detail keys whose value is a date when it has the form `YYYY-MM-DD`. */
const dateKeys = ['date', 'from', 'to', 'fileFinish', 'finish'] as const;

/**
 * Returns the values of a note's sentence: the note's detail with dates, the duration unit, a
 * list of task names and a reason put into words, and an exception's `from` and `to` joined
 * into one `period`.
 */
function noteValues(detail: ErrorDetail, labels: ReportLabels): Record<string, string | number> {
  const values: Record<string, string | number> = { ...detail };
  for (const key of dateKeys) {
    const value = detail[key];
    if (typeof value === 'string' && isCalendarDate(value)) values[key] = labels.date(value);
  }
  if (typeof detail.unit === 'string') values.unit = labels.unit(detail.unit);
  if (typeof detail.tasks === 'string') {
    const total = typeof detail.count === 'number' ? detail.count : 0;
    values.tasks = labels.names(detail.tasks.split(noteNameSeparator), total);
  }
  if (typeof detail.reason === 'string') values.reason = detail.reason === '' ? '' : labels.reason(detail.reason);
  const from = typeof values.from === 'string' ? values.from : '';
  const to = typeof values.to === 'string' ? values.to : '';
  values.period = to === '' || to === from ? from : `${from} – ${to}`;
  return values;
}

function lineOf(note: ProjectImportNote, labels: ReportLabels): ReportLine {
  return { key: `projectImport.${note.code}`, values: noteValues(note.detail, labels) };
}

/** Builds the view of `report`. */
export function buildReportView(report: ProjectImportReport, labels: ReportLabels): ReportView {
  return {
    converted: convertedOrder.map((key) => ({ key, count: report.converted[key] })),
    changed: report.notes.filter((note) => note.kind === 'changed').map((note) => lineOf(note, labels)),
    dropped: report.notes.filter((note) => note.kind === 'dropped').map((note) => lineOf(note, labels)),
  };
}
