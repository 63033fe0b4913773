/**
 * Clock checks during a merge: every clock must be a packed HLC, and remote clocks far ahead of
 * local time are reported. The report is information only; the merge result never depends on it.
 */
import type { HlcString, RecordTable, Tombstone } from '../domain/types';
import { AppFailure } from '../errors';
import { isHlcString, parseHlc } from './hlc';
import type { AnyRecord } from './mergeFields';
import type { ClockSkewReport, MergeDelta, MergeSide } from './mergeTypes';
import type { VersionVector } from './snapshot';
import { recordTables } from './snapshot';

/** Results of checking one clock: valid and marked, valid and not marked, or not a packed HLC. */
const unmarked = 0;
const marked = 1;
const invalid = 2;
type ClockCheck = typeof unmarked | typeof marked | typeof invalid;
/** Initial previous clock of a `ClockCollector`, a value that no clock equals. */
const noClock = Symbol('no clock');

/**
 * Checks the clocks of one side of a merge as the merge visits its records, so that each record is
 * read once while it is in the processor's cache, and collects their distinct values. Each value
 * is checked once and tested once against `isMarked`, a property that the merge needs per record.
 * On the local side it marks placeholders, and on the remote side writes that the local side has
 * not seen. Every clock of the side must pass through `visit`, `visitAll`, `visitTombstones` or
 * `visitVector` before the merge returns, or a malformed one would go unreported.
 */
export class ClockCollector {
  private readonly checked = new Map<HlcString, boolean>();
  // Most records share a few import clocks, and records in id order are mostly in write order
  // too, so a record often has the clock of the one before: a string comparison finds it sooner than a map lookup.
  private previous: unknown = noClock;
  private previousMarked = false;

  constructor(
    private readonly side: MergeSide,
    private readonly isMarked: (clock: HlcString) => boolean,
  ) {}

  /** Returns the distinct clocks visited so far. */
  clocks(): IterableIterator<HlcString> {
    return this.checked.keys();
  }

  /**
   * Checks the record clock and field clocks of `record` and returns whether any of them is
   * marked. Throws `AppFailure` with `merge.invalidClock` on a value that is not a packed HLC,
   * with a detail that names the side, table, record id, field and value.
   */
  visit(table: RecordTable, record: AnyRecord): boolean {
    let result = this.check(record.clock);
    if (result === invalid) this.fail(table, record.id, 'clock', record.clock);
    const fieldClocks = record.fieldClocks as Readonly<Record<string, unknown>> | undefined;
    for (const field in fieldClocks) {
      if (!Object.hasOwn(fieldClocks, field)) continue;
      const check = this.check(fieldClocks[field]);
      if (check === invalid) this.fail(table, record.id, field, fieldClocks[field]);
      if (check === marked) result = marked;
    }
    return result === marked;
  }

  /** Visits every record of `records`. */
  visitAll(table: RecordTable, records: readonly AnyRecord[]): void {
    for (const record of records) this.visit(table, record);
  }

  visitTombstones(tombstones: readonly Tombstone[]): void {
    for (const tombstone of tombstones) {
      if (this.check(tombstone.clock) === invalid) this.fail('tombstones', tombstone.id, 'clock', tombstone.clock);
    }
  }

  visitVector(vector: VersionVector): void {
    for (const [deviceId, clock] of Object.entries(vector)) {
      if (this.check(clock) === invalid) this.fail('versionVector', deviceId, deviceId, clock);
    }
  }

  private check(clock: unknown): ClockCheck {
    if (clock === this.previous) return this.previousMarked ? marked : unmarked;
    if (typeof clock !== 'string') return invalid;
    let isMarked = this.checked.get(clock);
    if (isMarked === undefined) {
      if (!isHlcString(clock)) return invalid;
      isMarked = this.isMarked(clock);
      this.checked.set(clock, isMarked);
    }
    this.previous = clock;
    this.previousMarked = isMarked;
    return isMarked ? marked : unmarked;
  }

  private fail(table: RecordTable | 'tombstones' | 'versionVector', recordId: string, field: string, value: unknown): never {
    throw new AppFailure({
      code: 'merge.invalidClock',
      detail: { side: this.side, table, recordId, field, value: String(value).slice(0, 80) },
    });
  }
}

/** Reports the clocks whose wall time is more than `maxClockSkewMs` ahead of `now` (both in ms). */
export function reportClockSkew(clocks: Iterable<HlcString>, now: number, maxClockSkewMs: number): ClockSkewReport {
  let aheadCount = 0;
  let maxAheadMs = 0;
  const deviceIds = new Set<string>();
  for (const clock of clocks) {
    const { wallMs, deviceId } = parseHlc(clock);
    const aheadMs = wallMs - now;
    if (aheadMs <= maxClockSkewMs) continue;
    aheadCount += 1;
    deviceIds.add(deviceId);
    if (aheadMs > maxAheadMs) maxAheadMs = aheadMs;
  }
  return { maxClockSkewMs, aheadCount, maxAheadMs, deviceIds: [...deviceIds].sort() };
}

/**
 * Returns the latest clock that a merge delta writes (record, field and tombstone clocks), or
 * `null` when it writes none. A device's clock must receive it after the delta is stored, so that
 * later local edits order after every stored write. The merged version vector alone is not
 * enough: it does not cover the writes of a scoped snapshot (see `merge.ts`).
 */
export function latestClockOfDelta(delta: MergeDelta): HlcString | null {
  let latest = '';
  for (const table of recordTables) {
    for (const record of delta.tables[table].put) {
      if (record.clock > latest) latest = record.clock;
      for (const clock of Object.values(record.fieldClocks)) {
        if (clock > latest) latest = clock;
      }
    }
  }
  for (const tombstone of delta.tombstones) {
    if (tombstone.clock > latest) latest = tombstone.clock;
  }
  return latest === '' ? null : latest;
}
