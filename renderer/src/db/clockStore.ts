/**
 * The session clock: one hybrid logical clock per app session on this device, seeded from the
 * highest clock persisted in the catalogue so that a restart never issues an older clock, even
 * when the wall clock was set back in between.
 */
import Dexie from 'dexie';
import type { AppFailure } from '@shared/errors';
import type { HlcString, Instant } from '@shared/domain/types';
import { createClock, isHlcString } from '@shared/sync/hlc';
import type { Clock } from '@shared/sync/hlc';
import { ensureDeviceId, readSetting, writeSetting } from './catalogueDb';
import type { CatalogueDb } from './catalogueDb';
import { toStorageFailure } from './storageErrors';

/** Who writes, and the clock that orders the writes: what every repository write needs. */
export interface DeviceContext {
  readonly deviceId: string;
  /** Name recorded in audit entries; empty until the user sets one. */
  readonly user: string;
  /** Issues the clock of one local change, later than every clock issued or received before. */
  tick(): HlcString;
  /** Current instant, for audit entries. */
  now(): Instant;
}

export interface SessionClock {
  readonly deviceId: string;
  /** Issues the clock of one local change and saves it to the catalogue soon after. */
  tick(): HlcString;
  /** Merges a clock from imported data, so that later local changes order after it. */
  receive(remote: HlcString): HlcString;
  /** Current instant from the session's wall clock, as a UTC ISO string. */
  now(): Instant;
  /** Waits until the latest clock is saved; rejects with the error of a failed save. */
  flush(): Promise<void>;
}

const sessions = new WeakMap<CatalogueDb, Promise<SessionClock>>();

/**
 * Returns the session clock of `catalogue`, creating it on the first call. Later calls with the
 * same catalogue return the same clock and ignore `wallClock` (ms since the Unix epoch).
 */
export function openSessionClock(catalogue: CatalogueDb, wallClock: () => number = Date.now): Promise<SessionClock> {
  let session = sessions.get(catalogue);
  if (session === undefined) {
    const starting = createSessionClock(catalogue, wallClock);
    session = starting;
    sessions.set(catalogue, starting);
    // A failed start must not stay cached, so that a later call can retry.
    void starting.catch(() => {
      if (sessions.get(catalogue) === starting) sessions.delete(catalogue);
    });
  }
  return session;
}

/** Builds the context of writes made by `user` with the session clock. */
export function deviceContextOf(session: SessionClock, user: string): DeviceContext {
  return { deviceId: session.deviceId, user, tick: () => session.tick(), now: () => session.now() };
}

async function createSessionClock(catalogue: CatalogueDb, wallClock: () => number): Promise<SessionClock> {
  const deviceId = await ensureDeviceId(catalogue);
  const persisted = await readSetting(catalogue, 'lastClock');
  // NOTE: an unreadable persisted clock is ignored; the wall clock alone then orders new writes.
  const seed = persisted !== null && isHlcString(persisted) ? persisted : null;
  const clock = createClock(deviceId, wallClock, seed);
  const saver = createClockSaver(catalogue, clock, seed);

  return {
    deviceId,
    tick: () => {
      const issued = clock.tick();
      saver.schedule();
      return issued;
    },
    receive: (remote) => {
      const issued = clock.receive(remote);
      saver.schedule();
      return issued;
    },
    now: () => new Date(wallClock()).toISOString(),
    flush: () => saver.flush(),
  };
}

/**
 * Saves the clock's latest value to the catalogue after each tick, one save at a time; ticks
 * that happen while a save runs lead to one more save. A tick usually happens inside a
 * portfolio transaction, so saves run outside it. A rolled-back write may thus leave a saved
 * clock above every stored one, which is harmless because clocks only need to grow.
 * NOTE: a crash between a write and its save loses that save; the next session then orders its
 * clocks after the older saved one only by the wall clock having moved on.
 */
function createClockSaver(catalogue: CatalogueDb, clock: Clock, initial: HlcString | null) {
  let saved = initial;
  let queued = false;
  let chain: Promise<void> = Promise.resolve();
  let failure: AppFailure | null = null;

  const save = async (): Promise<void> => {
    queued = false;
    const latest = clock.last();
    if (latest === null || latest === saved) return;
    try {
      await writeSetting(catalogue, 'lastClock', latest);
      saved = latest;
    } catch (error) {
      failure = toStorageFailure(error, { table: 'settings', key: 'lastClock' });
    }
  };

  return {
    schedule(): void {
      if (queued) return;
      queued = true;
      chain = Dexie.ignoreTransaction(() => chain.then(save));
    },
    async flush(): Promise<void> {
      await chain;
      if (failure !== null) {
        const error = failure;
        failure = null;
        throw error;
      }
    },
  };
}
