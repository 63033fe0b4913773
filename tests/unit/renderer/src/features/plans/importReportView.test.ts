import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectImportNote, ProjectImportReport } from '../../../../../../shared/schedule/io/types';
import { buildReportView, reportLabels, reportSentence } from '../../../../../../renderer/src/features/plans/importReportView';
import type { ReportLabels } from '../../../../../../renderer/src/features/plans/importReportView';
import { en } from '../../../../../../renderer/src/i18n/en';
import { importFixture } from '../../../../shared/schedule/io/projectFiles';

const report: ProjectImportReport = {
  format: 'mspdi',
  encoding: 'utf-8',
  converted: { tasks: 4, summaryTasks: 1, milestones: 1, dependencies: 3, calendars: 2, startConstraints: 0 },
  notes: [
    { kind: 'changed', code: 'durationRounded', detail: { task: 'Pilot', value: 2.5, rounded: 3, unit: 'workingDays' } },
    { kind: 'dropped', code: 'calendarExceptionDropped', detail: { calendar: 'Standard', from: '2026-12-24', to: '2026-12-31' } },
    { kind: 'dropped', code: 'calendarExceptionDropped', detail: { calendar: 'Standard', from: 'Works Saturday', to: '' } },
  ],
};

/** Labels that show which callback filled a value. */
const markedLabels: ReportLabels = {
  unit: (unit) => (unit === 'workingDays' ? 'working days' : 'calendar days'),
  date: (date) => `<${date}>`,
  names: (names, total) => `${names.join('|')} of ${String(total)}`,
  reason: (reason) => `because ${reason}`,
};

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

/** English sentence of one note, with British dates. */
function sentence(note: ProjectImportNote): string {
  const view = buildReportView({ ...report, notes: [note] }, reportLabels(t, 'en-GB'));
  const line = view.changed[0] ?? view.dropped[0];
  if (line === undefined) throw new Error('the note made no line');
  return reportSentence(t, line);
}

describe('buildReportView', () => {
  const view = buildReportView(report, markedLabels);

  it('lists every count in a fixed order', () => {
    expect(view.converted.map((entry) => entry.key)).toEqual([
      'tasks',
      'summaryTasks',
      'milestones',
      'dependencies',
      'calendars',
      'startConstraints',
    ]);
    expect(view.converted[0]?.count).toBe(4);
  });

  it('translates the duration unit', () => {
    expect(view.changed).toHaveLength(1);
    expect(view.changed[0]?.key).toBe('projectImport.durationRounded');
    expect(view.changed[0]?.values).toMatchObject({ task: 'Pilot', rounded: 3, unit: 'working days' });
  });

  it('joins an exception period of dates', () => {
    expect(view.dropped.map((line) => line.values.period)).toEqual(['<2026-12-24> – <2026-12-31>', 'Works Saturday']);
  });

  it('formats dates, names and the reason', () => {
    const notes: ProjectImportNote[] = [
      {
        kind: 'changed',
        code: 'taskFinishesDiffer',
        detail: { count: 12, task: 'Run', fileFinish: '2025-03-25', finish: '2025-03-12', reason: 'hours' },
      },
      { kind: 'changed', code: 'recurringTasksKept', detail: { count: 12, tasks: 'A\nB' } },
    ];
    const [finish, recurring] = buildReportView({ ...report, notes }, markedLabels).changed;
    expect(finish?.values).toMatchObject({ fileFinish: '<2025-03-25>', finish: '<2025-03-12>', reason: 'because hours' });
    expect(recurring?.values.tasks).toBe('A|B of 12');
  });

  it('keeps every note of a real file', () => {
    const { report: german } = importFixture('german-locale.mpx');
    const real = buildReportView(german, markedLabels);
    expect(real.changed.length + real.dropped.length).toBe(german.notes.length);
  });
});

describe('import report sentences', () => {
  it('lists recurring tasks kept', () => {
    expect(sentence({ kind: 'changed', code: 'recurringTasksKept', detail: { count: 3, tasks: 'Review\nReview 1\nReview 2' } })).toBe(
      '3 recurring tasks were imported as ordinary tasks: “Review”, “Review 1” and “Review 2”. Each occurrence in the file is a task of its own; a plan does not repeat tasks.',
    );
  });

  it('names one recurring task', () => {
    expect(sentence({ kind: 'changed', code: 'recurringTasksKept', detail: { count: 1, tasks: 'Weekly review' } })).toBe(
      'A recurring task was imported as an ordinary task: “Weekly review”. Each occurrence in the file is a task of its own; a plan does not repeat tasks.',
    );
  });

  it('counts names beyond the list', () => {
    expect(sentence({ kind: 'changed', code: 'recurringTasksKept', detail: { count: 12, tasks: 'A\nB' } })).toContain(
      '“A”, “B” and 10 more.',
    );
  });

  it('says which calendar was assumed', () => {
    expect(sentence({ kind: 'changed', code: 'noCalendar', detail: {} })).toBe(
      'No calendar in the file: used Monday to Friday without holidays.',
    );
  });

  it('gives the finish difference and its reason', () => {
    const detail = { fileFinish: '2003-03-18', finish: '2003-05-26', count: 49, reason: 'hours' };
    expect(sentence({ kind: 'changed', code: 'planFinishLater', detail })).toBe(
      'The file gives 18 Mar 2003 as the finish, but work in the imported plan ends on 26 May 2003, 49 working days later. ' +
        'The planning tool schedules in hours, with its working hours and resource calendars, while a plan counts whole working days of its calendars, so dates can differ.',
    );
  });

  it('says one working day earlier for a CSV', () => {
    const detail = { fileFinish: '2026-04-14', finish: '2026-04-13', count: 1, reason: 'csv' };
    expect(sentence({ kind: 'changed', code: 'planFinishEarlier', detail })).toMatch(
      /^The file gives 14 Apr 2026 as the finish, but work in the imported plan ends on 13 Apr 2026, 1 working day earlier\. Start and Finish in a plan CSV/,
    );
  });

  it('ends a task difference without a reason', () => {
    const detail = { count: 2, task: 'Second Task', fileFinish: '2003-03-18', finish: '2003-05-26', reason: '' };
    expect(sentence({ kind: 'changed', code: 'taskFinishesDiffer', detail })).toBe(
      '2 tasks finish on other dates than the file gives, for example “Second Task” on 26 May 2003 instead of 18 Mar 2003.',
    );
  });

  it('names the joined owner', () => {
    expect(
      sentence({
        kind: 'changed',
        code: 'ownersJoined',
        detail: { task: 'Second Task', count: 2, owner: 'First Resource, Second Resource' },
      }),
    ).toBe('“Second Task”: its 2 resources were joined into the owner “First Resource, Second Resource”.');
  });

  it('gives the rolled-up duration with its unit', () => {
    expect(sentence({ kind: 'changed', code: 'rolledUpDurationUsed', detail: { task: 'Wave 1', value: 21, unit: 'workingDays' } })).toBe(
      '“Wave 1”: no tasks are below it any more, so its rolled-up duration of 21 working days became its own duration.',
    );
  });
});
