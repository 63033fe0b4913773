/**
 * Governance records: the risk register, meeting cadences and their meetings, and the decisions
 * and action items that meetings produce. Each `...Data` interface is the stored part of a
 * record, as in `types.ts`.
 */
import type { CalendarDate, Id, SyncFields } from './types';

/** BPO risk presets, plus `other` for anything else. */
export type RiskCategory =
  | 'providerConcentration'
  | 'attrition'
  | 'dataProtection'
  | 'disasterRecovery'
  | 'financialDistress'
  | 'countryRisk'
  | 'regulatoryChange'
  | 'other';

/** A score on the 1 (rare, minor) to 5 (almost certain, severe) scale. */
export type RiskScore = 1 | 2 | 3 | 4 | 5;

export type RiskStatus = 'open' | 'mitigating' | 'accepted' | 'closed';

export interface RiskData {
  /** Provider the risk concerns, or `null` for a portfolio-wide risk such as provider concentration. */
  readonly providerId: Id | null;
  readonly title: string;
  readonly category: RiskCategory;
  readonly description: string;
  readonly likelihood: RiskScore;
  readonly impact: RiskScore;
  /** Person responsible, as free text; may be empty. */
  readonly owner: string;
  readonly mitigation: string;
  readonly status: RiskStatus;
  /** Next review, or `null` when none is planned. */
  readonly reviewDate: CalendarDate | null;
}
export type Risk = SyncFields & RiskData;

/** The three standing meetings of BPO governance. */
export type MeetingCadenceKind = 'weeklyOperational' | 'monthlyManagement' | 'quarterlySteering';

/** A standing meeting and the rule that generates its instances. */
export interface MeetingCadenceData {
  readonly providerId: Id;
  /** Contract whose governance schedule the cadence is, or `null`. */
  readonly contractId: Id | null;
  readonly kind: MeetingCadenceKind;
  readonly title: string;
  /**
   * Date of the first meeting. Later ones fall every 7 days (weekly), on the same day of each
   * month (monthly) or of every third month (quarterly), on the month's last day when it is shorter.
   */
  readonly firstDate: CalendarDate;
  /** Last date a meeting may fall on, or `null` for no end. */
  readonly untilDate: CalendarDate | null;
  /** Local start time `HH:MM` in `timeZone`. */
  readonly startTime: string;
  readonly durationMinutes: number;
  /** IANA time zone of `startTime`. */
  readonly timeZone: string;
  /** Invited people, as free text. */
  readonly attendees: string;
}
export type MeetingCadence = SyncFields & MeetingCadenceData;

export type MeetingKind = MeetingCadenceKind | 'adHoc';

export type MeetingStatus = 'planned' | 'held' | 'cancelled';

/** Origin of an agenda item: the record it was drafted from, or a line a person typed. */
export type AgendaItemSource = 'escalation' | 'serviceLevel' | 'noticeDeadline' | 'risk' | 'action' | 'note';

export interface AgendaItem {
  readonly source: AgendaItemSource;
  /** Record the item was drafted from; `null` for a typed line. */
  readonly recordId: Id | null;
  readonly text: string;
}

export interface MeetingData {
  readonly providerId: Id;
  /**
   * Cadence that generated the meeting, or `null` for a meeting added by hand. With `date`, the
   * natural key, so the same instance generated on two laptops is one meeting after a merge.
   */
  readonly cadenceId: Id | null;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly date: CalendarDate;
  /** Local start time `HH:MM` in `timeZone`. */
  readonly startTime: string;
  readonly durationMinutes: number;
  readonly timeZone: string;
  readonly status: MeetingStatus;
  /** Agenda, drafted from the portfolio and then edited; empty until drafted. */
  readonly agenda: readonly AgendaItem[];
  readonly attendees: string;
  readonly minutes: string;
}
export type Meeting = SyncFields & MeetingData;

/** An entry of the decision log. */
export interface DecisionData {
  /** Meeting where it was taken, or `null`. */
  readonly meetingId: Id | null;
  readonly providerId: Id | null;
  readonly text: string;
  readonly decidedOn: CalendarDate;
  /** Person or body that decided, as free text, possibly empty. */
  readonly decidedBy: string;
}
export type Decision = SyncFields & DecisionData;

export type ActionStatus = 'open' | 'done';

export interface ActionItemData {
  /** Meeting that raised it, or `null`. */
  readonly meetingId: Id | null;
  readonly providerId: Id | null;
  readonly title: string;
  /** Person responsible, a vendor manager or a provider contact, as free text; may be empty. */
  readonly owner: string;
  readonly dueDate: CalendarDate | null;
  readonly status: ActionStatus;
  /** Day it was done, or `null` while open. */
  readonly completedOn: CalendarDate | null;
}
export type ActionItem = SyncFields & ActionItemData;
