import { describe, expect, test } from 'vitest';
import type { Schedule, ScheduledTask } from '../../../../shared/schedule/engine';
import { schedulePlan } from '../../../../shared/schedule/engine';
import type { ScheduleInput } from '../../../../shared/schedule/model';
import { makeInput, makeLink, makeTask, mondayToFriday } from './factories';

function scheduleOf(input: ScheduleInput): Schedule {
  const outcome = schedulePlan(input);
  if (!outcome.ok) {
    throw new Error(`Scheduling failed: ${JSON.stringify(outcome.issues)}`);
  }
  return outcome.schedule;
}

function taskOf(schedule: Schedule, id: string): ScheduledTask {
  const task = schedule.tasks.find((entry) => entry.taskId === id);
  if (task === undefined) {
    throw new Error(`No task ${id}`);
  }
  return task;
}

// A (3 days) feeds B (2) and C (4), which both feed D (1). From Monday 2021-02-01:
// A 02-01..02-03, B 02-04..02-05, C 02-04..02-09, D 02-10. B can slip two days.
const diamond = makeInput(
  [makeTask('a', 3), makeTask('b', 2), makeTask('c', 4), makeTask('d', 1)],
  [makeLink('a', 'b'), makeLink('a', 'c'), makeLink('b', 'd'), makeLink('c', 'd')],
);

describe('critical path', () => {
  test('diamond early dates', () => {
    const schedule = scheduleOf(diamond);
    expect(taskOf(schedule, 'c').earlyFinish).toBe('2021-02-09');
    expect(taskOf(schedule, 'd').earlyStart).toBe('2021-02-10');
    expect(schedule.planFinish).toBe('2021-02-10');
  });

  test('diamond late dates and float', () => {
    const schedule = scheduleOf(diamond);
    const b = taskOf(schedule, 'b');
    expect(b.lateStart).toBe('2021-02-08');
    expect(b.lateFinish).toBe('2021-02-09');
    expect(b.totalFloat).toBe(2);
    expect(b.critical).toBe(false);
  });

  test('diamond critical path order', () => {
    expect(scheduleOf(diamond).criticalPath).toEqual(['a', 'c', 'd']);
  });

  test('float counts working days only', () => {
    // B (1 day, Monday) and C (6 days, Monday to the next Monday) both feed D.
    const input = makeInput([makeTask('b', 1), makeTask('c', 6), makeTask('d', 1)], [makeLink('b', 'd'), makeLink('c', 'd')]);
    const schedule = scheduleOf(input);
    expect(taskOf(schedule, 'b').lateStart).toBe('2021-02-08');
    expect(taskOf(schedule, 'b').totalFloat).toBe(5);
  });

  test('unlinked shorter task has float to plan finish', () => {
    const schedule = scheduleOf(makeInput([makeTask('long', 10), makeTask('short', 4)]));
    expect(taskOf(schedule, 'short').totalFloat).toBe(6);
    expect(taskOf(schedule, 'long').critical).toBe(true);
  });

  test('start constraint delays the chain', () => {
    const schedule = scheduleOf(
      makeInput([makeTask('a', 2, { startNoEarlierThan: '2021-02-10' }), makeTask('b', 1)], [makeLink('a', 'b')]),
    );
    expect(taskOf(schedule, 'a').earlyStart).toBe('2021-02-10');
    expect(taskOf(schedule, 'b').earlyStart).toBe('2021-02-12');
  });

  test('calendar-day task chain stays critical', () => {
    // 10 calendar days from Monday 02-01 end Wednesday 02-10; the next task starts 02-11.
    const input = makeInput([makeTask('a', 10, { durationUnit: 'calendarDays' }), makeTask('b', 2)], [makeLink('a', 'b')]);
    const schedule = scheduleOf(input);
    expect(taskOf(schedule, 'a').earlyFinish).toBe('2021-02-10');
    expect(taskOf(schedule, 'b').earlyStart).toBe('2021-02-11');
    expect(schedule.criticalPath).toEqual(['a', 'b']);
  });
});

describe('cycles and bad links', () => {
  test('cycle rejected naming tasks in order', () => {
    const input = makeInput(
      [makeTask('a', 1), makeTask('b', 1), makeTask('c', 1), makeTask('d', 1)],
      [makeLink('d', 'a'), makeLink('a', 'b'), makeLink('b', 'c'), makeLink('c', 'a')],
    );
    const outcome = schedulePlan(input);
    expect(outcome.ok).toBe(false);
    const issue = outcome.issues.find((entry) => entry.code === 'schedule.dependencyCycle');
    expect(issue?.severity).toBe('error');
    const ids = String(issue?.detail.taskIds).split(',');
    expect(ids).toHaveLength(3);
    const links = new Set(['a>b', 'b>c', 'c>a']);
    ids.forEach((id, index) => {
      expect(links.has(`${id}>${ids[(index + 1) % ids.length] ?? ''}`)).toBe(true);
    });
    expect(String(issue?.detail.tasks)).toContain('Task a');
  });

  test('self-dependency dropped with warning', () => {
    const outcome = schedulePlan(makeInput([makeTask('a', 2)], [makeLink('a', 'a')]));
    expect(outcome.ok).toBe(true);
    expect(outcome.issues.map((issue) => [issue.code, issue.severity, issue.recordId])).toEqual([
      ['schedule.selfDependency', 'warning', 'a-FS-a'],
    ]);
  });

  test('unknown task link dropped with warning', () => {
    const outcome = schedulePlan(makeInput([makeTask('a', 2)], [makeLink('a', 'ghost')]));
    expect(outcome.ok).toBe(true);
    expect(outcome.issues[0]?.code).toBe('schedule.unknownTask');
    expect(outcome.issues[0]?.field).toBe('successorId');
  });

  test('link between summary and own child dropped', () => {
    const input = makeInput([makeTask('s', 0), makeTask('a', 2, { parentId: 's' })], [makeLink('s', 'a')]);
    const outcome = schedulePlan(input);
    expect(outcome.ok).toBe(true);
    expect(outcome.issues[0]?.code).toBe('schedule.dependencyWithinSummary');
  });

  test('fractional lag rejected', () => {
    const outcome = schedulePlan(makeInput([makeTask('a', 2), makeTask('b', 2)], [makeLink('a', 'b', 'FS', 1.5)]));
    expect(outcome.ok).toBe(false);
    expect(outcome.issues[0]?.code).toBe('schedule.invalidLag');
  });
});

describe('input validation', () => {
  const cases: readonly { name: string; input: ScheduleInput; code: string; field: string | null }[] = [
    { name: 'negative duration', input: makeInput([makeTask('a', -1)]), code: 'schedule.invalidDuration', field: 'duration' },
    { name: 'fractional duration', input: makeInput([makeTask('a', 2.5)]), code: 'schedule.invalidDuration', field: 'duration' },
    {
      name: 'progress above 100',
      input: makeInput([makeTask('a', 2, { progress: 101 })]),
      code: 'schedule.invalidProgress',
      field: 'progress',
    },
    { name: 'unknown parent', input: makeInput([makeTask('a', 2, { parentId: 'x' })]), code: 'schedule.unknownParent', field: 'parentId' },
    {
      name: 'parent loop',
      input: makeInput([makeTask('a', 2, { parentId: 'b' }), makeTask('b', 2, { parentId: 'a' })]),
      code: 'schedule.parentCycle',
      field: 'parentId',
    },
    {
      name: 'unknown task calendar',
      input: makeInput([makeTask('a', 2, { calendarId: 'x' })]),
      code: 'schedule.unknownCalendar',
      field: 'calendarId',
    },
    {
      name: 'invalid constraint date',
      input: makeInput([makeTask('a', 2, { startNoEarlierThan: '2021-02-30' })]),
      code: 'schedule.invalidDate',
      field: 'startNoEarlierThan',
    },
    {
      name: 'invalid plan start',
      input: makeInput([makeTask('a', 2)], [], { startOn: '01/02/2021' }),
      code: 'schedule.invalidDate',
      field: 'startOn',
    },
    {
      name: 'calendar without working weekday',
      input: makeInput([makeTask('a', 2)], [], { calendars: [{ id: 'c', workingWeekdays: [], holidays: [] }] }),
      code: 'schedule.noWorkingWeekday',
      field: 'workingWeekdays',
    },
    {
      name: 'weekday out of range',
      input: makeInput([makeTask('a', 2)], [], { calendars: [{ id: 'c', workingWeekdays: [0, 1], holidays: [] }] }),
      code: 'schedule.invalidWeekday',
      field: 'workingWeekdays',
    },
    {
      name: 'invalid holiday',
      input: makeInput([makeTask('a', 2)], [], { calendars: [{ id: 'c', workingWeekdays: [1], holidays: ['2021-13-01'] }] }),
      code: 'schedule.invalidDate',
      field: 'holidays',
    },
  ];

  test.each(cases)('$name rejected', ({ input, code, field }) => {
    const outcome = schedulePlan(input);
    expect(outcome.ok).toBe(false);
    expect(outcome.issues[0]?.code).toBe(code);
    expect(outcome.issues[0]?.field).toBe(field);
  });

  test('empty plan schedules', () => {
    const schedule = scheduleOf(makeInput([]));
    expect(schedule.tasks).toEqual([]);
    expect(schedule.planFinish).toBe('2021-02-01');
  });
});

describe('site calendars', () => {
  // Sunday to Thursday, with 2021-02-02 a public holiday.
  const gulfSite = { id: 'dubai', workingWeekdays: [7, 1, 2, 3, 4], holidays: ['2021-02-02'] };

  test('task follows its own calendar', () => {
    const input = makeInput([makeTask('a', 5, { calendarId: 'dubai' })], [], {
      startOn: '2021-01-31',
      calendars: [mondayToFriday, gulfSite],
    });
    // Working days: Sun 01-31, Mon 02-01, Wed 02-03, Thu 02-04, Sun 02-07.
    const task = taskOf(scheduleOf(input), 'a');
    expect(task.earlyStart).toBe('2021-01-31');
    expect(task.earlyFinish).toBe('2021-02-07');
  });

  test('child inherits summary calendar', () => {
    const input = makeInput(
      [makeTask('wave', 0, { calendarId: 'dubai' }), makeTask('a', 3, { parentId: 'wave', startNoEarlierThan: '2021-02-05' })],
      [],
      { calendars: [mondayToFriday, gulfSite] },
    );
    // Friday 02-05 and Saturday 02-06 are the Dubai weekend.
    const task = taskOf(scheduleOf(input), 'a');
    expect(task.earlyStart).toBe('2021-02-07');
    expect(task.earlyFinish).toBe('2021-02-09');
  });

  test('plan calendar task and site task linked', () => {
    const input = makeInput([makeTask('uk', 4), makeTask('dubai', 1, { calendarId: 'dubai' })], [makeLink('uk', 'dubai')], {
      calendars: [mondayToFriday, gulfSite],
    });
    // UK task Mon 02-01..Thu 02-04; the Dubai task waits for Sunday 02-07, so the UK task
    // may slip by its Friday without moving the Dubai task.
    const schedule = scheduleOf(input);
    expect(taskOf(schedule, 'dubai').earlyStart).toBe('2021-02-07');
    expect(taskOf(schedule, 'uk').lateFinish).toBe('2021-02-05');
    expect(taskOf(schedule, 'uk').totalFloat).toBe(1);
  });
});

describe('summary tasks', () => {
  test('dates roll up from children', () => {
    const input = makeInput(
      [makeTask('s', 0), makeTask('a', 5, { parentId: 's', order: 1 }), makeTask('b', 3, { parentId: 's', order: 2 })],
      [makeLink('a', 'b')],
    );
    const summary = taskOf(scheduleOf(input), 's');
    expect(summary.summary).toBe(true);
    expect(summary.earlyStart).toBe('2021-02-01');
    expect(summary.earlyFinish).toBe('2021-02-10');
    expect(summary.workingDays).toBe(8);
    expect(summary.critical).toBe(true);
  });

  test('link from summary waits for all children', () => {
    const input = makeInput(
      [makeTask('s', 0), makeTask('a', 5, { parentId: 's' }), makeTask('b', 2, { parentId: 's' }), makeTask('next', 1)],
      [makeLink('s', 'next')],
    );
    expect(taskOf(scheduleOf(input), 'next').earlyStart).toBe('2021-02-08');
  });

  test('link to summary delays all children', () => {
    const input = makeInput(
      [makeTask('first', 2), makeTask('s', 0), makeTask('a', 5, { parentId: 's' }), makeTask('b', 2, { parentId: 's' })],
      [makeLink('first', 's')],
    );
    const schedule = scheduleOf(input);
    expect(taskOf(schedule, 'a').earlyStart).toBe('2021-02-03');
    expect(taskOf(schedule, 'b').earlyStart).toBe('2021-02-03');
  });

  test('summary constraint applies to children', () => {
    const input = makeInput([makeTask('s', 0, { startNoEarlierThan: '2021-03-01' }), makeTask('a', 1, { parentId: 's' })]);
    expect(taskOf(scheduleOf(input), 'a').earlyStart).toBe('2021-03-01');
  });

  test('chained and parallel progress equal', () => {
    const tasks = [
      makeTask('s', 0),
      makeTask('a', 10, { parentId: 's', progress: 50 }),
      makeTask('b', 30, { parentId: 's', progress: 10 }),
    ];
    const chained = taskOf(scheduleOf(makeInput(tasks, [makeLink('a', 'b')])), 's');
    const parallel = taskOf(scheduleOf(makeInput(tasks)), 's');
    // (10 * 50 + 30 * 10) / 40
    expect(chained.progress).toBe(20);
    expect(parallel.progress).toBe(20);
  });

  test('nested summary weighs leaf tasks', () => {
    const tasks = [
      makeTask('top', 0),
      makeTask('phase', 0, { parentId: 'top' }),
      makeTask('a', 2, { parentId: 'phase', progress: 100 }),
      makeTask('b', 6, { parentId: 'top', progress: 0 }),
    ];
    const schedule = scheduleOf(makeInput(tasks));
    expect(taskOf(schedule, 'phase').progress).toBe(100);
    expect(taskOf(schedule, 'top').progress).toBe(25);
  });

  test('summary ending in milestone includes its day', () => {
    const input = makeInput(
      [makeTask('s', 0), makeTask('a', 5, { parentId: 's' }), makeTask('gate', 0, { parentId: 's' })],
      [makeLink('a', 'gate')],
    );
    // A ends Friday 02-05 and the gate is dated Monday 02-08.
    const summary = taskOf(scheduleOf(input), 's');
    expect(summary.earlyFinish).toBe('2021-02-08');
    expect(summary.lateFinish).toBe('2021-02-08');
  });

  test('open milestone keeps parent below 100', () => {
    const tasks = [
      makeTask('s', 0),
      makeTask('a', 5, { parentId: 's', progress: 100 }),
      makeTask('gate', 0, { parentId: 's', progress: 0 }),
    ];
    const summary = taskOf(scheduleOf(makeInput(tasks, [makeLink('a', 'gate')])), 's');
    expect(summary.progress).toBeLessThan(100);
    expect(summary.progress).toBe(99);
  });

  test('passed milestone lets parent reach 100', () => {
    const tasks = [
      makeTask('s', 0),
      makeTask('a', 5, { parentId: 's', progress: 100 }),
      makeTask('gate', 0, { parentId: 's', progress: 100 }),
    ];
    expect(taskOf(scheduleOf(makeInput(tasks)), 's').progress).toBe(100);
  });
});
