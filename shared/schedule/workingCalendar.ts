/**
 * Working-day arithmetic for one calendar in O(1) per step.
 *
 * Positions are day boundaries: boundary `b` is the start of day number `b` (see `days.ts`), so
 * a task from day s to day f, both included, spans boundaries s to f + 1. The calendar keeps,
 * over a range of days, the count of working days before each boundary and the day number of
 * each working day in order. Both are typed arrays, and the range grows on demand in either
 * direction, so callers never loop day by day.
 */
import type { CalendarData } from '../domain/plan';
import { isoWeekday, toDayNumber } from './days';

/** Days added on each side the first time; later growth at least doubles the range. */
const initialMargin = 400;
/** Day numbers of 0001-01-01 and 9999-12-31: the range never grows past them. */
const minDayNumber = -719_162;
const maxDayNumber = 2_932_896;

export class WorkingCalendar {
  private readonly workingWeekday: readonly boolean[];
  private readonly holidays: ReadonlySet<number>;
  /** Day number of the first day in the range. */
  private origin = 0;
  /** `countBefore[i]` is the number of working days from `origin` to boundary `origin + i`, excluded. */
  private countBefore = new Int32Array(0);
  /** Day numbers of the working days in the range, ascending. */
  private workingDays = new Int32Array(0);

  /** Throws a `RangeError` when the calendar has no working weekday, because no task could ever be scheduled on it. */
  constructor(calendar: Pick<CalendarData, 'workingWeekdays' | 'holidays'>, aroundDay: number) {
    const weekdays = [false, false, false, false, false, false, false, false];
    for (const weekday of calendar.workingWeekdays) {
      weekdays[weekday] = true;
    }
    if (!weekdays.some((working) => working)) {
      throw new RangeError('A calendar needs at least one working weekday');
    }
    this.workingWeekday = weekdays;
    this.holidays = new Set(calendar.holidays.map(toDayNumber));
    this.rebuild(aroundDay - initialMargin, aroundDay + initialMargin);
  }

  isWorkingDay(dayNumber: number): boolean {
    return this.workingWeekday[isoWeekday(dayNumber)] === true && !this.holidays.has(dayNumber);
  }

  /** Counts the working days from boundary `from` to boundary `to`; negative when `to` is earlier. */
  workingDaysBetween(from: number, to: number): number {
    this.cover(Math.min(from, to), Math.max(from, to));
    return this.count(to) - this.count(from);
  }

  /** Returns the start of the first working day at or after boundary `boundary`. */
  startOnOrAfter(boundary: number): number {
    return this.workingDayAt(boundary, 0);
  }

  /** Returns the start of the last working day at or before boundary `boundary`. */
  startOnOrBefore(boundary: number): number {
    return this.isWorkingDay(boundary) ? boundary : this.workingDayAt(boundary, -1);
  }

  /** Returns the end of the last working day that ends at or before boundary `boundary`. */
  finishOnOrBefore(boundary: number): number {
    return this.workingDayAt(boundary, -1) + 1;
  }

  /**
   * Moves a boundary by `days` working days: forward to the end of the `days`-th working day at
   * or after it, or back to the start of the `-days`-th working day before it. Zero keeps it.
   */
  shift(boundary: number, days: number): number {
    if (days > 0) {
      return this.workingDayAt(boundary, days - 1) + 1;
    }
    if (days < 0) {
      return this.workingDayAt(boundary, days);
    }
    return boundary;
  }

  /**
   * Returns the day number of the working day `offset` places from boundary `boundary`:
   * offset 0 is the first working day at or after it, -1 the last one before it.
   */
  private workingDayAt(boundary: number, offset: number): number {
    for (;;) {
      this.cover(boundary, boundary);
      const index = this.count(boundary) + offset;
      const day = this.workingDays[index];
      if (day !== undefined) {
        return day;
      }
      const end = this.origin + this.countBefore.length - 1;
      const span = Math.max(end - this.origin, initialMargin);
      if (index < 0) {
        this.grow(this.origin - span, end);
      } else {
        this.grow(this.origin, end + span);
      }
    }
  }

  private count(boundary: number): number {
    return this.countBefore[boundary - this.origin] ?? 0;
  }

  /** Makes sure boundaries `from` to `to` are inside the range. */
  private cover(from: number, to: number): void {
    const end = this.origin + this.countBefore.length - 1;
    if (from >= this.origin && to <= end) {
      return;
    }
    const span = end - this.origin;
    this.grow(Math.min(from, this.origin - span), Math.max(to, end + span));
  }

  private grow(first: number, last: number): void {
    if (first < minDayNumber || last > maxDayNumber) {
      throw new RangeError('Working-day arithmetic left the years 0001 to 9999');
    }
    this.rebuild(first, last);
  }

  /** Recomputes both indexes for the boundaries `first` to `last`. */
  private rebuild(first: number, last: number): void {
    const length = last - first + 1;
    const countBefore = new Int32Array(length);
    const working: number[] = [];
    let count = 0;
    for (let index = 0; index < length; index += 1) {
      countBefore[index] = count;
      const day = first + index;
      if (index < length - 1 && this.isWorkingDay(day)) {
        working.push(day);
        count += 1;
      }
    }
    this.origin = first;
    this.countBefore = countBefore;
    this.workingDays = Int32Array.from(working);
  }
}
