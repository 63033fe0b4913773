/**
 * Words of the agenda: each entry's title, timing and details in the user's language, the
 * grouping by month and day of the calendar view, and the texts of the `.ics` export. Pure
 * apart from the translation function.
 */
import type { TFunction } from 'i18next';
import type { CalendarEntry, CalendarEntryKind } from '@shared/calendar/agenda';
import type { IcsEventText } from '@shared/calendar/ics';
import type { CalendarDate, Period } from '@shared/domain/types';
import type { Screen } from '../../state/uiStore';
import { fromDayNumber, toDayNumber } from '@shared/schedule/days';
import { formatCalendarDate } from '../escalations/escalationView';
import { certificationName } from '../sync/recordText';

/** Entries of one day, in the agenda's order. */
export interface AgendaDay {
  readonly date: CalendarDate;
  readonly entries: readonly CalendarEntry[];
}

/** Days of one month that have entries. */
export interface AgendaMonth {
  readonly period: Period;
  readonly days: readonly AgendaDay[];
}

/** Groups entries, already sorted by date as `buildAgenda` returns them, by month and day. */
export function groupAgenda(entries: readonly CalendarEntry[]): AgendaMonth[] {
  const months: { period: Period; days: { date: CalendarDate; entries: CalendarEntry[] }[] }[] = [];
  for (const entry of entries) {
    const period = entry.date.slice(0, 7);
    let month = months.at(-1);
    if (month?.period !== period) {
      month = { period, days: [] };
      months.push(month);
    }
    let day = month.days.at(-1);
    if (day?.date !== entry.date) {
      day = { date: entry.date, entries: [] };
      month.days.push(day);
    }
    day.entries.push(entry);
  }
  return months;
}

export function entryKindName(t: TFunction, kind: CalendarEntryKind): string {
  return t(`calendar.kinds.${kind}`);
}

/** Returns what the entry is about: the contract or meeting title, the certificate's name, the action. */
export function entrySubject(t: TFunction, entry: CalendarEntry): string {
  if (entry.kind === 'certificationExpiry') return certificationName(t, entry.standard, entry.title);
  if (entry.title !== '') return entry.title;
  return t('calendar.untitled');
}

/** Returns "today", "in 3 days" or "overdue by 2 days". */
export function entryTiming(t: TFunction, entry: Pick<CalendarEntry, 'daysUntil'>): string {
  if (entry.daysUntil === 0) return t('calendar.timing.today');
  if (entry.daysUntil > 0) return t('calendar.timing.inDays', { count: entry.daysUntil });
  return t('calendar.timing.overdueBy', { count: -entry.daysUntil });
}

/** Returns the one-line summary of an entry, such as "Notice deadline: Contact centre services (North Payroll)". */
export function entrySummary(t: TFunction, entry: CalendarEntry): string {
  const values = { kind: entryKindName(t, entry.kind), subject: entrySubject(t, entry) };
  return entry.providerName === null ? t('calendar.summary', values) : t('calendar.summaryWithProvider', { ...values, provider: entry.providerName });
}

/** Returns the details of an entry: the term a deadline belongs to, a meeting's time, an action's owner. */
export function entryDetails(t: TFunction, entry: CalendarEntry, locale: string): string[] {
  switch (entry.kind) {
    case 'noticeDeadline':
      return [
        t('calendar.details.noticePeriod', { amount: entry.noticePeriod.amount, unit: t(`profile.noticeUnits.${entry.noticePeriod.unit}`) }),
        entry.autoRenewal
          ? t('calendar.details.renewsOn', { date: formatCalendarDate(fromDayNumber(toDayNumber(entry.termEndDate) + 1), locale) })
          : t('calendar.details.endsOn', { date: formatCalendarDate(entry.termEndDate, locale) }),
      ];
    case 'renewal': {
      let ending: string = t('calendar.details.contractEnds');
      if (entry.autoRenewal) {
        ending = entry.renewalMonths === null ? t('calendar.details.autoRenewalUnknown') : t('calendar.details.autoRenewal', { count: entry.renewalMonths });
      }
      const lines: string[] = [ending];
      if (entry.noticeDeadline !== null) lines.push(t('calendar.details.noticeBy', { date: formatCalendarDate(entry.noticeDeadline, locale) }));
      return lines;
    }
    case 'certificationExpiry':
      return [t('calendar.details.lastValidDay')];
    case 'meeting':
      return [
        t('calendar.details.meeting', {
          kind: t(`profile.meetingKinds.${entry.meetingKind}`),
          time: entry.startTime,
          minutes: entry.durationMinutes,
          timeZone: entry.timeZone,
        }),
      ];
    case 'actionDue':
      return [entry.owner === '' ? t('calendar.details.noOwner') : t('calendar.details.owner', { owner: entry.owner })];
    case 'riskReview':
      return [
        t('calendar.details.riskStatus', { status: t(`profile.riskStatuses.${entry.status}`), score: entry.score }),
        entry.owner === '' ? t('calendar.details.noOwner') : t('calendar.details.owner', { owner: entry.owner }),
      ];
  }
}

/** Returns the title and description of an entry's event in the `.ics` export. */
export function entryIcsText(t: TFunction, entry: CalendarEntry, locale: string): IcsEventText {
  return { summary: entrySummary(t, entry), description: entryDetails(t, entry, locale).join('\n') };
}

/**
 * Returns the screen of an entry's record: a meeting on the Governance screen, the Actions tab
 * for an action, the Risks screen for a risk, and the provider's page for a contract or
 * certification. `null` when the entry has no provider page to open.
 */
export function entryScreenOf(entry: CalendarEntry): Screen | null {
  if (entry.kind === 'meeting') return { name: 'governance', tab: 'meetings', meetingId: entry.recordId };
  if (entry.kind === 'actionDue') return { name: 'governance', tab: 'actions' };
  if (entry.kind === 'riskReview') return entry.providerId === null ? { name: 'risks' } : { name: 'risks', providerId: entry.providerId };
  return entry.providerId === null ? null : { name: 'provider', providerId: entry.providerId };
}
