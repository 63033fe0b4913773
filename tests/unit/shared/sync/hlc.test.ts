import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  createClock,
  createDeviceId,
  isDeviceId,
  isHlcString,
  maxCounter,
  maxHlc,
  maxWallMs,
  packHlc,
  parseHlc,
} from '../../../../shared/sync/hlc';
import type { Hlc } from '../../../../shared/sync/hlc';

const deviceIdArbitrary = fc.stringMatching(/^[0-9A-Za-z_-]{1,32}$/);
const hlcArbitrary: fc.Arbitrary<Hlc> = fc.record({
  wallMs: fc.integer({ min: 0, max: maxWallMs }),
  counter: fc.integer({ min: 0, max: maxCounter }),
  deviceId: deviceIdArbitrary,
});

function compareTuples(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.deviceId === b.deviceId) return 0;
  return a.deviceId < b.deviceId ? -1 : 1;
}

/** A wall clock that returns the given readings in turn, then repeats the last one. */
function scriptedWall(readings: readonly number[]): () => number {
  let index = 0;
  return () => {
    const reading = readings[Math.min(index, readings.length - 1)] ?? 0;
    index += 1;
    return reading;
  };
}

describe('packHlc and parseHlc', () => {
  it('round-trips any clock', () => {
    fc.assert(
      fc.property(hlcArbitrary, (clock) => {
        expect(parseHlc(packHlc(clock))).toEqual(clock);
      }),
    );
  });

  it('keeps clock order in string order', () => {
    fc.assert(
      fc.property(hlcArbitrary, hlcArbitrary, (a, b) => {
        expect(Math.sign(compareHlc(packHlc(a), packHlc(b)))).toBe(compareTuples(a, b));
      }),
    );
  });

  it('writes fixed-width wall time and counter', () => {
    expect(packHlc({ wallMs: 1, counter: 2, deviceId: 'abc' })).toBe('000000000001-0002-abc');
  });

  it('rejects a wall time above the maximum', () => {
    expect(() => packHlc({ wallMs: maxWallMs + 1, counter: 0, deviceId: 'a' })).toThrow(RangeError);
  });

  it('rejects a negative counter', () => {
    expect(() => packHlc({ wallMs: 0, counter: -1, deviceId: 'a' })).toThrow(RangeError);
  });

  it('rejects a device id with a space', () => {
    expect(() => packHlc({ wallMs: 0, counter: 0, deviceId: 'a b' })).toThrow(RangeError);
  });

  it.each([
    ['empty string', ''],
    ['short wall time', '00000000001-0000-abc'],
    ['upper-case hex', '00000000000A-0000-abc'],
    ['missing device id', '000000000001-0000-'],
    ['missing separator', '0000000000010000abc'],
  ])('parseHlc rejects %s', (_label, packed) => {
    expect(() => parseHlc(packed)).toThrow(RangeError);
  });

  it('isHlcString accepts a packed clock', () => {
    expect(isHlcString('0193a5f2c1e0-0000-3f9a1c0b7d2e')).toBe(true);
  });

  it('isHlcString rejects an ISO timestamp', () => {
    expect(isHlcString('2026-01-01T00:00:00.000Z')).toBe(false);
  });
});

describe('compareHlc and maxHlc', () => {
  const earlier = packHlc({ wallMs: 10, counter: 5, deviceId: 'b' });
  const later = packHlc({ wallMs: 11, counter: 0, deviceId: 'a' });

  it('orders by wall time before counter', () => {
    expect(compareHlc(earlier, later)).toBeLessThan(0);
  });

  it('reports equal clocks as 0', () => {
    expect(compareHlc(later, later)).toBe(0);
  });

  it('maxHlc returns the latest clock', () => {
    expect(maxHlc(earlier, later, earlier)).toBe(later);
  });

  it('maxHlc of one clock is that clock', () => {
    expect(maxHlc(earlier)).toBe(earlier);
  });
});

describe('createDeviceId', () => {
  it('returns 12 lowercase hex digits', () => {
    expect(createDeviceId()).toMatch(/^[0-9a-f]{12}$/);
  });

  it('returns a valid device id', () => {
    expect(isDeviceId(createDeviceId())).toBe(true);
  });

  it('returns different ids on two calls', () => {
    expect(createDeviceId()).not.toBe(createDeviceId());
  });
});

describe('createClock', () => {
  it('issues increasing clocks for any wall-clock sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: maxWallMs - 70_000 }), { minLength: 1, maxLength: 200 }), (readings) => {
        const clock = createClock('dev1', scriptedWall(readings));
        let previous = clock.tick();
        for (let i = 1; i < readings.length; i += 1) {
          const next = clock.tick();
          expect(compareHlc(next, previous)).toBeGreaterThan(0);
          previous = next;
        }
      }),
    );
  });

  it('stays increasing when ticks and receives interleave', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), wall: fc.integer({ min: 0, max: 1_000_000 }) }),
      fc.record({ kind: fc.constant('receive' as const), wall: fc.integer({ min: 0, max: 1_000_000 }), remote: hlcArbitrary }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 100 }), (steps) => {
        let wall = 0;
        const clock = createClock('dev1', () => wall);
        let previous: string | null = null;
        for (const current of steps) {
          wall = current.wall;
          const remote = current.kind === 'receive' ? { ...current.remote, wallMs: Math.min(current.remote.wallMs, maxWallMs - 1) } : null;
          const issued = remote === null ? clock.tick() : clock.receive(packHlc(remote));
          if (previous !== null) expect(compareHlc(issued, previous)).toBeGreaterThan(0);
          if (remote !== null) expect(compareHlc(issued, packHlc(remote))).toBeGreaterThan(0);
          previous = issued;
        }
      }),
    );
  });

  it('never issues a wall time below the wall clock', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 50 }), (readings) => {
        let wall = 0;
        const clock = createClock('dev1', () => wall);
        for (const reading of readings) {
          wall = reading;
          expect(parseHlc(clock.tick()).wallMs).toBeGreaterThanOrEqual(reading);
        }
      }),
    );
  });

  it('counts on when the wall clock goes back', () => {
    const clock = createClock('dev1', scriptedWall([5_000, 1_000]));
    clock.tick();
    expect(parseHlc(clock.tick())).toEqual({ wallMs: 5_000, counter: 1, deviceId: 'dev1' });
  });

  it('restarts the counter when the wall clock moves on', () => {
    const clock = createClock('dev1', scriptedWall([5_000, 5_000, 6_000]));
    clock.tick();
    clock.tick();
    expect(parseHlc(clock.tick()).counter).toBe(0);
  });

  it('moves to the next millisecond when the counter is exhausted', () => {
    const clock = createClock('dev1', () => 7_000);
    let last = '';
    for (let i = 0; i <= maxCounter + 1; i += 1) last = clock.tick();
    expect(parseHlc(last)).toEqual({ wallMs: 7_001, counter: 0, deviceId: 'dev1' });
  });

  it('starts after its seed', () => {
    const seed = packHlc({ wallMs: 9_000, counter: 3, deviceId: 'dev1' });
    const clock = createClock('dev1', () => 1_000, seed);
    expect(parseHlc(clock.tick())).toEqual({ wallMs: 9_000, counter: 4, deviceId: 'dev1' });
  });

  it('receive continues after a remote clock at the same wall time', () => {
    const clock = createClock('dev1', () => 2_000);
    const issued = clock.receive(packHlc({ wallMs: 2_000, counter: 40, deviceId: 'other' }));
    expect(parseHlc(issued)).toEqual({ wallMs: 2_000, counter: 41, deviceId: 'dev1' });
  });

  it('receive adopts a remote wall time ahead of local time', () => {
    const clock = createClock('dev1', () => 2_000);
    const issued = clock.receive(packHlc({ wallMs: 90_000, counter: 2, deviceId: 'other' }));
    expect(parseHlc(issued)).toEqual({ wallMs: 90_000, counter: 3, deviceId: 'dev1' });
  });

  it('last is null before the first tick', () => {
    expect(createClock('dev1', () => 0).last()).toBeNull();
  });

  it('last returns the latest issued clock', () => {
    const clock = createClock('dev1', () => 3);
    const issued = clock.tick();
    expect(clock.last()).toBe(issued);
  });

  it('rejects a wall clock that returns NaN', () => {
    const clock = createClock('dev1', () => Number.NaN);
    expect(() => clock.tick()).toThrow(RangeError);
  });

  it('rejects an invalid device id', () => {
    expect(() => createClock('', () => 0)).toThrow(RangeError);
  });
});
