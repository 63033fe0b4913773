/** Hybrid logical clocks for generated history, issued at chosen wall times instead of the real time. */
import type { HlcString } from '../../shared/domain/types';
import { packHlc } from '../../shared/sync/hlc';
import type { VersionVector } from '../../shared/sync/snapshot';

/**
 * Issues packed clocks at given wall times. Two events of one device at the same millisecond
 * get counters 0, 1, 2 and so on, so no two events share a clock, as with a real device clock.
 * Events may be issued out of time order, because the generator builds each kind of history
 * separately.
 */
export class ClockIssuer {
  private readonly countersUsed = new Map<string, number>();
  private readonly latestByDevice = new Map<string, HlcString>();

  issue(deviceId: string, wallMs: number): HlcString {
    const slot = `${deviceId}@${wallMs}`;
    const counter = this.countersUsed.get(slot) ?? 0;
    this.countersUsed.set(slot, counter + 1);
    const clock = packHlc({ wallMs, counter, deviceId });
    const latest = this.latestByDevice.get(deviceId);
    if (latest === undefined || clock > latest) this.latestByDevice.set(deviceId, clock);
    return clock;
  }

  /** Returns the latest clock issued for each device, with device ids sorted. */
  versionVector(): VersionVector {
    const deviceIds = [...this.latestByDevice.keys()].sort();
    return Object.fromEntries(deviceIds.map((deviceId) => [deviceId, this.latestByDevice.get(deviceId) ?? '']));
  }
}
