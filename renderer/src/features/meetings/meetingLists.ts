/**
 * Pure list logic of the Governance screen: the planning window, meetings split into upcoming and
 * past, the decision log and the action list with their filters, owner suggestions and agenda
 * reordering. Calendar dates compare as `YYYY-MM-DD` strings, so no time zone is involved.
 */
import type { ActionItem, ActionStatus, Decision, Meeting } from '@shared/domain/governance';
import { addMonths } from '@shared/domain/period';
import type { CalendarDate, Id } from '@shared/domain/types';
import { dayNumberFromParts, fromDayNumber } from '@shared/schedule/days';

/** Months ahead that "Plan meetings" generates. */
export const planningMonths = 3;

/**
 * Returns the date `months` months after `date`, on the same day of the month, or on the month's
 * last day when it is shorter (31 January plus one month is 28 or 29 February).
 */
export function addMonthsToDate(date: CalendarDate, months: number): CalendarDate {
  const target = addMonths(date.slice(0, 7), months);
  const year = Number(target.slice(0, 4));
  const month = Number(target.slice(5, 7));
  const firstOfTarget = dayNumberFromParts(year, month, 1);
  const nextPeriod = addMonths(target, 1);
  const monthLength = dayNumberFromParts(Number(nextPeriod.slice(0, 4)), Number(nextPeriod.slice(5, 7)), 1) - firstOfTarget;
  return fromDayNumber(firstOfTarget + Math.min(Number(date.slice(8, 10)), monthLength) - 1);
}

/** Returns the range "Plan meetings" fills: from today to the same day `planningMonths` months later, both included. */
export function planningRange(today: CalendarDate): { readonly from: CalendarDate; readonly to: CalendarDate } {
  return { from: today, to: addMonthsToDate(today, planningMonths) };
}

/** Orders by code units rather than locale, which suits dates, times, ids and clocks. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareMeetingTimes(a: Meeting, b: Meeting): number {
  return compareText(a.date, b.date) || compareText(a.startTime, b.startTime) || compareText(a.id, b.id);
}

/** Splits meetings into upcoming (today or later, soonest first) and past (latest first). */
export function splitMeetings(
  meetings: readonly Meeting[],
  today: CalendarDate,
): { readonly upcoming: readonly Meeting[]; readonly past: readonly Meeting[] } {
  const sorted = [...meetings].sort(compareMeetingTimes);
  return {
    upcoming: sorted.filter((meeting) => meeting.date >= today),
    past: sorted.filter((meeting) => meeting.date < today).reverse(),
  };
}

/** Filters of the decision log; `null` provider means every provider. */
export interface DecisionFilter {
  readonly providerId: Id | null;
  readonly search: string;
}

/**
 * Returns the decisions that match `filter`, newest first (by decision date, then by clock, which
 * orders decisions recorded the same day). The search matches the text or who decided, ignoring
 * case.
 */
export function filterDecisions(decisions: readonly Decision[], filter: DecisionFilter): Decision[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  return decisions
    .filter((decision) => filter.providerId === null || decision.providerId === filter.providerId)
    .filter(
      (decision) =>
        needle === '' || decision.text.toLocaleLowerCase().includes(needle) || decision.decidedBy.toLocaleLowerCase().includes(needle),
    )
    .sort((a, b) => compareText(b.decidedOn, a.decidedOn) || compareText(b.clock, a.clock));
}

/** Checks whether an open action's due date has passed. */
export function isOverdue(action: Pick<ActionItem, 'status' | 'dueDate'>, today: CalendarDate): boolean {
  return action.status === 'open' && action.dueDate !== null && action.dueDate < today;
}

/** Filters of the action list; `null` means any. Owners match after trimming, ignoring case. */
export interface ActionFilter {
  readonly owner: string | null;
  readonly providerId: Id | null;
  readonly status: ActionStatus | null;
}

function ownerKey(owner: string): string {
  return owner.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** Returns the actions that match `filter`: open ones first, then by due date (none last), then title. */
export function filterActions(actions: readonly ActionItem[], filter: ActionFilter): ActionItem[] {
  const owner = filter.owner === null ? null : ownerKey(filter.owner);
  return actions
    .filter((action) => owner === null || ownerKey(action.owner) === owner)
    .filter((action) => filter.providerId === null || action.providerId === filter.providerId)
    .filter((action) => filter.status === null || action.status === filter.status)
    .sort((a, b) => {
      if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
      if (a.dueDate !== b.dueDate) {
        if (a.dueDate === null) return 1;
        if (b.dueDate === null) return -1;
        return a.dueDate < b.dueDate ? -1 : 1;
      }
      return a.title.localeCompare(b.title);
    });
}

/**
 * Lists distinct names for an owner or "decided by" field, in alphabetical order: names that
 * differ only in case or spacing appear once, in their first spelling. Empty names are dropped.
 */
export function nameSuggestions(...sources: readonly (readonly string[])[]): string[] {
  const byKey = new Map<string, string>();
  for (const source of sources) {
    for (const name of source) {
      const trimmed = name.trim();
      if (trimmed !== '' && !byKey.has(ownerKey(trimmed))) byKey.set(ownerKey(trimmed), trimmed);
    }
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/** Returns a copy of `items` with the item at `index` moved by `offset` places, or `items` when that leaves the list. */
export function moveItem<T>(items: readonly T[], index: number, offset: number): readonly T[] {
  const target = index + offset;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return items;
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  if (item !== undefined) moved.splice(target, 0, item);
  return moved;
}
