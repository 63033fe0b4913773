/**
 * Clock checks before a merge: every clock must be a packed HLC, and remote clocks far ahead of
 * local time are reported. The report is information only; the merge result never depends on it.
 */
import type { HlcString, RecordTable } from '../domain/types';
import { AppFailure } from '../errors';
import { isHlcString, parseHlc } from './hlc';
import type { ClockSkewReport, MergeDelta, MergeSide } from './mergeTypes';
import type { PortfolioSnapshot } from './snapshot';
import { recordTables } from './snapshot';

/**
 * Returns the distinct clocks of a snapshot: record clocks, field clocks, tombstone clocks and
 * version vector entries. Throws `AppFailure` with `merge.invalidClock` on the first value that
 * is not a packed HLC; its detail names the side, table, record id, field and value.
 */
export function collectClocks(snapshot: PortfolioSnapshot, side: MergeSide): Set<HlcString> {
  const clocks = new Set<HlcString>();
  // Most records share a few import clocks, so each distinct value is checked once. Records in id
  // order are mostly in write order too, so a record often has the clock of the one before,
  // which a string comparison finds sooner than a set lookup.
  let previous = '';
  const check = (clock: unknown, table: RecordTable | 'tombstones' | 'versionVector', recordId: string, field: string): void => {
    if (clock === previous) return;
    if (typeof clock === 'string' && clocks.has(clock)) {
      previous = clock;
      return;
    }
    if (typeof clock !== 'string' || !isHlcString(clock)) {
      throw new AppFailure({ code: 'merge.invalidClock', detail: { side, table, recordId, field, value: String(clock).slice(0, 80) } });
    }
    clocks.add(clock);
    previous = clock;
  };

  for (const table of recordTables) {
    for (const record of snapshot.records[table]) {
      check(record.clock, table, record.id, 'clock');
      for (const field in record.fieldClocks) {
        if (Object.hasOwn(record.fieldClocks, field)) check(record.fieldClocks[field], table, record.id, field);
      }
    }
  }
  for (const tombstone of snapshot.tombstones) check(tombstone.clock, 'tombstones', tombstone.id, 'clock');
  for (const [deviceId, clock] of Object.entries(snapshot.versionVector)) check(clock, 'versionVector', deviceId, deviceId);
  return clocks;
}

/** Reports the clocks whose wall time is more than `maxClockSkewMs` ahead of `now` (both in ms). */
export function reportClockSkew(clocks: ReadonlySet<HlcString>, now: number, maxClockSkewMs: number): ClockSkewReport {
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
