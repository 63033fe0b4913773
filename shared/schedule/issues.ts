/**
 * Problems found while scheduling a transition plan or editing it. `errorCodes` in
 * `shared/errors.ts` includes these codes, so each has one sentence in the renderer's translation
 * files under `errors.<code>`, filled from `detail`.
 */
import type { Id } from '../domain/types';
import type { ErrorDetail } from '../errors';

export const scheduleIssueCodes = [
  // Plan, calendars and tasks.
  'schedule.invalidDate',
  'schedule.unknownCalendar',
  'schedule.noWorkingWeekday',
  'schedule.invalidWeekday',
  'schedule.invalidDuration',
  'schedule.invalidProgress',
  'schedule.unknownParent',
  'schedule.parentCycle',
  // Dependencies.
  'schedule.invalidLag',
  'schedule.unknownTask',
  'schedule.selfDependency',
  'schedule.dependencyWithinSummary',
  'schedule.dependencyCycle',
  'schedule.duplicateDependency',
  'schedule.dateOutOfRange',
] as const;

export type ScheduleIssueCode = (typeof scheduleIssueCodes)[number];

export interface ScheduleIssue {
  /** Errors stop the schedule. Warnings report a dependency the engine dropped, and the schedule still counts. */
  readonly severity: 'error' | 'warning';
  readonly code: ScheduleIssueCode;
  /** Record the issue is about (task, dependency or calendar), or `null` for the plan as a whole. */
  readonly recordId: Id | null;
  /** Field of that record, for example `duration` or `lag`, or `null` for the whole record. */
  readonly field: string | null;
  /** Values for the sentence: the value found, the allowed range, task names. */
  readonly detail: ErrorDetail;
}

export function scheduleError(code: ScheduleIssueCode, recordId: Id | null, field: string | null, detail: ErrorDetail = {}): ScheduleIssue {
  return { severity: 'error', code, recordId, field, detail };
}

export function scheduleWarning(
  code: ScheduleIssueCode,
  recordId: Id | null,
  field: string | null,
  detail: ErrorDetail = {},
): ScheduleIssue {
  return { severity: 'warning', code, recordId, field, detail };
}
