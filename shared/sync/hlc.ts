/**
 * Hybrid logical clock (HLC): a physical wall time in milliseconds, a counter that orders
 * events within one millisecond, and the id of the device that issued the clock.
 *
 * Packed form: `<wall time, 12 lowercase hex digits>-<counter, 4 lowercase hex digits>-<device id>`,
 * for example `0193a5f2c1e0-0000-3f9a1c0b7d2e`. The wall time and counter have fixed widths, so
 * comparing two packed strings with `<` gives the clock order, and the device id breaks ties.
 */
import type { HlcString } from '../domain/types';

/** One clock value, unpacked. */
export interface Hlc {
  /** Wall time in milliseconds since the Unix epoch (UTC). */
  readonly wallMs: number;
  /** Order of events within the same `wallMs`, from 0. */
  readonly counter: number;
  readonly deviceId: string;
}

/** Largest wall time that fits 12 hex digits: 2^48 - 1 ms, in the year 10889. */
export const maxWallMs = 0xffff_ffff_ffff;
/** Largest counter that fits 4 hex digits; one more event in the same millisecond moves the wall time on by 1 ms. */
export const maxCounter = 0xffff;

const wallDigits = 12;
const counterDigits = 4;
const deviceIdPattern = /^[0-9A-Za-z_-]{1,32}$/;
const packedPattern = /^([0-9a-f]{12})-([0-9a-f]{4})-([0-9A-Za-z_-]{1,32})$/;

/** Whether `value` can be a device id: 1 to 32 ASCII letters, digits, `_` or `-`. */
export function isDeviceId(value: string): boolean {
  return deviceIdPattern.test(value);
}

/** Whether `value` is a packed clock as `packHlc` writes it. */
export function isHlcString(value: string): boolean {
  return packedPattern.test(value);
}

/** Creates a random device id of 12 lowercase hex digits (48 random bits from WebCrypto). */
export function createDeviceId(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Packs a clock; throws `RangeError` for a wall time, counter or device id out of range. */
export function packHlc(clock: Hlc): HlcString {
  if (!Number.isInteger(clock.wallMs) || clock.wallMs < 0 || clock.wallMs > maxWallMs) {
    throw new RangeError(`HLC wall time out of range: ${String(clock.wallMs)}`);
  }
  if (!Number.isInteger(clock.counter) || clock.counter < 0 || clock.counter > maxCounter) {
    throw new RangeError(`HLC counter out of range: ${String(clock.counter)}`);
  }
  if (!isDeviceId(clock.deviceId)) {
    throw new RangeError(`Invalid HLC device id: ${JSON.stringify(clock.deviceId)}`);
  }
  const wall = clock.wallMs.toString(16).padStart(wallDigits, '0');
  const counter = clock.counter.toString(16).padStart(counterDigits, '0');
  return `${wall}-${counter}-${clock.deviceId}`;
}

/**
 * Returns the device id of a packed clock without parsing the rest, because the merge reads it
 * from thousands of clocks. The fixed layout (12 hex digits, `-`, 4 hex digits, `-`) puts it at
 * character 18. Throws `RangeError` like `parseHlc` on a value without that layout.
 */
export function deviceIdOfHlc(packed: HlcString): string {
  if (packed.length > 18 && packed.charCodeAt(12) === 45 && packed.charCodeAt(17) === 45) return packed.slice(18);
  return parseHlc(packed).deviceId;
}

/** Unpacks a clock; throws `RangeError` naming the value when it is not a packed clock. */
export function parseHlc(packed: HlcString): Hlc {
  const match = packedPattern.exec(packed);
  if (match === null) {
    throw new RangeError(`Invalid HLC string: ${JSON.stringify(packed)}`);
  }
  const [, wall = '', counter = '', deviceId = ''] = match;
  return { wallMs: Number.parseInt(wall, 16), counter: Number.parseInt(counter, 16), deviceId };
}

/** Compares two packed clocks: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareHlc(a: HlcString, b: HlcString): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Returns the latest of the given packed clocks. */
export function maxHlc(first: HlcString, ...rest: readonly HlcString[]): HlcString {
  let latest = first;
  for (const clock of rest) {
    if (clock > latest) latest = clock;
  }
  return latest;
}

/** A device's clock. Every value it issues is later than every value it issued or received before. */
export interface Clock {
  readonly deviceId: string;
  /** Issues the clock of a local event. */
  tick(): HlcString;
  /** Merges a clock seen in data from another device and issues a clock later than both. */
  receive(remote: HlcString): HlcString;
  /** Returns the latest clock issued or seeded, with this device's id, or `null` before the first one. */
  last(): HlcString | null;
}

/**
 * Creates a clock for `deviceId`. `now` returns the wall time in ms; it may jump backwards,
 * and the clock still moves forward. `seed` is the highest clock this device issued before,
 * such as the one persisted at the end of the previous session, so a restart never goes back.
 */
export function createClock(deviceId: string, now: () => number, seed: HlcString | null = null): Clock {
  if (!isDeviceId(deviceId)) {
    throw new RangeError(`Invalid HLC device id: ${JSON.stringify(deviceId)}`);
  }
  // Before the first clock the state sits below every valid wall time, so the first tick starts at counter 0.
  const seedClock = seed === null ? null : parseHlc(seed);
  let wallMs = seedClock?.wallMs ?? -1;
  let counter = seedClock?.counter ?? 0;

  const readWall = (): number => {
    const value = Math.floor(now());
    if (!Number.isFinite(value) || value < 0 || value > maxWallMs) {
      throw new RangeError(`Wall clock returned an invalid time: ${String(value)}`);
    }
    return value;
  };

  // Standard HLC rules: the wall part is the largest wall time seen; the counter continues from
  // the largest counter already used at that wall time, or restarts at 0 when the wall time moved.
  const advance = (physical: number, remote: Hlc | null): HlcString => {
    const nextWall = Math.max(wallMs, physical, remote?.wallMs ?? -1);
    const localAtWall = nextWall === wallMs;
    const remoteAtWall = remote !== null && remote.wallMs === nextWall;
    let nextCounter = 0;
    if (localAtWall && remoteAtWall) {
      nextCounter = Math.max(counter, remote.counter) + 1;
    } else if (localAtWall) {
      nextCounter = counter + 1;
    } else if (remoteAtWall) {
      nextCounter = remote.counter + 1;
    }

    wallMs = nextWall;
    counter = nextCounter;
    if (counter > maxCounter) {
      // Counter exhausted within one millisecond: borrow the next millisecond rather than fail.
      wallMs += 1;
      counter = 0;
    }
    return packHlc({ wallMs, counter, deviceId });
  };

  return {
    deviceId,
    tick: () => advance(readWall(), null),
    receive: (remote) => advance(readWall(), parseHlc(remote)),
    last: () => (wallMs < 0 ? null : packHlc({ wallMs, counter, deviceId })),
  };
}
