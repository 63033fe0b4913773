/**
 * Transition plan entities: a plan, its tasks in a hierarchy, dependencies between tasks,
 * working-day calendars and baselines. Each `...Data` interface is the stored part of a record;
 * a stored record is `SyncFields & ...Data`, like the portfolio entities in `types.ts`. The
 * scheduling maths on these records lives in `shared/schedule/`.
 *
 * Date convention: a task occupies whole days from its start date to its finish date, both
 * included (as Microsoft Project shows them). A task of d working days that starts on day s
 * finishes on the d-th working day counted from s, so a 1-day task starts and finishes on the
 * same day. A milestone has zero duration and is dated on the day work after it can start.
 * NOTE: a milestone after a task that finishes on Friday is dated on Monday, the same moment in
 * working time. Tools that date milestones by their finish time show it on the Friday instead.
 */
import type { CalendarDate, Id, Instant, SyncFields } from './types';

/** Unit of a duration or a lag: working days of the task's calendar, or calendar (elapsed) days. */
export type DurationUnit = 'workingDays' | 'calendarDays';

/**
 * Dependency type, named by which end of the predecessor drives which end of the successor:
 * - `FS` finish-to-start: the successor starts after the predecessor finishes.
 * - `SS` start-to-start: the successor starts no earlier than the predecessor starts.
 * - `FF` finish-to-finish: the successor finishes no earlier than the predecessor finishes.
 * - `SF` start-to-finish: the successor finishes no earlier than the predecessor starts.
 */
export type DependencyType = 'FS' | 'SS' | 'FF' | 'SF';

export interface PlanData {
  /** Provider the transition moves work to, or `null` while the provider is not chosen. */
  readonly providerId: Id | null;
  /**
   * Contract whose transition the plan schedules, or `null` for a plan tied to no contract. The
   * repository accepts only a contract of `providerId`, but a merge of concurrent edits on two
   * laptops can still pair the plan with another provider's contract or with a deleted one.
   */
  readonly contractId: Id | null;
  readonly title: string;
  readonly description: string;
  /** First day on which any task may start; a start on a non-working day moves to the next working day. */
  readonly startOn: CalendarDate;
  /** Calendar of every task whose `calendarId` is `null`. */
  readonly calendarId: Id;
  /** Key of the template the plan was created from, for example `bpoTransition`; `null` for a plan built by hand. */
  readonly templateKey: string | null;
}
export type Plan = SyncFields & PlanData;

export interface TaskData {
  readonly planId: Id;
  /** Summary task this task belongs to, or `null` for a top-level task. A task with children is a summary task. */
  readonly parentId: Id | null;
  /** Position among the tasks with the same parent, ascending; ties are ordered by id. */
  readonly order: number;
  readonly name: string;
  /**
   * Duration as a whole number of `durationUnit`, 0 for a milestone. Ignored for a summary task,
   * whose dates roll up from its children.
   */
  readonly duration: number;
  readonly durationUnit: DurationUnit;
  /** Start-no-earlier-than constraint, or `null`. It also applies to every task below a summary task. */
  readonly startNoEarlierThan: CalendarDate | null;
  /** Percent complete, 0 to 100. Ignored for a summary task, whose progress rolls up from its leaf tasks. */
  readonly progress: number;
  /** Person or team accountable for the task; empty when nobody is named. */
  readonly owner: string;
  readonly notes: string;
  /** Calendar of the delivery site that does the work, or `null` for the plan's calendar. */
  readonly calendarId: Id | null;
  /** Marks a go/no-go decision of the steering committee; meaningful on milestones. */
  readonly goNoGo: boolean;
  /** Key of the template task it was created from, for example `bpoTransition.pilot.run`; `null` when added by hand. */
  readonly templateKey: string | null;
}
export type Task = SyncFields & TaskData;

export interface DependencyData {
  readonly planId: Id;
  readonly predecessorId: Id;
  readonly successorId: Id;
  readonly type: DependencyType;
  /** Whole number of `lagUnit`; negative for a lead (overlap). Working-day lags count on the successor's calendar. */
  readonly lag: number;
  readonly lagUnit: DurationUnit;
}
export type Dependency = SyncFields & DependencyData;

/** Working week and holidays of one delivery site, or of the plan as a whole. */
export interface CalendarData {
  readonly name: string;
  /** ISO weekdays that are working days, 1 (Monday) to 7 (Sunday), ascending and without repeats. */
  readonly workingWeekdays: readonly number[];
  /** Non-working dates on top of the weekend, ascending and without repeats. */
  readonly holidays: readonly CalendarDate[];
  /** Delivery site the calendar belongs to, as the user names it (for example "Pune"); empty for a plan-wide calendar. */
  readonly site: string;
}
export type Calendar = SyncFields & CalendarData;

/** Dates of one task when a baseline was taken. */
export interface BaselineTask {
  readonly taskId: Id;
  /** Early start date at the time of the baseline. */
  readonly start: CalendarDate;
  /** Early finish date at the time of the baseline, the last day of work (included). */
  readonly finish: CalendarDate;
}

/** Snapshot of a plan's scheduled dates, against which later schedules are compared. */
export interface BaselineData {
  readonly planId: Id;
  readonly name: string;
  readonly takenAt: Instant;
  /** Finish of the whole plan at the time of the baseline (the latest task finish). */
  readonly planFinish: CalendarDate;
  readonly tasks: readonly BaselineTask[];
}
export type Baseline = SyncFields & BaselineData;
