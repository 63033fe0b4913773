/**
 * Escalations of missed critical service levels. An escalation is one record whose fields contain
 * its current state. Its history is a separate table of events, one record per change, so that
 * changes made on two laptops both survive a merge. Each `...Data` interface is the stored part of
 * a record, as in `types.ts`.
 */
import type { CalendarDate, Id, Instant, Period, SyncFields } from './types';

/** 1 operations, 2 management, 3 steering committee. */
export type EscalationLevel = 1 | 2 | 3;

export type EscalationStatus = 'open' | 'closed';

export interface EscalationData {
  readonly providerId: Id;
  readonly serviceLevelId: Id;
  /** Month whose miss opened the escalation. With `serviceLevelId`, its natural key. */
  readonly openedPeriod: Period;
  readonly level: EscalationLevel;
  readonly status: EscalationStatus;
  /** Person responsible, as free text; empty until someone is named. */
  readonly owner: string;
  readonly dueDate: CalendarDate;
  readonly openedAt: Instant;
}
export type Escalation = SyncFields & EscalationData;

/**
 * Kind of change a rule or a person made:
 * - `opened`: a missed month opened the escalation (`period`);
 * - `repeatMiss`: a later month of the same service level was missed too (`period`);
 * - `raised`: the level went up (`level` is the new level, `rule` says why);
 * - `lowered`: a person lowered the level;
 * - `ownerChanged`, `dueDateChanged`: `note` contains the new value;
 * - `closed`, `reopened`: by a person, with an optional `note`;
 * - `note`: a comment.
 */
export type EscalationEventKind =
  'opened' | 'repeatMiss' | 'raised' | 'lowered' | 'ownerChanged' | 'dueDateChanged' | 'closed' | 'reopened' | 'note';

/**
 * Reason a level changed. `manual` is a person's decision. The rules use the number of missed
 * months (`repeats`), the shortfall in percent of the minimum (`severity`) and the days open
 * (`age`), and the event's `amount` contains that number.
 */
export type EscalationRule = 'manual' | 'repeats' | 'severity' | 'age';

export interface EscalationEventData {
  readonly escalationId: Id;
  readonly at: Instant;
  /** Name of the person, or of the device's user when a rule acted. */
  readonly user: string;
  readonly kind: EscalationEventKind;
  /** Level after the event. */
  readonly level: EscalationLevel;
  /** Rule behind an `opened`, `raised` or `lowered` event; otherwise `null`. */
  readonly rule: EscalationRule | null;
  /** Month the event is about (`opened`, `repeatMiss`), or `null`. */
  readonly period: Period | null;
  /** Number behind the rule: missed months, shortfall in percent or days open; otherwise `null`. */
  readonly amount: number | null;
  readonly note: string;
}
export type EscalationEvent = SyncFields & EscalationEventData;
