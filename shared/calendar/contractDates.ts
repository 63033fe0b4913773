/**
 * Contract terms, renewals and notice deadlines, counted in whole calendar days and months
 * (`shared/schedule/days.ts`), so the host time zone never moves a date.
 *
 * A contract's `endDate` is the last day of its term. An auto-renewing contract with a renewal
 * length (`renewalMonths`) starts a new term of that many months after each term ends, unless
 * notice was given by that term's notice deadline.
 */
import type { CalendarDate, ContractData, NoticePeriod } from '../domain/types';
import { dayNumberFromParts, fromDayNumber, toDayNumber } from '../schedule/days';

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function partsOf(date: CalendarDate): DateParts {
  toDayNumber(date); // throws a RangeError on text that is not a real date
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function daysInMonth(year: number, month: number): number {
  return dayNumberFromParts(year, month + 1, 1) - dayNumberFromParts(year, month, 1);
}

function dateOfParts(year: number, month: number, day: number): CalendarDate {
  return fromDayNumber(dayNumberFromParts(year, month, day));
}

function shiftMonth(year: number, month: number, months: number): { readonly year: number; readonly month: number } {
  const index = year * 12 + (month - 1) + months;
  const shiftedYear = Math.floor(index / 12);
  return { year: shiftedYear, month: index - shiftedYear * 12 + 1 };
}

function checkWholeNumber(value: number, name: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}.`);
}

/**
 * Adds `months` calendar months to `date` (subtracts them when negative). The day of the month
 * stays the same, or becomes the last day of the target month when that month is shorter:
 * 2027-03-31 minus 1 month is 2027-02-28. Throws a `RangeError` on an invalid date or a
 * fractional `months`.
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  checkWholeNumber(months, 'Months to add');
  const { year, month, day } = partsOf(date);
  const target = shiftMonth(year, month, months);
  return dateOfParts(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

function isLastDayOfMonth(date: CalendarDate): boolean {
  const { year, month, day } = partsOf(date);
  return day === daysInMonth(year, month);
}

/**
 * Returns the last day on which notice can be given so that the contract ends (or does not
 * renew) at `endDate`, the last day of the term: `endDate` minus the notice period.
 *
 * The notice period then runs from the day after the notice up to and including `endDate`, so it
 * is exactly the period agreed. Notice given on 2027-02-28 for an end date of 2027-03-31 gives
 * the whole of March as one month's notice. Notice of 30 days for 2027-12-31 must be given by
 * 2027-12-01. Months are calendar months counted back from `endDate` by `addCalendarMonths`, with
 * the day clamped to the end of a shorter month (2028-03-31 minus 1 month is 2028-02-29). Days
 * are calendar days. Zero notice gives `endDate` itself.
 *
 * NOTE: Clamping can make the deadline earlier than a lawyer's month-end reading. For an end
 * date of 30 April and one month's notice the deadline is 30 March, although notice on 31 March
 * also leaves the whole of April. The earlier date is the safe one.
 *
 * Returns `null` when either argument is `null`. Throws a `RangeError` on an invalid date or a
 * notice amount that is not a non-negative whole number.
 */
export function noticeDeadline(endDate: CalendarDate | null, noticePeriod: NoticePeriod | null): CalendarDate | null {
  if (endDate === null || noticePeriod === null) return null;
  const { amount, unit } = noticePeriod;
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(`Notice period must be a non-negative whole number of ${unit}, got ${amount}.`);
  }
  if (unit === 'days') return fromDayNumber(toDayNumber(endDate) - amount);
  return addCalendarMonths(endDate, -amount);
}

/**
 * Returns the last day of a contract term after `renewals` automatic renewals of `renewalMonths`
 * each, counted from the original `endDate` (0 renewals give `endDate`).
 *
 * Every term end is counted from the original end date, not from the previous one, so a short
 * month never shifts later terms. A term that ends on a month's last day renews to the last day
 * of the target month: 2027-02-28 renewed for 12 months ends on 2028-02-29, the day before the
 * anniversary of the term's first day. Any other end date keeps its day, clamped to a shorter
 * month (2027-01-30 renewed for 1 month ends on 2027-02-28 and for 2 months on 2027-03-30).
 */
export function renewedEndDate(endDate: CalendarDate, renewalMonths: number, renewals: number): CalendarDate {
  checkWholeNumber(renewalMonths, 'Renewal months');
  checkWholeNumber(renewals, 'Renewals');
  const months = renewalMonths * renewals;
  if (!isLastDayOfMonth(endDate)) return addCalendarMonths(endDate, months);
  const { year, month } = partsOf(endDate);
  const target = shiftMonth(year, month, months);
  return dateOfParts(target.year, target.month, daysInMonth(target.year, target.month));
}

/** The contract fields that fix its terms, renewals and notice deadlines. */
export type ContractTermFields = Pick<ContractData, 'endDate' | 'autoRenewal' | 'renewalMonths' | 'noticePeriod'>;

/** One term of a contract. */
export interface ContractTerm {
  /** 0 for the term that ends on the contract's `endDate`, n for the term of the n-th automatic renewal. */
  readonly renewal: number;
  /** Last day of the term. An auto-renewing contract renews after it. */
  readonly endDate: CalendarDate;
  /** Last day to give notice to end the contract at `endDate`, or `null` when no notice period is recorded. */
  readonly noticeDeadline: CalendarDate | null;
}

/**
 * Checks whether the contract renews itself by a known number of months: `autoRenewal` with
 * `renewalMonths` a positive whole number. Without a renewal length the terms after the first
 * cannot be dated.
 */
export function renewsAutomatically(contract: ContractTermFields): boolean {
  const months = contract.renewalMonths;
  return contract.autoRenewal && months !== null && Number.isInteger(months) && months > 0;
}

/**
 * Returns term `renewal` of the contract, 0 being the term that ends on `endDate`. Returns `null`
 * when the contract has no end date. Also `null` for a `renewal` above 0 when the contract does
 * not renew automatically by a known number of months.
 */
export function contractTerm(contract: ContractTermFields, renewal: number): ContractTerm | null {
  checkWholeNumber(renewal, 'Renewal');
  if (contract.endDate === null || renewal < 0) return null;
  if (renewal > 0 && !renewsAutomatically(contract)) return null;
  const endDate = renewal === 0 ? contract.endDate : renewedEndDate(contract.endDate, contract.renewalMonths ?? 0, renewal);
  return { renewal, endDate, noticeDeadline: noticeDeadline(endDate, contract.noticePeriod) };
}

/**
 * Returns the term that runs on `date`: the first term whose end date is on or after `date`.
 * `null` when the contract has no end date, or when it ended before `date` and does not renew
 * automatically by a known number of months.
 */
export function currentContractTerm(contract: ContractTermFields, date: CalendarDate): ContractTerm | null {
  const first = contractTerm(contract, 0);
  if (first === null) return null;
  const day = toDayNumber(date);
  if (toDayNumber(first.endDate) >= day) return first;
  if (!renewsAutomatically(contract)) return null;

  // Start from a renewal that surely ends before `date`, because its term end lies at least a
  // month before `date`'s month. The loop below then runs a few times at most, whatever the gap.
  const renewalMonths = contract.renewalMonths ?? 1;
  const end = partsOf(first.endDate);
  const target = partsOf(date);
  const monthsApart = (target.year - end.year) * 12 + (target.month - end.month);
  let renewal = Math.max(0, Math.floor((monthsApart - 1) / renewalMonths));
  let term = contractTerm(contract, renewal);
  while (term !== null && toDayNumber(term.endDate) < day) {
    renewal += 1;
    term = contractTerm(contract, renewal);
  }
  return term;
}

/** The term an automatic renewal starts. */
export interface RenewalTerm {
  /** First day of the renewed term: the day after the previous term's last day. */
  readonly startDate: CalendarDate;
  /** Last day of the renewed term. */
  readonly endDate: CalendarDate;
  /** Length of the renewal in months, the contract's `renewalMonths`. */
  readonly months: number;
}

/**
 * Returns the next automatic renewal after `date`: the term that follows the one running on
 * `date`, from the day after that term's end to its own end. `null` when the contract does not
 * renew automatically by a known number of months (`renewsAutomatically`) or has no end date.
 */
export function nextRenewal(contract: ContractTermFields, date: CalendarDate): RenewalTerm | null {
  if (!renewsAutomatically(contract)) return null;
  const current = currentContractTerm(contract, date);
  if (current === null) return null;
  const renewed = contractTerm(contract, current.renewal + 1);
  if (renewed === null) return null;
  return {
    startDate: fromDayNumber(toDayNumber(current.endDate) + 1),
    endDate: renewed.endDate,
    months: contract.renewalMonths ?? 0,
  };
}

/**
 * Lists the terms whose end date falls from `from` to `to`, both included, in order. For a
 * contract that does not renew automatically this is at most the term ending on `endDate`.
 */
export function contractTermsEndingBetween(contract: ContractTermFields, from: CalendarDate, to: CalendarDate): ContractTerm[] {
  const lastDay = toDayNumber(to);
  const terms: ContractTerm[] = [];
  let term = currentContractTerm(contract, from);
  while (term !== null && toDayNumber(term.endDate) <= lastDay) {
    terms.push(term);
    term = contractTerm(contract, term.renewal + 1);
  }
  return terms;
}
