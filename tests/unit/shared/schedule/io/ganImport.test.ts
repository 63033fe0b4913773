import { describe, expect, it } from 'vitest';
import { importFixture, linkLines, notesWithCode, schedule, taskNamed } from './projectFiles';

describe('GanttProject import', () => {
  const { plan, report } = importFixture('contact-centre.gan');

  it('reads nested tasks in order', () => {
    expect(report.format).toBe('gan');
    expect(plan.plan.title).toBe('Contact centre migration');
    expect(plan.plan.description).toBe('Move the contact centre to the new provider in two phases.');
    const migration = taskNamed(plan, 'Migration');
    expect(plan.tasks.filter((task) => task.parentId === migration.id).map((task) => task.name)).toEqual([
      'Train agents',
      'Nesting',
      'Cut over',
    ]);
    expect(report.converted).toEqual({ tasks: 10, summaryTasks: 2, milestones: 2, dependencies: 5, calendars: 1, startConstraints: 2 });
  });

  it('trims trailing spaces in names', () => {
    expect(taskNamed(plan, 'Agree scope').name).toBe('Agree scope');
    expect(notesWithCode(report.notes, 'nameTrimmed').map((note) => note.detail.task)).toEqual(['Agree scope', 'Cut over']);
  });

  it('reads links, including from summary tasks', () => {
    expect(linkLines(plan)).toEqual([
      'Agree scope FS 0 workingDays -> Scope signed off',
      'Migration FS 0 workingDays -> Hypercare',
      'Recruit agents FF 0 workingDays -> Cut over',
      'Recruit agents SS -1 workingDays -> Nesting',
      'Scope signed off FS 2 workingDays -> Train agents',
    ]);
  });

  it('drops self and duplicate links', () => {
    expect(notesWithCode(report.notes, 'selfDependency')[0]?.detail).toEqual({ task: 'Agree scope' });
    expect(notesWithCode(report.notes, 'duplicateDependency')[0]?.detail).toEqual({
      predecessor: 'Recruit agents',
      task: 'Cut over',
      type: 'SF',
    });
  });

  it('pins unlinked tasks to their start', () => {
    expect(taskNamed(plan, 'Recruit agents').startNoEarlierThan).toBe('2025-01-13');
    expect(taskNamed(plan, 'Quality audit').startNoEarlierThan).toBe('2025-02-10');
    expect(taskNamed(plan, 'Agree scope').startNoEarlierThan).toBeNull();
    expect(taskNamed(plan, 'Hypercare').startNoEarlierThan).toBeNull();
  });

  it('reads weekends and holidays', () => {
    const calendar = plan.calendars[0];
    expect(calendar?.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(calendar?.holidays).toEqual(['2025-01-20', '2025-12-25', '2026-12-25', '2027-12-25']);
    expect(notesWithCode(report.notes, 'calendarExceptionDropped')[0]?.detail).toEqual({
      calendar: 'default',
      from: '2025-02-01',
      to: '2025-02-01',
      type: 'WORKING_DAY',
    });
  });

  it('keeps progress, milestones and notes', () => {
    expect(taskNamed(plan, 'Agree scope').progress).toBe(100);
    expect(taskNamed(plan, 'Scope signed off').duration).toBe(0);
    expect(taskNamed(plan, 'Recruit agents').notes).toBe('Hiring plan agreed with the provider');
  });

  it('makes the allocated resource the owner', () => {
    expect(taskNamed(plan, 'Train agents').owner).toBe('Team lead');
    expect(notesWithCode(report.notes, 'resourcesAsOwners')[0]?.detail).toEqual({ count: 1 });
    expect(notesWithCode(report.notes, 'resourcesDropped')).toEqual([]);
    expect(notesWithCode(report.notes, 'assignmentsDropped')).toEqual([]);
  });

  it('reports costs and custom fields', () => {
    expect(notesWithCode(report.notes, 'costsDropped')[0]?.detail).toEqual({ count: 1 });
    expect(notesWithCode(report.notes, 'customFieldsDropped')[0]?.detail).toEqual({ count: 1 });
  });

  it('schedules as GanttProject dates it', () => {
    const outcome = schedule(plan);
    expect(outcome.issues).toEqual([]);
    if (!outcome.ok) {
      return;
    }
    const startOf = (name: string): string | undefined =>
      outcome.schedule.tasks.find((task) => task.taskId === taskNamed(plan, name).id)?.earlyStart;
    // Agree scope runs 6 to 8 January; Train agents starts 2 working days after the milestone.
    expect(startOf('Scope signed off')).toBe('2025-01-09');
    expect(startOf('Train agents')).toBe('2025-01-13');
    expect(startOf('Recruit agents')).toBe('2025-01-13');
  });
});
