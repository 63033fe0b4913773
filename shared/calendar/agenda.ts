/**
 * The portfolio agenda: the dated events of the portfolio in one list, for the calendar screen
 * and the iCalendar export. The entries hold data only, and the renderer builds their texts.
 *
 * What each record contributes, from `today` to `today + horizonDays`:
 * - contracts: the end of each term (`renewal`), and the notice deadline before it
 *   (`noticeDeadline`). An auto-renewing contract with a renewal length contributes every term
 *   that ends in the range, so after a term renews the next term end and its deadline appear. A
 *   deadline that has already passed still shows (as `overdue`) while its term has not ended,
 *   because the contract can then no longer be ended at that term end;
 * - certifications: the expiry date, expired ones included (as `overdue`). A certification that
 *   another one of the same provider, standard and name replaces is left out
 *   (`isReplacedCertification`), whether it has expired or not;
 * - meetings: planned meetings from today on; held and cancelled ones are left out;
 * - action items: open actions by due date, overdue ones included whatever their age. Done
 *   actions and actions without a due date are left out;
 * - risks: the review date of every risk that is not closed, overdue reviews included whatever
 *   their age. Risks without a review date are left out.
 * Deleted records are not in the input, because deletion removes a record from its table.
 */
import type { ActionItem, Meeting, MeetingKind, Risk, RiskStatus } from '../domain/governance';
import type { Certification, CertificationStandard } from '../domain/providerProfile';
import type { CalendarDate, Contract, Id, Instant, NoticePeriod, Provider } from '../domain/types';
import { fromDayNumber, isCalendarDate, toDayNumber } from '../schedule/days';
import { contractTerm, currentContractTerm, type ContractTerm } from './contractDates';
import { isTimeOfDay, zonedTimeToUtcMillis } from './zonedTime';

export type CalendarEntryKind = 'noticeDeadline' | 'renewal' | 'certificationExpiry' | 'riskReview' | 'meeting' | 'actionDue';

/** Entry kinds in the order they are listed within one day. */
export const calendarEntryKinds: readonly CalendarEntryKind[] = [
  'noticeDeadline',
  'renewal',
  'certificationExpiry',
  'riskReview',
  'actionDue',
  'meeting',
];

/** Days before its date from which an entry is flagged as an alert, by kind. */
export type AlertLeadDays = Readonly<Record<CalendarEntryKind, number>>;

/**
 * Default alert lead times in days. Notice deadlines and renewals get 90 days, about a quarter,
 * which leaves time to decide on a renewal, prepare a retender or negotiate. Certifications
 * get 60 days to obtain the renewed certificate or report. Risk reviews get 14 days to collect
 * the mitigation status from the owner and the provider. Meetings get 1 day to prepare, and
 * actions 7 days, the weekly operational meeting's cycle.
 */
export const defaultAlertLeadDays: AlertLeadDays = {
  noticeDeadline: 90,
  renewal: 90,
  certificationExpiry: 60,
  riskReview: 14,
  meeting: 1,
  actionDue: 7,
};

interface CalendarEntryBase {
  readonly kind: CalendarEntryKind;
  /** Day of the event. For a meeting, its date in the meeting's own time zone. */
  readonly date: CalendarDate;
  readonly recordId: Id;
  readonly providerId: Id | null;
  /** Current name of the provider, or `null` when the entry has no provider or the provider is not in the input. */
  readonly providerName: string | null;
  /**
   * The record's own title as the user typed it: the contract title, the certification name
   * (often empty for a listed standard), the meeting title or the action title.
   */
  readonly title: string;
  /** Days from today to `date`: 0 today, negative in the past. */
  readonly daysUntil: number;
  /**
   * Whether `date` is before today: an overdue action, an expired certification or a notice
   * deadline that has passed.
   */
  readonly overdue: boolean;
  /** Alert lead time of the entry's kind, in days. */
  readonly leadDays: number;
  /** Whether the entry is within its lead time (`daysUntil <= leadDays`), which includes every overdue entry. */
  readonly alert: boolean;
}

/** Last day to give notice to end a contract at the end of a term. */
export interface NoticeDeadlineEntry extends CalendarEntryBase {
  readonly kind: 'noticeDeadline';
  readonly table: 'contracts';
  /** Term the deadline belongs to: 0 for the original end date, n after n automatic renewals. */
  readonly renewal: number;
  /** Last day of that term. */
  readonly termEndDate: CalendarDate;
  readonly noticePeriod: NoticePeriod;
  /** Whether the contract renews itself at `termEndDate` when no notice is given. */
  readonly autoRenewal: boolean;
}

/** End of a contract term: an automatic renewal when `autoRenewal`, otherwise the end of the contract. */
export interface RenewalEntry extends CalendarEntryBase {
  readonly kind: 'renewal';
  readonly table: 'contracts';
  /** 0 for the original end date, n for the end of the n-th automatic renewal. */
  readonly renewal: number;
  readonly autoRenewal: boolean;
  /** Length of each automatic renewal in months, or `null` when not recorded. */
  readonly renewalMonths: number | null;
  /** Notice deadline of the term, or `null` when the contract has no notice period. */
  readonly noticeDeadline: CalendarDate | null;
}

/** Last day a certificate or report is valid. */
export interface CertificationExpiryEntry extends CalendarEntryBase {
  readonly kind: 'certificationExpiry';
  readonly table: 'certifications';
  readonly standard: CertificationStandard;
}

/** A planned meeting. */
export interface MeetingEntry extends CalendarEntryBase {
  readonly kind: 'meeting';
  readonly table: 'meetings';
  readonly meetingKind: MeetingKind;
  /** Local start time `HH:MM` in `timeZone`. */
  readonly startTime: string;
  readonly durationMinutes: number;
  /** IANA time zone of `date` and `startTime`. */
  readonly timeZone: string;
  /** Start as a UTC instant, or `null` when the stored time, duration or time zone is invalid. */
  readonly startsAt: Instant | null;
  /** End as a UTC instant (`durationMinutes` after the start), or `null` with `startsAt`. */
  readonly endsAt: Instant | null;
}

/** Due date of an open action item. */
export interface ActionDueEntry extends CalendarEntryBase {
  readonly kind: 'actionDue';
  readonly table: 'actionItems';
  /** Person responsible, as free text, or empty. */
  readonly owner: string;
  /** Meeting that raised the action, or `null`. */
  readonly meetingId: Id | null;
}

/** Review date of a risk that is not closed. */
export interface RiskReviewEntry extends CalendarEntryBase {
  readonly kind: 'riskReview';
  readonly table: 'risks';
  /** Person responsible, as free text, or empty. */
  readonly owner: string;
  readonly status: Exclude<RiskStatus, 'closed'>;
  /** Likelihood times impact, from 1 to 25. */
  readonly score: number;
}

export type CalendarEntry = NoticeDeadlineEntry | RenewalEntry | CertificationExpiryEntry | RiskReviewEntry | MeetingEntry | ActionDueEntry;

/** The records the agenda is built from. Records of any provider may be mixed. */
export interface AgendaRecords {
  readonly contracts: readonly Contract[];
  readonly certifications: readonly Certification[];
  readonly meetings: readonly Meeting[];
  readonly actionItems: readonly ActionItem[];
  readonly risks: readonly Risk[];
  /** Providers, for their names. */
  readonly providers: readonly Pick<Provider, 'id' | 'name'>[];
}

export interface AgendaOptions {
  /** The user's current date. */
  readonly today: CalendarDate;
  /** Days after `today` that the agenda covers: entries dated up to `today + horizonDays` are listed. */
  readonly horizonDays: number;
  /** Lead times that replace the defaults of `defaultAlertLeadDays`, in whole days. */
  readonly alertLeadDays?: Partial<AlertLeadDays>;
}

/** Fields every entry shares, computed from its date. */
type EntryTiming = Pick<CalendarEntryBase, 'date' | 'daysUntil' | 'overdue' | 'leadDays' | 'alert'>;

interface AgendaContext {
  readonly todayDay: number;
  readonly lastDay: number;
  readonly leadDays: AlertLeadDays;
  readonly providerNames: ReadonlyMap<Id, string>;
}

/**
 * Builds the agenda, sorted by date. Within a day the order is notice deadlines, renewals,
 * certification expiries, risk reviews, action due dates, then meetings by start time. Provider name, title
 * and record id break ties, so the order is the same on every laptop.
 *
 * Throws a `RangeError` when `today` is not a date, or `horizonDays` or a lead time is not a
 * non-negative whole number. Also throws one when a record contains an invalid date or notice
 * period. A meeting with an invalid start time or time zone is kept, with `startsAt` `null`.
 */
export function buildAgenda(records: AgendaRecords, options: AgendaOptions): CalendarEntry[] {
  const context = contextOf(records, options);
  const entries: CalendarEntry[] = [
    ...records.contracts.flatMap((contract) => contractEntries(contract, context)),
    ...certificationEntries(records.certifications, context),
    ...records.meetings.flatMap((meeting) => meetingEntries(meeting, context)),
    ...records.actionItems.flatMap((action) => actionEntries(action, context)),
    ...records.risks.flatMap((risk) => riskReviewEntries(risk, context)),
  ];
  return entries.sort(compareEntries);
}

function contextOf(records: AgendaRecords, options: AgendaOptions): AgendaContext {
  if (!isCalendarDate(options.today)) throw new RangeError(`Invalid today ${JSON.stringify(options.today)}: expected YYYY-MM-DD.`);
  checkDays(options.horizonDays, 'horizonDays');
  const leadDays = { ...defaultAlertLeadDays, ...options.alertLeadDays };
  for (const kind of calendarEntryKinds) checkDays(leadDays[kind], `alertLeadDays.${kind}`);
  const todayDay = toDayNumber(options.today);
  return {
    todayDay,
    lastDay: todayDay + options.horizonDays,
    leadDays,
    providerNames: new Map(records.providers.map((provider) => [provider.id, provider.name])),
  };
}

function checkDays(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative whole number of days, got ${value}.`);
}

function timingOf(date: CalendarDate, kind: CalendarEntryKind, context: AgendaContext): EntryTiming {
  const daysUntil = toDayNumber(date) - context.todayDay;
  const leadDays = context.leadDays[kind];
  return { date, daysUntil, overdue: daysUntil < 0, leadDays, alert: daysUntil <= leadDays };
}

function providerFields(providerId: Id | null, context: AgendaContext): Pick<CalendarEntryBase, 'providerId' | 'providerName'> {
  return { providerId, providerName: providerId === null ? null : (context.providerNames.get(providerId) ?? null) };
}

/**
 * Lists the renewal and notice deadline entries of a contract: those of the term running today
 * and of each later term whose end or notice deadline falls within the horizon.
 */
function contractEntries(contract: Contract, context: AgendaContext): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  let term: ContractTerm | null = currentContractTerm(contract, fromDayNumber(context.todayDay));
  while (term !== null && toDayNumber(term.noticeDeadline ?? term.endDate) <= context.lastDay) {
    const common = {
      table: 'contracts',
      recordId: contract.id,
      title: contract.title,
      ...providerFields(contract.providerId, context),
    } as const;
    if (term.noticeDeadline !== null && contract.noticePeriod !== null) {
      entries.push({
        ...common,
        ...timingOf(term.noticeDeadline, 'noticeDeadline', context),
        kind: 'noticeDeadline',
        renewal: term.renewal,
        termEndDate: term.endDate,
        noticePeriod: contract.noticePeriod,
        autoRenewal: contract.autoRenewal,
      });
    }
    if (toDayNumber(term.endDate) <= context.lastDay) {
      entries.push({
        ...common,
        ...timingOf(term.endDate, 'renewal', context),
        kind: 'renewal',
        renewal: term.renewal,
        autoRenewal: contract.autoRenewal,
        renewalMonths: contract.renewalMonths,
        noticeDeadline: term.noticeDeadline,
      });
    }
    term = contractTerm(contract, term.renewal + 1);
  }
  return entries;
}

function certificationKey(certification: Certification): string {
  return JSON.stringify([certification.providerId, certification.standard, certification.name.trim().toLowerCase()]);
}

/**
 * Checks whether another certification in `candidates` replaces `certification`. A replacement
 * has the same provider, standard and name (ignoring case and surrounding spaces), was issued
 * by `today` or has no issue date, and expires later or never. Certifications with different
 * names, such as the certificates of two sites, never replace each other.
 */
export function isReplacedCertification(certification: Certification, candidates: readonly Certification[], today: CalendarDate): boolean {
  const expiry = certification.expiresOn;
  if (expiry === null) return false;
  const key = certificationKey(certification);
  return candidates.some(
    (other) =>
      other.id !== certification.id &&
      certificationKey(other) === key &&
      (other.issuedOn === null || other.issuedOn <= today) &&
      (other.expiresOn === null || other.expiresOn > expiry),
  );
}

function certificationEntries(certifications: readonly Certification[], context: AgendaContext): CertificationExpiryEntry[] {
  const today = fromDayNumber(context.todayDay);
  const entries: CertificationExpiryEntry[] = [];
  for (const certification of certifications) {
    const expiry = certification.expiresOn;
    if (expiry === null || toDayNumber(expiry) > context.lastDay) continue;
    if (isReplacedCertification(certification, certifications, today)) continue;
    entries.push({
      kind: 'certificationExpiry',
      table: 'certifications',
      recordId: certification.id,
      title: certification.name,
      standard: certification.standard,
      ...providerFields(certification.providerId, context),
      ...timingOf(expiry, 'certificationExpiry', context),
    });
  }
  return entries;
}

const millisPerMinute = 60_000;

function meetingInstants(meeting: Meeting): Pick<MeetingEntry, 'startsAt' | 'endsAt'> {
  const invalid = { startsAt: null, endsAt: null };
  if (!isTimeOfDay(meeting.startTime) || !Number.isInteger(meeting.durationMinutes) || meeting.durationMinutes < 0) return invalid;
  let start: number;
  try {
    start = zonedTimeToUtcMillis(meeting.date, meeting.startTime, meeting.timeZone);
  } catch (error) {
    // An unknown time zone leaves the meeting on its date without a time.
    if (error instanceof RangeError) return invalid;
    throw error;
  }
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + meeting.durationMinutes * millisPerMinute).toISOString(),
  };
}

function meetingEntries(meeting: Meeting, context: AgendaContext): MeetingEntry[] {
  if (meeting.status !== 'planned') return [];
  const day = toDayNumber(meeting.date);
  if (day < context.todayDay || day > context.lastDay) return [];
  return [
    {
      kind: 'meeting',
      table: 'meetings',
      recordId: meeting.id,
      title: meeting.title,
      meetingKind: meeting.kind,
      startTime: meeting.startTime,
      durationMinutes: meeting.durationMinutes,
      timeZone: meeting.timeZone,
      ...meetingInstants(meeting),
      ...providerFields(meeting.providerId, context),
      ...timingOf(meeting.date, 'meeting', context),
    },
  ];
}

function actionEntries(action: ActionItem, context: AgendaContext): ActionDueEntry[] {
  if (action.status !== 'open' || action.dueDate === null) return [];
  if (toDayNumber(action.dueDate) > context.lastDay) return [];
  return [
    {
      kind: 'actionDue',
      table: 'actionItems',
      recordId: action.id,
      title: action.title,
      owner: action.owner,
      meetingId: action.meetingId,
      ...providerFields(action.providerId, context),
      ...timingOf(action.dueDate, 'actionDue', context),
    },
  ];
}

function riskReviewEntries(risk: Risk, context: AgendaContext): RiskReviewEntry[] {
  if (risk.status === 'closed' || risk.reviewDate === null) return [];
  if (toDayNumber(risk.reviewDate) > context.lastDay) return [];
  return [
    {
      kind: 'riskReview',
      table: 'risks',
      recordId: risk.id,
      title: risk.title,
      owner: risk.owner,
      status: risk.status,
      score: risk.likelihood * risk.impact,
      ...providerFields(risk.providerId, context),
      ...timingOf(risk.reviewDate, 'riskReview', context),
    },
  ];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function timeKey(entry: CalendarEntry): string {
  return entry.kind === 'meeting' ? (entry.startsAt ?? '') : '';
}

function renewalKey(entry: CalendarEntry): number {
  return entry.kind === 'renewal' || entry.kind === 'noticeDeadline' ? entry.renewal : 0;
}

function compareEntries(a: CalendarEntry, b: CalendarEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const kindOrder = calendarEntryKinds.indexOf(a.kind) - calendarEntryKinds.indexOf(b.kind);
  if (kindOrder !== 0) return kindOrder;
  if (timeKey(a) !== timeKey(b)) return timeKey(a) < timeKey(b) ? -1 : 1;
  const byProvider = collator.compare(a.providerName ?? '', b.providerName ?? '');
  if (byProvider !== 0) return byProvider;
  const byTitle = collator.compare(a.title, b.title);
  if (byTitle !== 0) return byTitle;
  if (a.recordId !== b.recordId) return a.recordId < b.recordId ? -1 : 1;
  return renewalKey(a) - renewalKey(b);
}
