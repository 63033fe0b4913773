/**
 * "Keep the other value" for a conflict listed in the merge preview: the losing value is written
 * again as a new change with a fresh clock, so it wins on this laptop and on every laptop that
 * later merges this one's data.
 */
import type { HlcString, SyncFields } from '../domain/types';
import { AppFailure } from '../errors';
import { fieldClock } from './fieldClocks';
import { isHlcString } from './hlc';
import type { FieldState } from './mergeFields';
import { buildRecord, presentFields } from './mergeFields';
import type { FieldConflict, FieldWrite } from './mergeTypes';

/**
 * Returns the write that keeps the conflict's losing value, stamped with `freshClock`: a clock
 * from this device's HLC issued after the merge. Throws `AppFailure` with `merge.staleClock`
 * (detail: table, recordId, field, clock, latestClock) when `freshClock` is not a packed HLC
 * later than both clocks of the conflict, because such a write would lose again.
 */
export function resolveConflictKeepOther(conflict: FieldConflict, freshClock: HlcString): FieldWrite {
  const latestClock = conflict.local.clock > conflict.remote.clock ? conflict.local.clock : conflict.remote.clock;
  if (!isHlcString(freshClock) || freshClock <= latestClock) {
    throw new AppFailure({
      code: 'merge.staleClock',
      detail: { table: conflict.table, recordId: conflict.recordId, field: conflict.field, clock: freshClock, latestClock },
    });
  }
  const loser = conflict.winner === 'local' ? conflict.remote : conflict.local;
  return { table: conflict.table, recordId: conflict.recordId, field: conflict.field, value: loser.value, clock: freshClock };
}

/**
 * Applies one field write to a record as the merge would: the write replaces the field only when
 * its clock is later than the field's clock, and the record's clocks stay compact. Returns the
 * record itself when the write loses. Throws `RangeError` when the write is for another record.
 */
export function applyFieldWrite<R extends SyncFields>(record: R, write: FieldWrite): R {
  if (write.recordId !== record.id) {
    throw new RangeError(`Field write for record ${write.recordId} applied to record ${record.id}`);
  }
  const fields = record as unknown as Readonly<Record<string, unknown>>;
  const present = presentFields(record as SyncFields & Readonly<Record<string, unknown>>);
  if (present.includes(write.field) && write.clock <= fieldClock(record, write.field)) return record;

  const states = new Map<string, FieldState>();
  for (const field of present) states.set(field, { value: fields[field], clock: fieldClock(record, field) });
  states.set(write.field, { value: write.value, clock: write.clock });
  return buildRecord(record.id, states, write.clock) as unknown as R;
}
