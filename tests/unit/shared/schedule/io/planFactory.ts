import type { ImportedCalendar, ImportedPlan, ImportedTask } from '../../../../../shared/schedule/io/types';

function task(id: string, fields: Partial<ImportedTask> & Pick<ImportedTask, 'name' | 'order'>): ImportedTask {
  return {
    id,
    parentId: null,
    duration: 0,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 0,
    owner: '',
    notes: '',
    calendarId: null,
    goNoGo: false,
    templateKey: null,
    ...fields,
  };
}

const calendars: ImportedCalendar[] = [
  { id: 'uk', name: 'UK office', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-04-03', '2026-04-06', '2026-05-04'], site: '' },
  { id: 'pune', name: 'Pune site', workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ['2026-03-04', '2026-03-26'], site: 'Pune' },
  { id: 'manila', name: 'Manila site', workingWeekdays: [1, 2, 3, 4, 7], holidays: ['2026-04-09'], site: 'Manila' },
];

/**
 * Returns a payroll transition plan for round trips. Its plan calendar has holidays, and of two
 * site calendars one is set on a summary task and inherited. Owners have one and two names,
 * notes have line breaks, quotes and markup, and one owner would run as a spreadsheet formula.
 * It has a start constraint, a milestone, and links of all four types with leads and lags in
 * working and calendar days.
 */
export function transitionPlan(): ImportedPlan {
  return {
    plan: { title: 'Payroll transition wave 1', description: '', startOn: '2026-03-02', calendarId: 'uk', templateKey: null },
    calendars,
    tasks: [
      task('kt', { name: 'Knowledge transfer', order: 0, calendarId: 'pune' }),
      task('document', {
        name: 'Document payroll runs',
        order: 0,
        parentId: 'kt',
        duration: 5,
        progress: 40,
        owner: 'Asha Rao',
        notes: 'Line one\nLine two, with a comma and "quotes"',
        calendarId: 'uk',
      }),
      task('shadow', { name: 'Shadow the team', order: 1, parentId: 'kt', duration: 4, owner: 'Ravi Kumar, Asha Rao' }),
      task('reverse', { name: 'Reverse shadow', order: 2, parentId: 'kt', duration: 3, durationUnit: 'calendarDays' }),
      task('pilot', {
        name: 'Pilot run',
        order: 1,
        duration: 10,
        startNoEarlierThan: '2026-03-20',
        owner: '=Ops lead',
        notes: '<b>cut-over</b> & "dry run" -- see runbook',
      }),
      task('golive', { name: 'Go-live decision', order: 2 }),
      task('hypercare', { name: 'Hypercare', order: 3, duration: 15, owner: 'Ops team' }),
      task('report', { name: 'Stabilisation report', order: 4, duration: 2, calendarId: 'manila' }),
    ],
    dependencies: [
      { id: 'l1', predecessorId: 'document', successorId: 'shadow', type: 'FS', lag: 1, lagUnit: 'workingDays' },
      { id: 'l2', predecessorId: 'shadow', successorId: 'reverse', type: 'SS', lag: -1, lagUnit: 'workingDays' },
      { id: 'l3', predecessorId: 'reverse', successorId: 'pilot', type: 'FF', lag: 2, lagUnit: 'calendarDays' },
      { id: 'l4', predecessorId: 'pilot', successorId: 'golive', type: 'SF', lag: 0, lagUnit: 'workingDays' },
      { id: 'l5', predecessorId: 'golive', successorId: 'hypercare', type: 'FS', lag: 3, lagUnit: 'calendarDays' },
      { id: 'l6', predecessorId: 'kt', successorId: 'hypercare', type: 'SS', lag: 10, lagUnit: 'workingDays' },
      { id: 'l7', predecessorId: 'hypercare', successorId: 'report', type: 'FF', lag: -2, lagUnit: 'calendarDays' },
      { id: 'l8', predecessorId: 'document', successorId: 'pilot', type: 'FS', lag: -2, lagUnit: 'workingDays' },
    ],
  };
}
