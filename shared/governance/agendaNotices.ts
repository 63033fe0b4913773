/**
 * Notice deadlines on a drafted agenda. A monthly management review or quarterly steering
 * committee is the last chance to decide on a renewal when the contract's notice deadline falls
 * before the next meeting of the same cadence, so those deadlines go on its agenda. The window
 * runs from the meeting date up to, but not including, the next meeting's date.
 */
import { addCalendarMonths, contractTerm, currentContractTerm } from '../calendar/contractDates';
import type { MeetingCadenceData, MeetingKind } from '../domain/governance';
import type { CalendarDate, Contract } from '../domain/types';
import { fromDayNumber, toDayNumber } from '../schedule/days';
import { cadenceDates } from './cadence';

/** Months from one meeting to the next for the kinds whose agendas list notice deadlines. */
const monthsToNextMeeting: Readonly<Partial<Record<MeetingKind, number>>> = { monthlyManagement: 1, quarterlySteering: 3 };

/** A contract term whose notice deadline falls before the next meeting. */
export interface NoticeDeadlineAgendaEntry {
  readonly source: 'noticeDeadline';
  readonly contract: Contract;
  /** Last day to give notice to end the contract at `termEndDate`. */
  readonly deadline: CalendarDate;
  /** Last day of the term the deadline belongs to. */
  readonly termEndDate: CalendarDate;
  /** Date of the next meeting of the cadence, the end of the window (not included). */
  readonly nextMeetingDate: CalendarDate;
}

/**
 * Returns the date of the meeting after `date`: the cadence's next date when it has one, else one
 * month (monthly) or three months (quarterly) later, as for a meeting added by hand or a cadence
 * that has ended. `null` for the kinds whose agendas list no notice deadlines.
 */
export function nextMeetingDate(
  kind: MeetingKind,
  date: CalendarDate,
  cadence: Pick<MeetingCadenceData, 'kind' | 'firstDate' | 'untilDate'> | null,
): CalendarDate | null {
  const months = monthsToNextMeeting[kind];
  if (months === undefined) return null;
  const fallback = addCalendarMonths(date, months);
  if (cadence === null) return fallback;
  const dayAfter = fromDayNumber(toDayNumber(date) + 1);
  return cadenceDates(cadence, dayAfter, fallback)[0] ?? fallback;
}

/**
 * Lists the provider's notice deadlines from `date` up to, but not including, `nextDate`, the
 * earliest first. An auto-renewing contract can contribute the deadlines of several terms.
 */
export function noticeDeadlineEntries(
  contracts: readonly Contract[],
  providerId: string,
  date: CalendarDate,
  nextDate: CalendarDate,
): NoticeDeadlineAgendaEntry[] {
  const first = toDayNumber(date);
  const end = toDayNumber(nextDate);
  const entries: NoticeDeadlineAgendaEntry[] = [];
  for (const contract of contracts) {
    if (contract.providerId !== providerId) continue;
    let term = currentContractTerm(contract, date);
    while (term !== null && toDayNumber(term.noticeDeadline ?? term.endDate) < end) {
      const deadline = term.noticeDeadline;
      if (deadline !== null && toDayNumber(deadline) >= first) {
        entries.push({ source: 'noticeDeadline', contract, deadline, termEndDate: term.endDate, nextMeetingDate: nextDate });
      }
      term = contractTerm(contract, term.renewal + 1);
    }
  }
  return entries.sort(
    (a, b) =>
      toDayNumber(a.deadline) - toDayNumber(b.deadline) ||
      compareText(a.contract.title, b.contract.title) ||
      compareText(a.contract.id, b.contract.id),
  );
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
