/** Dates a vendor manager watches on a contract: the notice deadline of the running term and the next renewal. */
import { contractTerm, currentContractTerm, nextRenewal } from '@shared/calendar/contractDates';
import type { ContractTermFields, RenewalTerm } from '@shared/calendar/contractDates';
import type { CalendarDate } from '@shared/domain/types';
import { toDayNumber } from '@shared/schedule/days';

/** Days ahead within which a coming notice deadline is called out in words. */
export const noticeAlertDays = 90;

export interface ContractSchedule {
  /** Last day of the term that runs today, or of the last term when the contract has ended; `null` without an end date. */
  readonly termEnd: CalendarDate | null;
  /** Whether every term ended before today. */
  readonly ended: boolean;
  /** Last day to give notice for `termEnd`, or `null` without an end date or notice period. */
  readonly noticeDeadline: CalendarDate | null;
  /**
   * Days from today to `noticeDeadline` (0 on the day itself) while it lies 0 to `noticeAlertDays`
   * days ahead, otherwise `null`.
   */
  readonly noticeDueInDays: number | null;
  /** Whether the notice deadline of the running term has passed while the term still runs. */
  readonly noticeMissed: boolean;
  /**
   * The renewal that follows the running term, from the day after its end, when the contract
   * renews automatically by a known length; else `null`.
   */
  readonly nextRenewal: RenewalTerm | null;
}

/** Computes the schedule of `contract` as seen on `today`. */
export function contractSchedule(contract: ContractTermFields, today: CalendarDate): ContractSchedule {
  const current = currentContractTerm(contract, today);
  const term = current ?? contractTerm(contract, 0);
  const deadline = term?.noticeDeadline ?? null;
  const daysToDeadline = deadline === null ? null : toDayNumber(deadline) - toDayNumber(today);
  return {
    termEnd: term?.endDate ?? null,
    ended: term !== null && current === null,
    noticeDeadline: deadline,
    noticeDueInDays:
      current !== null && daysToDeadline !== null && daysToDeadline >= 0 && daysToDeadline <= noticeAlertDays ? daysToDeadline : null,
    noticeMissed: current !== null && daysToDeadline !== null && daysToDeadline < 0,
    nextRenewal: nextRenewal(contract, today),
  };
}
