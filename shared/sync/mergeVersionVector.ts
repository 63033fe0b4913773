/** Version vector operations used by the merge. */
import type { HlcString } from '../domain/types';
import { placeholderClock } from './fieldClocks';
import { deviceIdOfHlc } from './hlc';
import type { VersionVector } from './snapshot';

/** Returns the element-wise maximum of two version vectors, with device ids in sorted order. */
export function mergeVersionVectors(a: VersionVector, b: VersionVector): VersionVector {
  const deviceIds = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const entries: [string, HlcString][] = [];
  for (const deviceId of deviceIds) {
    const left = Object.hasOwn(a, deviceId) ? a[deviceId] : undefined;
    const right = Object.hasOwn(b, deviceId) ? b[deviceId] : undefined;
    let latest = left;
    if (latest === undefined || (right !== undefined && right > latest)) latest = right;
    if (latest !== undefined) entries.push([deviceId, latest]);
  }
  // fromEntries defines own properties, so a device id such as `__proto__` cannot reach the prototype.
  return Object.fromEntries(entries);
}

/**
 * Whether a replica with version vector `seen` had seen the write stamped `clock`: the clock is
 * at or below the highest clock that the replica recorded from the clock's device. A
 * `placeholderClock` is covered by every vector, because a placeholder is no one's write, so it
 * can neither be part of a conflict nor an edit that a deletion discards.
 */
export function isCovered(clock: HlcString, seen: VersionVector): boolean {
  if (clock === placeholderClock) return true;
  const deviceId = deviceIdOfHlc(clock);
  const highest = Object.hasOwn(seen, deviceId) ? seen[deviceId] : undefined;
  return highest !== undefined && clock <= highest;
}
