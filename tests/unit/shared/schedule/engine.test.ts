import { describe, expect, test } from 'vitest';
import type { DependencyType, DurationUnit } from '../../../../shared/domain/plan';
import type { Schedule, ScheduledTask } from '../../../../shared/schedule/engine';
import { schedulePlan } from '../../../../shared/schedule/engine';
import type { ScheduleInput } from '../../../../shared/schedule/model';
import { makeInput, makeLink, makeTask } from './factories';

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

describe('durations', () => {
  test('180 working days end 2021-10-08', () => {
    const schedule = scheduleOf(makeInput([makeTask('a', 180)]));
    expect(taskOf(schedule, 'a').earlyStart).toBe('2021-02-01');
    expect(taskOf(schedule, 'a').earlyFinish).toBe('2021-10-08');
  });

  test('180 calendar days end 2021-07-30', () => {
    const schedule = scheduleOf(makeInput([makeTask('a', 180, { durationUnit: 'calendarDays' })]));
    expect(taskOf(schedule, 'a').earlyFinish).toBe('2021-07-30');
  });

  test('one working day starts and finishes same day', () => {
    const schedule = scheduleOf(makeInput([makeTask('a', 1)]));
    expect(taskOf(schedule, 'a').earlyStart).toBe('2021-02-01');
    expect(taskOf(schedule, 'a').earlyFinish).toBe('2021-02-01');
  });

  test('weekend start moves to Monday', () => {
    const schedule = scheduleOf(makeInput([makeTask('a', 2)], [], { startOn: '2021-02-06' }));
    expect(taskOf(schedule, 'a').earlyStart).toBe('2021-02-08');
    expect(taskOf(schedule, 'a').earlyFinish).toBe('2021-02-09');
  });

  test('holiday start moves to next working day', () => {
    const calendar = { id: 'uk', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2021-04-02', '2021-04-05'] };
    const schedule = scheduleOf(makeInput([makeTask('a', 3, { startNoEarlierThan: '2021-04-02' })], [], { calendars: [calendar] }));
    expect(taskOf(schedule, 'a').earlyStart).toBe('2021-04-06');
    expect(taskOf(schedule, 'a').earlyFinish).toBe('2021-04-08');
  });

  test('holidays lengthen working duration', () => {
    const calendar = { id: 'uk', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2021-02-03'] };
    const schedule = scheduleOf(makeInput([makeTask('a', 5)], [], { calendars: [calendar] }));
    expect(taskOf(schedule, 'a').earlyFinish).toBe('2021-02-08');
  });

  test('milestone at plan start on a weekend', () => {
    const schedule = scheduleOf(makeInput([makeTask('m', 0)], [], { startOn: '2021-01-30' }));
    expect(taskOf(schedule, 'm').earlyStart).toBe('2021-02-01');
    expect(taskOf(schedule, 'm').earlyFinish).toBe('2021-02-01');
    expect(taskOf(schedule, 'm').workingDays).toBe(0);
  });

  test('milestone after Friday finish sits on Monday', () => {
    const schedule = scheduleOf(
      makeInput([makeTask('a', 5), makeTask('m', 0), makeTask('b', 1)], [makeLink('a', 'm'), makeLink('m', 'b')]),
    );
    expect(taskOf(schedule, 'm').earlyStart).toBe('2021-02-08');
    expect(taskOf(schedule, 'b').earlyStart).toBe('2021-02-08');
    expect(taskOf(schedule, 'm').critical).toBe(true);
  });
});

interface LagCase {
  readonly type: DependencyType;
  readonly lag: number;
  readonly unit: DurationUnit;
  /** Start-no-earlier-than of the predecessor, a 5-day task. */
  readonly predecessorStart: string;
  readonly start: string;
  readonly finish: string;
}

// Predecessor: 5 working days from its start; successor: 3 working days. Mondays to Fridays.
// Worked by hand on the 2021 calendar: 2021-02-01 and 2021-02-08 are Mondays.
const lagCases: readonly LagCase[] = [
  // Predecessor 02-01 to 02-05; the successor starts the next working day.
  { type: 'FS', lag: 0, unit: 'workingDays', predecessorStart: '2021-02-01', start: '2021-02-08', finish: '2021-02-10' },
  // Monday and Tuesday are the lag.
  { type: 'FS', lag: 2, unit: 'workingDays', predecessorStart: '2021-02-01', start: '2021-02-10', finish: '2021-02-12' },
  // Overlaps the predecessor's Thursday and Friday.
  { type: 'FS', lag: -2, unit: 'workingDays', predecessorStart: '2021-02-01', start: '2021-02-04', finish: '2021-02-08' },
  // Saturday, Sunday and Monday elapse.
  { type: 'FS', lag: 3, unit: 'calendarDays', predecessorStart: '2021-02-01', start: '2021-02-09', finish: '2021-02-11' },
  // Friday and Saturday elapse, so the successor waits for Monday.
  { type: 'FS', lag: 1, unit: 'calendarDays', predecessorStart: '2021-02-01', start: '2021-02-08', finish: '2021-02-10' },
  // Two working days after the predecessor's Monday start.
  { type: 'SS', lag: 2, unit: 'workingDays', predecessorStart: '2021-02-01', start: '2021-02-03', finish: '2021-02-05' },
  // Predecessor starts Wednesday 02-03; one working day earlier.
  { type: 'SS', lag: -1, unit: 'workingDays', predecessorStart: '2021-02-03', start: '2021-02-02', finish: '2021-02-04' },
  // Predecessor finishes 02-05; the successor finishes one working day later, on Monday.
  { type: 'FF', lag: 1, unit: 'workingDays', predecessorStart: '2021-02-01', start: '2021-02-04', finish: '2021-02-08' },
  // The successor finishes two working days before the predecessor's Friday finish.
  { type: 'FF', lag: -2, unit: 'workingDays', predecessorStart: '2021-02-01', start: '2021-02-01', finish: '2021-02-03' },
  // Predecessor starts Monday 02-08; the successor finishes by then, so on Friday 02-05.
  { type: 'SF', lag: 0, unit: 'workingDays', predecessorStart: '2021-02-08', start: '2021-02-03', finish: '2021-02-05' },
  // Predecessor starts Monday 02-08; the successor finishes two working days later, on Tuesday.
  { type: 'SF', lag: 2, unit: 'workingDays', predecessorStart: '2021-02-08', start: '2021-02-05', finish: '2021-02-09' },
  // Predecessor starts Wednesday 02-10; the successor finishes a working day earlier, on Monday.
  { type: 'SF', lag: -1, unit: 'workingDays', predecessorStart: '2021-02-10', start: '2021-02-04', finish: '2021-02-08' },
];

describe('dependency lags', () => {
  test.each(lagCases)('$type $lag $unit', (lagCase) => {
    const input = makeInput(
      [makeTask('p', 5, { startNoEarlierThan: lagCase.predecessorStart }), makeTask('s', 3)],
      [makeLink('p', 's', lagCase.type, lagCase.lag, lagCase.unit)],
    );
    const schedule = scheduleOf(input);
    expect(taskOf(schedule, 's').earlyStart).toBe(lagCase.start);
    expect(taskOf(schedule, 's').earlyFinish).toBe(lagCase.finish);
  });

  test.each(lagCases)('$type $lag $unit has no negative float', (lagCase) => {
    const input = makeInput(
      [makeTask('p', 5, { startNoEarlierThan: lagCase.predecessorStart }), makeTask('s', 3)],
      [makeLink('p', 's', lagCase.type, lagCase.lag, lagCase.unit)],
    );
    const schedule = scheduleOf(input);
    const successor = taskOf(schedule, 's');
    expect(successor.lateStart >= successor.earlyStart).toBe(true);
    expect(successor.totalFloat).toBeGreaterThanOrEqual(0);
    expect(taskOf(schedule, 'p').totalFloat).toBeGreaterThanOrEqual(0);
  });
});
