/**
 * A draft agenda for a provider's meeting, from the records the meeting should discuss. The
 * draft is stored in the meeting and then edited by the user, so the item texts come from text
 * functions that the caller passes in (the renderer builds them on i18n).
 *
 * Content by meeting kind (`agendaScopes`):
 * - weekly operational: open escalations of every level, service levels missed in the latest
 *   measured month, and open actions due on or before the meeting date;
 * - monthly management and ad hoc meetings: all of the weekly content, plus risks due for review
 *   on the meeting date;
 * - quarterly steering committee: open escalations at level 2 (management) or 3 (steering
 *   committee), risks due for review on the meeting date, risks rated high or critical that
 *   changed since the previous meeting of the cadence, and open actions due on or before the
 *   meeting date.
 * Monthly management and quarterly steering committee agendas also list the provider's notice
 * deadlines from the meeting date until the next meeting of the cadence (`agendaNotices.ts`).
 *
 * Order: escalations (highest level first, then the oldest), missed service levels (critical
 * first, then the largest shortfall), notice deadlines (earliest first), risks (highest score
 * first, then the earliest review date), actions (earliest due date first).
 */
import type { Escalation, EscalationLevel } from '../domain/escalation';
import type { ActionItem, AgendaItem, Meeting, MeetingCadenceData, MeetingData, MeetingKind, Risk } from '../domain/governance';
import { shortfall } from '../domain/kpiMath';
import type { CalendarDate, Contract, Id, Period, ServiceLevel } from '../domain/types';
import { maxHlc, parseHlc } from '../sync/hlc';
import { judgeMonth, monthsWithResults, trackLevels, type ControlTowerKpi, type ControlTowerMeasurement } from '../kpi/controlTower';
import { nextMeetingDate, noticeDeadlineEntries, type NoticeDeadlineAgendaEntry } from './agendaNotices';
import { isDueForReview, riskRating, riskScore, type RiskRating } from './riskMatrix';

export type { NoticeDeadlineAgendaEntry } from './agendaNotices';

/** Selection rules of a meeting kind's agenda. */
export interface AgendaScope {
  /** Lowest level of the open escalations on the agenda, or `null` for none. */
  readonly minEscalationLevel: EscalationLevel | null;
  /** Whether service levels missed in the latest measured month are on the agenda. */
  readonly missedServiceLevels: boolean;
  /**
   * Risks on the agenda, of those not closed. `dueForReview` takes the risks due for review on
   * the meeting date. `dueOrChangedHigh` adds the risks rated high or critical that changed on or
   * after the previous meeting's date (`AgendaDraftInput.riskChanges`).
   */
  readonly risks: 'none' | 'dueForReview' | 'dueOrChangedHigh';
  /** Open actions on the agenda: `dueByMeeting` takes those due on or before the meeting date, overdue ones included. */
  readonly actions: 'none' | 'dueByMeeting';
  /** Whether notice deadlines before the next meeting of the cadence are on the agenda. */
  readonly noticeDeadlines: boolean;
}

export const agendaScopes: Readonly<Record<MeetingKind, AgendaScope>> = {
  weeklyOperational: { minEscalationLevel: 1, missedServiceLevels: true, risks: 'none', actions: 'dueByMeeting', noticeDeadlines: false },
  monthlyManagement: {
    minEscalationLevel: 1,
    missedServiceLevels: true,
    risks: 'dueForReview',
    actions: 'dueByMeeting',
    noticeDeadlines: true,
  },
  quarterlySteering: {
    minEscalationLevel: 2,
    missedServiceLevels: false,
    risks: 'dueOrChangedHigh',
    actions: 'dueByMeeting',
    noticeDeadlines: true,
  },
  adHoc: { minEscalationLevel: 1, missedServiceLevels: true, risks: 'dueForReview', actions: 'dueByMeeting', noticeDeadlines: false },
};

/** The portfolio records an agenda is drafted from. Records of other providers may be included, and are skipped. */
export interface AgendaDraftInput {
  readonly meeting: Pick<MeetingData, 'providerId' | 'kind' | 'date'>;
  readonly escalations: readonly Escalation[];
  readonly serviceLevels: readonly ServiceLevel[];
  readonly kpis: readonly ControlTowerKpi[];
  readonly measurements: readonly ControlTowerMeasurement[];
  readonly risks: readonly Risk[];
  readonly actionItems: readonly ActionItem[];
  /**
   * When each risk last changed, for the `dueOrChangedHigh` scope. Without it, or without a
   * previous meeting, every high or critical risk counts as changed.
   */
  readonly riskChanges?: RiskChanges;
  readonly contracts: readonly Contract[];
  /** The cadence that generated the meeting, which dates the next meeting; `null` for a meeting added by hand. */
  readonly cadence: Pick<MeetingCadenceData, 'kind' | 'firstDate' | 'untilDate'> | null;
}

/** The facts that decide whether a risk changed since the previous meeting of a cadence. */
export interface RiskChanges {
  /** Date of the previous meeting of the cadence, or `null` for its first meeting. */
  readonly previousMeetingDate: CalendarDate | null;
  /** The user's calendar day of each risk's latest write, by risk id. A risk not listed counts as changed. */
  readonly changedOn: ReadonlyMap<Id, CalendarDate>;
}

export interface EscalationAgendaEntry {
  readonly source: 'escalation';
  readonly escalation: Escalation;
  /** The escalation's service level, or `null` when it is not among the input's levels. */
  readonly serviceLevel: ServiceLevel | null;
  /** KPI of that service level, or `null` when unknown. */
  readonly kpi: ControlTowerKpi | null;
}

export interface MissedLevelAgendaEntry {
  readonly source: 'serviceLevel';
  readonly serviceLevel: ServiceLevel;
  readonly kpi: ControlTowerKpi;
  /** Latest month in which any of the provider's service levels has a result. */
  readonly period: Period;
  /** The month's result in the KPI's unit. */
  readonly result: number;
  /** Levels in force that month, glide path included. */
  readonly minimum: number;
  readonly expected: number;
  /** Shortfall from the minimum as from `shortfall()`: 0.1 is 10% worse than the minimum. */
  readonly shortfall: number;
}

export interface RiskAgendaEntry {
  readonly source: 'risk';
  readonly risk: Risk;
  readonly score: number;
  readonly rating: RiskRating;
  /** Whether the review date is on or before the meeting date. */
  readonly dueForReview: boolean;
  /** Whether the risk changed on or after the previous meeting's date, judged from `riskChanges`. */
  readonly changedSincePrevious: boolean;
}

export interface ActionAgendaEntry {
  readonly source: 'action';
  readonly action: ActionItem;
  readonly dueDate: CalendarDate;
  /** Whether the action is due before the meeting date. */
  readonly overdue: boolean;
}

/** A record selected for the agenda, with the facts its text needs. */
export type AgendaEntry = EscalationAgendaEntry | MissedLevelAgendaEntry | NoticeDeadlineAgendaEntry | RiskAgendaEntry | ActionAgendaEntry;

/** Functions that turn each kind of entry into the agenda line the user reads and edits. */
export interface AgendaTexts {
  readonly escalation: (entry: EscalationAgendaEntry) => string;
  readonly serviceLevel: (entry: MissedLevelAgendaEntry) => string;
  readonly noticeDeadline: (entry: NoticeDeadlineAgendaEntry) => string;
  readonly risk: (entry: RiskAgendaEntry) => string;
  readonly action: (entry: ActionAgendaEntry) => string;
}

/** Orders by code units rather than locale, so the order is the same on every machine. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Orders `null` after every date. */
function compareOptionalDates(a: CalendarDate | null, b: CalendarDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

function escalationEntries(input: AgendaDraftInput, minLevel: EscalationLevel): EscalationAgendaEntry[] {
  const levelsById = new Map(input.serviceLevels.map((level) => [level.id, level]));
  const kpisById = new Map(input.kpis.map((kpi) => [kpi.id, kpi]));
  return input.escalations
    .filter(
      (escalation) => escalation.providerId === input.meeting.providerId && escalation.status === 'open' && escalation.level >= minLevel,
    )
    .sort(
      (a, b) =>
        b.level - a.level || compareText(a.openedPeriod, b.openedPeriod) || compareText(a.dueDate, b.dueDate) || compareText(a.id, b.id),
    )
    .map((escalation) => {
      const serviceLevel = levelsById.get(escalation.serviceLevelId) ?? null;
      const kpi = serviceLevel === null ? null : (kpisById.get(serviceLevel.kpiId) ?? null);
      return { source: 'escalation', escalation, serviceLevel, kpi };
    });
}

/**
 * Lists the provider's service levels, critical or reported, that missed their minimum in the
 * provider's latest measured month, judged as on the dashboard (`judgeMonth`). Months after the
 * meeting's month are not read, so a draft for a past meeting shows what was known then.
 */
function missedLevelEntries(input: AgendaDraftInput): MissedLevelAgendaEntry[] {
  const { providerId } = input.meeting;
  const meetingPeriod = input.meeting.date.slice(0, 7);
  const levels = input.serviceLevels.filter((level) => level.providerId === providerId);
  const measurements = input.measurements.filter(
    (measurement) => measurement.providerId === providerId && measurement.period <= meetingPeriod,
  );
  const tracked = trackLevels('all', levels, input.kpis, measurements);
  const period = monthsWithResults(tracked).at(-1);
  if (period === undefined) return [];

  const entries: MissedLevelAgendaEntry[] = [];
  for (const entry of tracked) {
    const judged = judgeMonth(entry, period);
    if (judged.status !== 'red' || judged.result === null) continue;
    entries.push({
      source: 'serviceLevel',
      serviceLevel: entry.level,
      kpi: entry.kpi,
      period,
      result: judged.result,
      minimum: judged.minimum,
      expected: judged.expected,
      shortfall: shortfall(entry.kpi, { minimum: judged.minimum }, judged.result) ?? 0,
    });
  }
  return entries.sort(
    (a, b) =>
      Number(b.serviceLevel.critical) - Number(a.serviceLevel.critical) ||
      b.shortfall - a.shortfall ||
      compareText(a.kpi.name, b.kpi.name) ||
      compareText(a.serviceLevel.id, b.serviceLevel.id),
  );
}

/**
 * Returns the date of the latest earlier meeting of `meeting`'s cadence (for a meeting added by hand, of its
 * provider and kind), leaving out cancelled meetings, or `null` when there is none.
 */
export function previousMeetingDate(
  meeting: Pick<Meeting, 'id' | 'providerId' | 'cadenceId' | 'kind' | 'date'>,
  meetings: readonly Pick<Meeting, 'id' | 'providerId' | 'cadenceId' | 'kind' | 'date' | 'status'>[],
): CalendarDate | null {
  let previous: CalendarDate | null = null;
  for (const other of meetings) {
    const sameSeries =
      meeting.cadenceId === null
        ? other.cadenceId === null && other.providerId === meeting.providerId && other.kind === meeting.kind
        : other.cadenceId === meeting.cadenceId;
    if (!sameSeries || other.id === meeting.id || other.status === 'cancelled' || other.date >= meeting.date) continue;
    if (previous === null || other.date > previous) previous = other.date;
  }
  return previous;
}

/**
 * Builds the `riskChanges` of a meeting's draft. A risk's latest write is its newest clock (record
 * or field), and `localDateOf` turns its wall time (milliseconds since the epoch) into the user's day.
 */
export function riskChangesFor(
  meeting: Pick<Meeting, 'id' | 'providerId' | 'cadenceId' | 'kind' | 'date'>,
  meetings: readonly Pick<Meeting, 'id' | 'providerId' | 'cadenceId' | 'kind' | 'date' | 'status'>[],
  risks: readonly Risk[],
  localDateOf: (wallMs: number) => CalendarDate,
): RiskChanges {
  const changedOn = new Map<Id, CalendarDate>();
  for (const risk of risks) {
    const latest = maxHlc(risk.clock, ...Object.values(risk.fieldClocks));
    changedOn.set(risk.id, localDateOf(parseHlc(latest).wallMs));
  }
  return { previousMeetingDate: previousMeetingDate(meeting, meetings), changedOn };
}

function changedSincePrevious(risk: Risk, changes: RiskChanges | undefined): boolean {
  if (changes === undefined || changes.previousMeetingDate === null) return true;
  const changedOn = changes.changedOn.get(risk.id);
  // A change on the previous meeting's own day may have come after the meeting, so it counts.
  return changedOn === undefined || changedOn >= changes.previousMeetingDate;
}

function riskEntries(input: AgendaDraftInput, scope: AgendaScope['risks']): RiskAgendaEntry[] {
  if (scope === 'none') return [];
  const entries: RiskAgendaEntry[] = [];
  for (const risk of input.risks) {
    if (risk.providerId !== input.meeting.providerId || risk.status === 'closed') continue;
    const rating = riskRating(risk);
    const dueForReview = isDueForReview(risk, input.meeting.date);
    const changed = changedSincePrevious(risk, input.riskChanges);
    const highAndChanged = (rating === 'high' || rating === 'critical') && changed;
    const selected = scope === 'dueForReview' ? dueForReview : dueForReview || highAndChanged;
    if (selected) entries.push({ source: 'risk', risk, score: riskScore(risk), rating, dueForReview, changedSincePrevious: changed });
  }
  return entries.sort(
    (a, b) =>
      b.score - a.score ||
      compareOptionalDates(a.risk.reviewDate, b.risk.reviewDate) ||
      compareText(a.risk.title, b.risk.title) ||
      compareText(a.risk.id, b.risk.id),
  );
}

function actionEntries(input: AgendaDraftInput, scope: AgendaScope['actions']): ActionAgendaEntry[] {
  if (scope === 'none') return [];
  const meetingDate = input.meeting.date;
  const entries: ActionAgendaEntry[] = [];
  for (const action of input.actionItems) {
    const { dueDate } = action;
    if (action.providerId !== input.meeting.providerId || action.status !== 'open' || dueDate === null) continue;
    if (dueDate <= meetingDate) entries.push({ source: 'action', action, dueDate, overdue: dueDate < meetingDate });
  }
  return entries.sort(
    (a, b) => compareText(a.dueDate, b.dueDate) || compareText(a.action.title, b.action.title) || compareText(a.action.id, b.action.id),
  );
}

function noticeEntries(input: AgendaDraftInput): NoticeDeadlineAgendaEntry[] {
  const { meeting } = input;
  const next = nextMeetingDate(meeting.kind, meeting.date, input.cadence);
  return next === null ? [] : noticeDeadlineEntries(input.contracts, meeting.providerId, meeting.date, next);
}

/**
 * Selects the records for a meeting's agenda, in agenda order, with the facts each line needs.
 * `scope` defaults to the one of the meeting's kind.
 */
export function selectAgendaEntries(input: AgendaDraftInput, scope: AgendaScope = agendaScopes[input.meeting.kind]): AgendaEntry[] {
  return [
    ...(scope.minEscalationLevel === null ? [] : escalationEntries(input, scope.minEscalationLevel)),
    ...(scope.missedServiceLevels ? missedLevelEntries(input) : []),
    ...(scope.noticeDeadlines ? noticeEntries(input) : []),
    ...riskEntries(input, scope.risks),
    ...actionEntries(input, scope.actions),
  ];
}

function recordIdOf(entry: AgendaEntry): Id {
  switch (entry.source) {
    case 'escalation':
      return entry.escalation.id;
    case 'serviceLevel':
      return entry.serviceLevel.id;
    case 'noticeDeadline':
      return entry.contract.id;
    case 'risk':
      return entry.risk.id;
    case 'action':
      return entry.action.id;
  }
}

function textOf(entry: AgendaEntry, texts: AgendaTexts): string {
  switch (entry.source) {
    case 'escalation':
      return texts.escalation(entry);
    case 'serviceLevel':
      return texts.serviceLevel(entry);
    case 'noticeDeadline':
      return texts.noticeDeadline(entry);
    case 'risk':
      return texts.risk(entry);
    case 'action':
      return texts.action(entry);
  }
}

/**
 * Drafts a meeting's agenda: one item per selected record (see `selectAgendaEntries`), with the
 * record's id and the line from `texts`.
 */
export function draftAgenda(
  input: AgendaDraftInput,
  texts: AgendaTexts,
  scope: AgendaScope = agendaScopes[input.meeting.kind],
): AgendaItem[] {
  return selectAgendaEntries(input, scope).map((entry) => ({
    source: entry.source,
    recordId: recordIdOf(entry),
    text: textOf(entry, texts),
  }));
}
