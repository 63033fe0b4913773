import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../../../../../renderer/src/i18n/en';
import { ganttText } from '../../../../../../../renderer/src/features/plans/gantt/useGanttText';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('ganttText', () => {
  it('shows durations with their unit', () => {
    const { grid } = ganttText(i18next.t, 'en-GB');
    expect(grid.duration(10, 'workingDays')).toBe('10 wd');
    expect(grid.duration(90, 'calendarDays')).toBe('90 cd');
    expect(grid.duration(1200, 'workingDays')).toBe('1,200 wd');
  });

  it('reads the unit words, short form first', () => {
    const { grid } = ganttText(i18next.t, 'en-GB');
    expect(grid.unitWords.workingDays[0]).toBe('wd');
    expect(grid.unitWords.calendarDays[0]).toBe('cd');
    expect(grid.unitWords.workingDays).toContain('working days');
  });

  it('formats dates from their parts in any time zone', () => {
    const { grid } = ganttText(i18next.t, 'en-GB');
    expect(grid.date('2021-03-14')).toBe('14 Mar 2021');
    expect(grid.date('2021-11-07')).toBe('7 Nov 2021');
  });

  it('names calendars and link types', () => {
    const { grid } = ganttText(i18next.t, 'en-GB');
    expect(grid.planCalendar).toBe('Plan calendar');
    expect(grid.inheritedCalendar('Riyadh site')).toBe('Riyadh site, from its summary task');
    expect(grid.linkTypeNames.FF).toBe('finish-to-finish');
  });

  it('estimates text widths where there is no canvas', () => {
    // Unit tests run without a DOM, so the layout's estimate applies.
    expect(ganttText(i18next.t, 'en-GB').scene.measure).toBeUndefined();
  });

  it('labels the axis', () => {
    const { scene } = ganttText(i18next.t, 'en-GB');
    expect(scene.axis.month(2)).toBe('Feb');
    expect(scene.axis.monthYear(2021, 2)).toBe('Feb 2021');
    expect(scene.axis.quarter(3)).toBe('Q3');
    expect(scene.variance(3)).toBe('+3 wd');
    expect(scene.variance(-2)).toBe('−2 wd');
  });
});

describe('Gantt message keys', () => {
  // Keys the edit checks and drags build at run time, which the typed `t` cannot check.
  const keys = [
    'gantt.edit.outOfDate',
    'gantt.input.finishBeforeStart',
    'gantt.input.invalidDate',
    'gantt.input.invalidDuration',
    'gantt.input.invalidPredecessor',
    'gantt.input.invalidProgress',
    'gantt.input.milestoneFinish',
    'gantt.input.nameRequired',
    'gantt.input.notScheduled',
    'gantt.input.readOnly',
    'gantt.input.repeatedPredecessor',
    'gantt.input.summaryDuration',
    'gantt.input.summaryProgress',
    'gantt.input.unknownWbs',
    'gantt.input.unknownCalendar',
    'gantt.status.edited',
    'gantt.status.linkedToStart',
    'gantt.status.linkedToFinish',
    'gantt.status.moved',
    'gantt.status.resized',
    'gantt.status.calendar',
    'gantt.status.planCalendar',
    'gantt.status.constraintCleared',
    'gantt.float.summary',
    'gantt.float.critical',
    'gantt.float.slack',
    'gantt.float.calendarDaysOwn',
    'gantt.float.calendarDaysChain',
  ];

  it.each(keys)('%s has a sentence', (key) => {
    expect(i18next.exists(key)).toBe(true);
  });
});
