import { describe, expect, it } from 'vitest';
import { contractSchedule } from '../../../../../../renderer/src/features/portfolio/contractSchedule';
import type { ContractTermFields } from '../../../../../../shared/calendar/contractDates';

const threeMonths: ContractTermFields = {
  endDate: '2027-03-31',
  autoRenewal: false,
  renewalMonths: null,
  noticePeriod: { amount: 3, unit: 'months' },
};

describe('contractSchedule', () => {
  it('notice deadline far ahead', () => {
    expect(contractSchedule(threeMonths, '2026-06-01')).toEqual({
      termEnd: '2027-03-31',
      ended: false,
      noticeDeadline: '2026-12-31',
      noticeDueInDays: null,
      noticeMissed: false,
      nextRenewal: null,
    });
  });

  it('notice due within 90 days', () => {
    expect(contractSchedule(threeMonths, '2026-10-02').noticeDueInDays).toBe(90);
    expect(contractSchedule(threeMonths, '2026-10-01').noticeDueInDays).toBeNull();
    expect(contractSchedule(threeMonths, '2026-12-31').noticeDueInDays).toBe(0);
  });

  it('notice deadline passed', () => {
    const schedule = contractSchedule(threeMonths, '2027-01-01');
    expect(schedule.noticeMissed).toBe(true);
    expect(schedule.noticeDueInDays).toBeNull();
  });

  it('ended contract keeps its last term', () => {
    const schedule = contractSchedule(threeMonths, '2027-04-01');
    expect(schedule.ended).toBe(true);
    expect(schedule.termEnd).toBe('2027-03-31');
    expect(schedule.noticeMissed).toBe(false);
  });

  it('renewing contract moves to the next term', () => {
    const renewing: ContractTermFields = { ...threeMonths, autoRenewal: true, renewalMonths: 12 };
    const schedule = contractSchedule(renewing, '2027-04-01');
    expect(schedule.ended).toBe(false);
    expect(schedule.termEnd).toBe('2028-03-31');
    expect(schedule.nextRenewal).toEqual({ startDate: '2028-04-01', endDate: '2029-03-31', months: 12 });
    expect(schedule.noticeDeadline).toBe('2027-12-31');
  });

  it('no end date or notice', () => {
    expect(contractSchedule({ ...threeMonths, endDate: null }, '2026-01-01')).toMatchObject({
      termEnd: null,
      noticeDeadline: null,
      ended: false,
    });
    expect(contractSchedule({ ...threeMonths, noticePeriod: null }, '2026-01-01').noticeDeadline).toBeNull();
  });
});
