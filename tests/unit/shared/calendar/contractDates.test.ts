import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addCalendarMonths,
  contractTerm,
  contractTermsEndingBetween,
  currentContractTerm,
  nextRenewal,
  noticeDeadline,
  renewedEndDate,
  type ContractTermFields,
} from '../../../../shared/calendar/contractDates';
import { fromDayNumber, toDayNumber } from '../../../../shared/schedule/days';

const months = (amount: number) => ({ amount, unit: 'months' as const });
const days = (amount: number) => ({ amount, unit: 'days' as const });

/** Any date from 1900-01-01 to 2200-12-31, which covers the non-leap 1900 and 2100 and the leap 2000. */
const dateArbitrary = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }).map(fromDayNumber);

/** Days in a month through `Date.UTC`, independent of the code under test: day 0 of the next month. */
function referenceDaysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Counts `count` months back one month at a time, then clamps the day to the month reached. */
function referenceMonthsBack(date: string, count: number): string {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  for (let step = 0; step < count; step += 1) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  const clampedDay = Math.min(day, referenceDaysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clampedDay).padStart(2, '0')}`;
}

/** Subtracts whole days through `Date.UTC` milliseconds. */
function referenceDaysBack(date: string, count: number): string {
  const millis = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - count * 86_400_000;
  return new Date(millis).toISOString().slice(0, 10);
}

function autoRenewing(endDate: string, renewalMonths: number, noticeMonths: number | null = 3): ContractTermFields {
  return { endDate, autoRenewal: true, renewalMonths, noticePeriod: noticeMonths === null ? null : months(noticeMonths) };
}

describe('noticeDeadline months', () => {
  test.each([
    ['2027-03-31', 1, '2027-02-28'],
    ['2028-03-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2027-02-28'],
    ['2026-12-31', 3, '2026-09-30'],
    ['2027-06-15', 1, '2027-05-15'],
    ['2027-03-29', 1, '2027-02-28'],
    ['2028-03-30', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-01-29'],
    ['2024-02-29', 48, '2020-02-29'],
    ['2100-03-31', 1, '2100-02-28'],
    ['2000-03-31', 1, '2000-02-29'],
    ['2027-01-31', 2, '2026-11-30'],
    ['2027-02-15', 14, '2025-12-15'],
  ])('end %s minus %i months is %s', (endDate, amount, expected) => {
    expect(noticeDeadline(endDate, months(amount))).toBe(expected);
  });

  test('month end clamps to earlier day', () => {
    // 30 April minus one month keeps the day number 30, one day before March's last day.
    expect(noticeDeadline('2027-04-30', months(1))).toBe('2027-03-30');
  });
});

describe('noticeDeadline days', () => {
  test.each([
    ['2027-12-31', 30, '2027-12-01'],
    ['2027-01-10', 30, '2026-12-11'],
    ['2027-01-01', 1, '2026-12-31'],
    ['2028-03-01', 1, '2028-02-29'],
    ['2027-03-01', 1, '2027-02-28'],
    ['2029-01-01', 365, '2028-01-02'],
    ['2027-01-05', 90, '2026-10-07'],
  ])('end %s minus %i days is %s', (endDate, amount, expected) => {
    expect(noticeDeadline(endDate, days(amount))).toBe(expected);
  });
});

describe('noticeDeadline edge cases', () => {
  test('zero notice gives end date', () => {
    expect(noticeDeadline('2028-02-29', months(0))).toBe('2028-02-29');
    expect(noticeDeadline('2028-02-29', days(0))).toBe('2028-02-29');
  });

  test('missing input gives null', () => {
    expect(noticeDeadline(null, months(3))).toBeNull();
    expect(noticeDeadline('2027-03-31', null)).toBeNull();
  });

  test('rejects invalid notice amounts', () => {
    expect(() => noticeDeadline('2027-03-31', months(-1))).toThrow(RangeError);
    expect(() => noticeDeadline('2027-03-31', days(1.5))).toThrow(/non-negative whole number of days/);
  });

  test('rejects invalid end dates', () => {
    expect(() => noticeDeadline('2027-02-30', months(1))).toThrow(RangeError);
    expect(() => noticeDeadline('2027-02-30', days(1))).toThrow(RangeError);
  });
});

describe('noticeDeadline properties', () => {
  test('deadline never after end date', () => {
    fc.assert(
      fc.property(dateArbitrary, fc.integer({ min: 0, max: 240 }), fc.boolean(), (endDate, amount, inMonths) => {
        const deadline = noticeDeadline(endDate, inMonths ? months(amount) : days(amount));
        expect(deadline).not.toBeNull();
        const gap = toDayNumber(endDate) - toDayNumber(deadline ?? endDate);
        expect(gap).toBeGreaterThanOrEqual(0);
        if (amount > 0) expect(gap).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  test('months agree with month-by-month reference', () => {
    fc.assert(
      fc.property(dateArbitrary, fc.integer({ min: 0, max: 60 }), (endDate, amount) => {
        expect(noticeDeadline(endDate, months(amount))).toBe(referenceMonthsBack(endDate, amount));
      }),
      { numRuns: 5000 },
    );
  });

  test('every month end of four centuries matches reference', () => {
    for (let year = 1800; year <= 2200; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const endDate = `${year}-${String(month).padStart(2, '0')}-${String(referenceDaysInMonth(year, month)).padStart(2, '0')}`;
        for (const amount of [1, 3, 6, 12]) {
          expect(noticeDeadline(endDate, months(amount))).toBe(referenceMonthsBack(endDate, amount));
        }
      }
    }
  });

  test('days agree with UTC milliseconds reference', () => {
    fc.assert(
      fc.property(dateArbitrary, fc.integer({ min: 0, max: 3000 }), (endDate, amount) => {
        expect(noticeDeadline(endDate, days(amount))).toBe(referenceDaysBack(endDate, amount));
      }),
      { numRuns: 3000 },
    );
  });

  test('later end never gives earlier deadline', () => {
    fc.assert(
      fc.property(dateArbitrary, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 36 }), (endDate, laterBy, amount) => {
        const later = fromDayNumber(toDayNumber(endDate) + laterBy);
        const first = noticeDeadline(endDate, months(amount)) ?? '';
        const second = noticeDeadline(later, months(amount)) ?? '';
        expect(second >= first).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('addCalendarMonths', () => {
  test.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-01-31', -2, '2026-11-30'],
    ['2027-01-15', -13, '2025-12-15'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2027-05-31', 0, '2027-05-31'],
  ])('%s plus %i months is %s', (date, count, expected) => {
    expect(addCalendarMonths(date, count)).toBe(expected);
  });

  test('rejects fractional months', () => {
    expect(() => addCalendarMonths('2027-01-15', 0.5)).toThrow(RangeError);
  });
});

describe('renewedEndDate', () => {
  test.each([
    ['2026-12-31', 12, 1, '2027-12-31'],
    ['2027-02-28', 12, 1, '2028-02-29'],
    ['2028-02-29', 12, 1, '2029-02-28'],
    ['2028-02-29', 12, 4, '2032-02-29'],
    ['2027-01-31', 1, 1, '2027-02-28'],
    ['2027-01-31', 1, 2, '2027-03-31'],
    ['2027-01-31', 1, 3, '2027-04-30'],
    ['2027-01-30', 1, 1, '2027-02-28'],
    ['2027-01-30', 1, 2, '2027-03-30'],
    ['2027-06-15', 6, 3, '2028-12-15'],
    ['2027-04-30', 1, 1, '2027-05-31'],
    ['2026-12-31', 12, 0, '2026-12-31'],
  ])('%s renewed %i months %i times ends %s', (endDate, renewalMonths, renewals, expected) => {
    expect(renewedEndDate(endDate, renewalMonths, renewals)).toBe(expected);
  });
});

describe('contract terms', () => {
  test('term of auto-renewing contract', () => {
    expect(contractTerm(autoRenewing('2026-12-31', 12), 2)).toEqual({ renewal: 2, endDate: '2028-12-31', noticeDeadline: '2028-09-30' });
  });

  test('no later terms without automatic renewal', () => {
    const fixedTerm: ContractTermFields = { endDate: '2026-12-31', autoRenewal: false, renewalMonths: 12, noticePeriod: months(3) };
    expect(contractTerm(fixedTerm, 0)).toEqual({ renewal: 0, endDate: '2026-12-31', noticeDeadline: '2026-09-30' });
    expect(contractTerm(fixedTerm, 1)).toBeNull();
    const unknownLength: ContractTermFields = { endDate: '2026-12-31', autoRenewal: true, renewalMonths: null, noticePeriod: null };
    expect(contractTerm(unknownLength, 1)).toBeNull();
    expect(contractTerm({ ...unknownLength, renewalMonths: 0 }, 1)).toBeNull();
  });

  test('no terms without end date', () => {
    const openEnded: ContractTermFields = { endDate: null, autoRenewal: true, renewalMonths: 12, noticePeriod: months(3) };
    expect(contractTerm(openEnded, 0)).toBeNull();
    expect(currentContractTerm(openEnded, '2026-01-01')).toBeNull();
    expect(nextRenewal(openEnded, '2026-01-01')).toBeNull();
  });

  test('current term after renewals', () => {
    const contract = autoRenewing('2020-12-31', 12);
    expect(currentContractTerm(contract, '2026-05-10')).toEqual({ renewal: 6, endDate: '2026-12-31', noticeDeadline: '2026-09-30' });
    expect(currentContractTerm(contract, '2026-12-31')?.renewal).toBe(6);
    expect(currentContractTerm(contract, '2027-01-01')?.renewal).toBe(7);
    expect(currentContractTerm(contract, '2019-06-01')?.renewal).toBe(0);
  });

  test('current term after many monthly renewals', () => {
    const contract = autoRenewing('1990-01-31', 1, null);
    expect(currentContractTerm(contract, '2026-03-15')).toEqual({ renewal: 434, endDate: '2026-03-31', noticeDeadline: null });
  });

  test('ended fixed-term contract has no current term', () => {
    const fixedTerm: ContractTermFields = { endDate: '2026-12-31', autoRenewal: false, renewalMonths: null, noticePeriod: null };
    expect(currentContractTerm(fixedTerm, '2026-12-31')?.endDate).toBe('2026-12-31');
    expect(currentContractTerm(fixedTerm, '2027-01-01')).toBeNull();
  });

  test('next deadline after renewal without notice', () => {
    // The 2026-09-30 deadline passed without notice, so the contract renewed on 2026-12-31.
    const contract = autoRenewing('2026-12-31', 12);
    expect(currentContractTerm(contract, '2027-01-05')).toEqual({ renewal: 1, endDate: '2027-12-31', noticeDeadline: '2027-09-30' });
    expect(nextRenewal(contract, '2027-01-05')).toEqual({ startDate: '2028-01-01', endDate: '2028-12-31', months: 12 });
  });

  test('next renewal starts after term end', () => {
    expect(nextRenewal(autoRenewing('2027-12-31', 12), '2026-05-10')).toEqual({ startDate: '2028-01-01', endDate: '2028-12-31', months: 12 });
    expect(nextRenewal(autoRenewing('2027-12-31', 12), '2027-12-31')?.startDate).toBe('2028-01-01');
    expect(nextRenewal(autoRenewing('2028-01-01', 12), '2028-01-01')?.startDate).toBe('2028-01-02');
  });

  test('next renewal over month ends', () => {
    expect(nextRenewal(autoRenewing('2027-02-28', 12), '2027-01-01')).toEqual({ startDate: '2027-03-01', endDate: '2028-02-29', months: 12 });
    expect(nextRenewal(autoRenewing('2027-01-30', 1), '2027-01-01')).toEqual({ startDate: '2027-01-31', endDate: '2027-02-28', months: 1 });
  });

  test('next renewal only for auto-renewing contracts', () => {
    expect(nextRenewal(autoRenewing('2026-12-31', 24), '2027-03-01')).toEqual({ startDate: '2029-01-01', endDate: '2030-12-31', months: 24 });
    expect(nextRenewal({ endDate: '2026-12-31', autoRenewal: false, renewalMonths: 24, noticePeriod: null }, '2026-03-01')).toBeNull();
    expect(nextRenewal({ endDate: '2026-12-31', autoRenewal: true, renewalMonths: null, noticePeriod: null }, '2026-03-01')).toBeNull();
  });

  test('next renewal follows the running term', () => {
    fc.assert(
      fc.property(
        dateArbitrary,
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: -400, max: 20_000 }),
        (endDate, renewalMonths, daysLater) => {
          const contract = autoRenewing(endDate, renewalMonths, 1);
          const date = fromDayNumber(toDayNumber(endDate) + daysLater);
          const running = currentContractTerm(contract, date);
          const renewal = nextRenewal(contract, date);
          if (running === null || renewal === null) throw new Error('an auto-renewing contract always has a running and a next term');

          expect(toDayNumber(renewal.startDate)).toBe(toDayNumber(running.endDate) + 1);
          expect(toDayNumber(renewal.startDate)).toBeGreaterThan(toDayNumber(date));
          expect(renewal.endDate).toBe(renewedEndDate(endDate, renewalMonths, running.renewal + 1));
          expect(toDayNumber(renewal.endDate)).toBeGreaterThanOrEqual(toDayNumber(renewal.startDate));
          expect(renewal.months).toBe(renewalMonths);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('terms ending in a range', () => {
    const terms = contractTermsEndingBetween(autoRenewing('2026-12-31', 12), '2026-01-01', '2029-06-30');
    expect(terms).toEqual([
      { renewal: 0, endDate: '2026-12-31', noticeDeadline: '2026-09-30' },
      { renewal: 1, endDate: '2027-12-31', noticeDeadline: '2027-09-30' },
      { renewal: 2, endDate: '2028-12-31', noticeDeadline: '2028-09-30' },
    ]);
    expect(contractTermsEndingBetween(autoRenewing('2026-12-31', 12), '2027-01-01', '2027-12-30')).toEqual([]);
    expect(contractTermsEndingBetween(autoRenewing('2026-12-31', 12), '2027-06-01', '2026-01-01')).toEqual([]);
  });

  test('range includes both ends', () => {
    const terms = contractTermsEndingBetween(autoRenewing('2027-02-28', 12), '2027-02-28', '2028-02-29');
    expect(terms.map((term) => term.endDate)).toEqual(['2027-02-28', '2028-02-29']);
  });

  test('current term matches term-by-term search', () => {
    fc.assert(
      fc.property(
        dateArbitrary,
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 0, max: 20_000 }),
        (endDate, renewalMonths, daysLater) => {
          const contract = autoRenewing(endDate, renewalMonths, 1);
          const date = fromDayNumber(toDayNumber(endDate) + daysLater);
          let renewal = 0;
          while (toDayNumber(renewedEndDate(endDate, renewalMonths, renewal)) < toDayNumber(date)) renewal += 1;
          expect(currentContractTerm(contract, date)?.renewal).toBe(renewal);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
