import { describe, expect, it } from 'vitest';
import type { ProjectImportReport } from '../../../../../../shared/schedule/io/types';
import { buildReportView } from '../../../../../../renderer/src/features/plans/importReportView';
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

describe('buildReportView', () => {
  const view = buildReportView(report, (unit) => (unit === 'workingDays' ? 'working days' : 'calendar days'));

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

  it('joins an exception period', () => {
    expect(view.dropped.map((line) => line.values.period)).toEqual(['2026-12-24 – 2026-12-31', 'Works Saturday']);
  });

  it('keeps every note of a real file', () => {
    const { report: german } = importFixture('german-locale.mpx');
    const real = buildReportView(german, (unit) => unit);
    expect(real.changed.length + real.dropped.length).toBe(german.notes.length);
  });
});
