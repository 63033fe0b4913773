import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingCadenceKind } from '../../../../shared/domain/governance';
import { cadenceDates, meetingsToCreate } from '../../../../shared/governance/cadence';
import { fromDayNumber, isCalendarDate, toDayNumber } from '../../../../shared/schedule/days';
import { makeCadence } from './factories';

describe('cadenceDates', () => {
  it('meets weekly every 7 days from the first date', () => {
    const cadence = { kind: 'weeklyOperational', firstDate: '2024-01-03', untilDate: null } as const;
    expect(cadenceDates(cadence, '2024-01-01', '2024-02-01')).toEqual([
      '2024-01-03',
      '2024-01-10',
      '2024-01-17',
      '2024-01-24',
      '2024-01-31',
    ]);
  });

  it('starts a weekly range mid-week at the next meeting', () => {
    const cadence = { kind: 'weeklyOperational', firstDate: '2024-01-03', untilDate: null } as const;
    expect(cadenceDates(cadence, '2024-02-08', '2024-02-28')).toEqual(['2024-02-14', '2024-02-21', '2024-02-28']);
  });

  it('crosses a daylight-saving change without shifting', () => {
    // Europe and the US change clocks in March, which day arithmetic must not notice.
    const cadence = { kind: 'weeklyOperational', firstDate: '2024-03-25', untilDate: null } as const;
    expect(cadenceDates(cadence, '2024-03-01', '2024-04-08')).toEqual(['2024-03-25', '2024-04-01', '2024-04-08']);
  });

  it('keeps a monthly cadence anchored to day 31', () => {
    const cadence = { kind: 'monthlyManagement', firstDate: '2024-01-31', untilDate: null } as const;
    expect(cadenceDates(cadence, '2024-01-01', '2024-06-30')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
    ]);
  });

  it('uses 28 February outside leap years', () => {
    const cadence = { kind: 'monthlyManagement', firstDate: '2025-01-31', untilDate: null } as const;
    expect(cadenceDates(cadence, '2025-02-01', '2025-03-31')).toEqual(['2025-02-28', '2025-03-31']);
  });

  it('meets quarterly every third month', () => {
    const cadence = { kind: 'quarterlySteering', firstDate: '2023-11-30', untilDate: null } as const;
    expect(cadenceDates(cadence, '2023-01-01', '2024-12-31')).toEqual([
      '2023-11-30',
      '2024-02-29',
      '2024-05-30',
      '2024-08-30',
      '2024-11-30',
    ]);
  });

  it('finds a quarterly meeting when the range starts between meetings', () => {
    const cadence = { kind: 'quarterlySteering', firstDate: '2024-01-15', untilDate: null } as const;
    expect(cadenceDates(cadence, '2024-04-16', '2024-10-15')).toEqual(['2024-07-15', '2024-10-15']);
    expect(cadenceDates(cadence, '2024-04-15', '2024-04-15')).toEqual(['2024-04-15']);
  });

  it('stops at the last date, which is included', () => {
    const cadence = { kind: 'monthlyManagement', firstDate: '2024-01-10', untilDate: '2024-04-10' } as const;
    expect(cadenceDates(cadence, '2024-01-01', '2024-12-31')).toEqual(['2024-01-10', '2024-02-10', '2024-03-10', '2024-04-10']);
    expect(cadenceDates({ ...cadence, untilDate: '2024-04-09' }, '2024-01-01', '2024-12-31')).toHaveLength(3);
  });

  it('returns nothing for an empty range', () => {
    const cadence = { kind: 'weeklyOperational', firstDate: '2024-01-03', untilDate: null } as const;
    expect(cadenceDates(cadence, '2024-03-01', '2024-02-01')).toEqual([]);
    expect(cadenceDates(cadence, '2023-01-01', '2024-01-02')).toEqual([]);
    expect(cadenceDates({ ...cadence, untilDate: '2024-01-02' }, '2024-01-01', '2024-12-31')).toEqual([]);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    const cadence = { kind: 'weeklyOperational', firstDate: '2024-02-30', untilDate: null } as const;
    expect(() => cadenceDates(cadence, '2024-01-01', '2024-12-31')).toThrow(RangeError);
    expect(() => cadenceDates({ ...cadence, firstDate: '2024-02-01' }, '1 March 2024', '2024-12-31')).toThrow(RangeError);
  });
});

describe('meetingsToCreate', () => {
  const cadence = makeCadence('c1', { kind: 'monthlyManagement', firstDate: '2024-01-31' });

  it('copies the cadence into planned meetings', () => {
    const meetings = meetingsToCreate(cadence, [], '2024-01-01', '2024-02-29');
    expect(meetings).toEqual([
      {
        providerId: 'p1',
        cadenceId: 'c1',
        kind: 'monthlyManagement',
        title: 'Monthly service review',
        date: '2024-01-31',
        startTime: '10:00',
        durationMinutes: 60,
        timeZone: 'Europe/London',
        status: 'planned',
        agenda: [],
        attendees: 'Ann Lee, Raj Patel',
        minutes: '',
      },
      expect.objectContaining({ date: '2024-02-29', cadenceId: 'c1' }),
    ]);
  });

  it('skips dates the cadence already has', () => {
    const existing = [
      { cadenceId: 'c1', date: '2024-02-29' },
      { cadenceId: 'c1', date: '2024-04-30' },
    ];
    const dates = meetingsToCreate(cadence, existing, '2024-01-01', '2024-04-30').map((meeting) => meeting.date);
    expect(dates).toEqual(['2024-01-31', '2024-03-31']);
  });

  it('ignores meetings of other cadences and hand-made ones', () => {
    const existing = [
      { cadenceId: 'c2', date: '2024-01-31' },
      { cadenceId: null, date: '2024-02-29' },
    ];
    const dates = meetingsToCreate(cadence, existing, '2024-01-01', '2024-02-29').map((meeting) => meeting.date);
    expect(dates).toEqual(['2024-01-31', '2024-02-29']);
  });

  it('keeps a cancelled meeting from coming back', () => {
    const existing = [{ cadenceId: 'c1', date: '2024-01-31', status: 'cancelled' }];
    expect(meetingsToCreate(cadence, existing, '2024-01-01', '2024-01-31')).toEqual([]);
  });
});

/** Lists the dates of a monthly or quarterly cadence by stepping month by month from the first date, as a person would. */
function steppedMonthlyDates(firstDate: string, step: number, until: string): string[] {
  const dates: string[] = [];
  let year = Number(firstDate.slice(0, 4));
  let month = Number(firstDate.slice(5, 7));
  const anchor = Number(firstDate.slice(8, 10));
  for (;;) {
    let day = anchor;
    const date = (): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    while (!isCalendarDate(date())) day -= 1;
    if (date() > until) return dates;
    dates.push(date());
    month += step;
    while (month > 12) {
      month -= 12;
      year += 1;
    }
  }
}

const kindArbitrary = fc.constantFrom<MeetingCadenceKind>('weeklyOperational', 'monthlyManagement', 'quarterlySteering');
// Day numbers from 1999-12-31 to 2030-12-31, so leap days and the year 2000 occur. Half the first
// dates fall on day 28 to 31, which only a clamp to the month's last day handles right.
const anyDayArbitrary = fc.integer({ min: toDayNumber('1999-12-31'), max: toDayNumber('2030-12-31') });
const lateDayArbitrary = fc
  .record({ year: fc.integer({ min: 2000, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 28, max: 31 }) })
  .map(({ year, month, day }) => {
    const dateOn = (dayOfMonth: number): string => `${String(year)}-${String(month).padStart(2, '0')}-${String(dayOfMonth)}`;
    let lastDay = day;
    while (!isCalendarDate(dateOn(lastDay))) lastDay -= 1;
    return toDayNumber(dateOn(lastDay));
  });
const dayArbitrary = fc.oneof(anyDayArbitrary, lateDayArbitrary);

const caseArbitrary = fc.record({
  kind: kindArbitrary,
  first: dayArbitrary,
  untilOffset: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
  fromOffset: fc.integer({ min: -400, max: 2000 }),
  length: fc.integer({ min: 0, max: 800 }),
});

function cadenceOf(generated: { readonly kind: MeetingCadenceKind; readonly first: number; readonly untilOffset: number | null }) {
  return makeCadence('c1', {
    kind: generated.kind,
    firstDate: fromDayNumber(generated.first),
    untilDate: generated.untilOffset === null ? null : fromDayNumber(generated.first + generated.untilOffset),
  });
}

describe('cadence properties', () => {
  it('returns sorted dates without repeats', () => {
    fc.assert(
      fc.property(caseArbitrary, (generated) => {
        const from = fromDayNumber(generated.first + generated.fromOffset);
        const to = fromDayNumber(generated.first + generated.fromOffset + generated.length);
        const dates = cadenceDates(cadenceOf(generated), from, to);
        for (let index = 1; index < dates.length; index += 1) {
          expect((dates[index - 1] ?? '') < (dates[index] ?? '')).toBe(true);
        }
      }),
    );
  });

  it('stays within range, first date and last date', () => {
    fc.assert(
      fc.property(caseArbitrary, (generated) => {
        const cadence = cadenceOf(generated);
        const from = fromDayNumber(generated.first + generated.fromOffset);
        const to = fromDayNumber(generated.first + generated.fromOffset + generated.length);
        for (const date of cadenceDates(cadence, from, to)) {
          expect(date >= from).toBe(true);
          expect(date <= to).toBe(true);
          expect(date >= cadence.firstDate).toBe(true);
          if (cadence.untilDate !== null) expect(date <= cadence.untilDate).toBe(true);
        }
      }),
    );
  });

  it('matches stepping from the first date', () => {
    fc.assert(
      fc.property(caseArbitrary, (generated) => {
        const cadence = cadenceOf(generated);
        const from = fromDayNumber(generated.first + generated.fromOffset);
        const to = fromDayNumber(generated.first + generated.fromOffset + generated.length);
        const end = cadence.untilDate !== null && cadence.untilDate < to ? cadence.untilDate : to;

        let expected: string[];
        if (cadence.kind === 'weeklyOperational') {
          expected = [];
          for (let day = generated.first; fromDayNumber(day) <= end; day += 7) expected.push(fromDayNumber(day));
        } else {
          expected = steppedMonthlyDates(cadence.firstDate, cadence.kind === 'monthlyManagement' ? 1 : 3, end);
        }
        expect(cadenceDates(cadence, from, to)).toEqual(expected.filter((date) => date >= from));
      }),
    );
  });

  it('creates nothing on a second run', () => {
    fc.assert(
      fc.property(caseArbitrary, (generated) => {
        const cadence = cadenceOf(generated);
        const from = fromDayNumber(generated.first + generated.fromOffset);
        const to = fromDayNumber(generated.first + generated.fromOffset + generated.length);
        const created = meetingsToCreate(cadence, [], from, to);
        expect(meetingsToCreate(cadence, created, from, to)).toEqual([]);
        expect(new Set(created.map((meeting) => meeting.date)).size).toBe(created.length);
      }),
    );
  });

  it('fills a gap left by a partial run', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.integer({ min: 0, max: 800 }), (generated, split) => {
        const cadence = cadenceOf(generated);
        const fromDay = generated.first + generated.fromOffset;
        const from = fromDayNumber(fromDay);
        const middle = fromDayNumber(fromDay + Math.min(split, generated.length));
        const to = fromDayNumber(fromDay + generated.length);
        const firstRun = meetingsToCreate(cadence, [], from, middle);
        const secondRun = meetingsToCreate(cadence, firstRun, from, to);
        const dates = [...firstRun, ...secondRun].map((meeting) => meeting.date).sort();
        expect(dates).toEqual(cadenceDates(cadence, from, to));
      }),
    );
  });
});
