import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Provider } from '../../../../shared/domain/types';
import { createClock } from '../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { FieldConflict, MergeResult } from '../../../../shared/sync/mergeTypes';
import type { DeviceContext } from '../../../../renderer/src/db/clockStore';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { providerRepository } from '../../../../renderer/src/db/records';
import { applyMergeDelta, applyMergeKeepingValues, readSnapshot } from '../../../../renderer/src/db/snapshot';
import { readVersionVector } from '../../../../renderer/src/db/versionVector';
import { failingWrites, manualWall, openNamedDb, openTestDb, rejection } from './factories';
import type { ManualWall } from './factories';

const portfolio = { id: uuidv7(), name: 'NHS 111 contracts' };
const start = Date.UTC(2026, 2, 2, 9);

const opened: PortfolioDb[] = [];

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

/** A laptop: its database and one clock that its writes tick and its merges receive into. */
interface Laptop {
  readonly deviceId: string;
  readonly db: PortfolioDb;
  readonly wall: ManualWall;
  readonly clock: ReturnType<typeof createClock>;
  readonly context: DeviceContext;
}

async function laptop(deviceId: string): Promise<Laptop> {
  const db = await openTestDb();
  opened.push(db);
  const wall = manualWall(start);
  const clock = createClock(deviceId, wall);
  const context: DeviceContext = {
    deviceId,
    user: `user of ${deviceId}`,
    tick: () => clock.tick(),
    now: () => new Date(wall()).toISOString(),
  };
  return { deviceId, db, wall, clock, context };
}

/** Merges `from`'s current data into `into` the way an import without choices does. */
async function receive(into: Laptop, from: Laptop): Promise<MergeResult> {
  const merge = mergeSnapshots(
    await readSnapshot(into.db, portfolio, into.deviceId),
    await readSnapshot(from.db, portfolio, from.deviceId),
    {
      now: into.wall(),
    },
  );
  await applyMergeDelta(into.db, merge.delta, merge.snapshot.versionVector, into.clock);
  return merge;
}

async function providerOn(owner: Laptop): Promise<Provider> {
  const [provider] = await owner.db.providers.toArray();
  if (provider === undefined) throw new Error(`no provider on ${owner.deviceId}`);
  return provider;
}

function onlyConflict(conflicts: readonly FieldConflict[]): FieldConflict {
  const [conflict] = conflicts;
  if (conflict === undefined || conflicts.length !== 1) throw new Error(`Expected one conflict, got ${conflicts.length}`);
  return conflict;
}

/**
 * Laptop A creates provider North and shares it with B and C. Then A renames it, B renames it a
 * minute later, and C receives B's rename. Returns A's merge of B's data, not yet written.
 */
async function concurrentRenames() {
  const a = await laptop('laptopa');
  const b = await laptop('laptopb');
  const c = await laptop('laptopc');
  await providerRepository.insert(
    a.db,
    { code: 'RX1', name: 'North Contact Centre', formerNames: [], ...providerProfileDefaults },
    a.context,
  );
  await receive(b, a);
  await receive(c, a);

  a.wall.set(start + 60_000);
  await providerRepository.update(a.db, (await providerOn(a)).id, { name: 'North (renamed on A)' }, a.context);
  b.wall.set(start + 120_000);
  await providerRepository.update(b.db, (await providerOn(b)).id, { name: 'North (renamed on B)' }, b.context);
  c.wall.set(start + 180_000);
  await receive(c, b);

  const merge = mergeSnapshots(await readSnapshot(a.db, portfolio, 'laptopa'), await readSnapshot(b.db, portfolio, 'laptopb'), {
    now: a.wall(),
  });
  return { a, b, c, merge, conflict: onlyConflict(merge.preview.conflicts) };
}

describe('applyMergeKeepingValues', () => {
  it('keeps the chosen value in the merge', async () => {
    const { a, merge, conflict } = await concurrentRenames();
    expect(conflict.winner).toBe('remote');

    const writes = await applyMergeKeepingValues(a.db, merge, [conflict], a.clock, a.context);

    expect(writes.map((write) => write.value)).toEqual(['North (renamed on A)']);
    expect((await providerOn(a)).name).toBe('North (renamed on A)');
  });

  it('stamps a fresh clock of this device', async () => {
    const { a, merge, conflict } = await concurrentRenames();

    const [write] = await applyMergeKeepingValues(a.db, merge, [conflict], a.clock, a.context);
    const stored = await providerOn(a);
    const nameClock = stored.fieldClocks.name ?? stored.clock;

    expect(nameClock).toBe(write?.clock);
    expect(nameClock.endsWith('-laptopa')).toBe(true);
    expect(nameClock > conflict.local.clock).toBe(true);
    expect(nameClock > conflict.remote.clock).toBe(true);
  });

  it('raises the version vector to the fresh clock', async () => {
    const { a, merge, conflict } = await concurrentRenames();

    const [write] = await applyMergeKeepingValues(a.db, merge, [conflict], a.clock, a.context);
    const vector = await readVersionVector(a.db);

    expect(vector.laptopa).toBe(write?.clock);
    expect(vector.laptopb).toBe(merge.snapshot.versionVector.laptopb);
  });

  it('adds an audit entry for the kept value', async () => {
    const { a, merge, conflict } = await concurrentRenames();

    const [write] = await applyMergeKeepingValues(a.db, merge, [conflict], a.clock, a.context);
    const entries = await a.db.audit.where('recordId').equals(conflict.recordId).toArray();
    const entry = entries.find((candidate) => candidate.clock === write?.clock);

    expect(entry?.kind).toBe('write');
    expect(entry?.deviceId).toBe('laptopa');
    expect(entry?.user).toBe('user of laptopa');
    expect(entry?.changes).toEqual({ name: { old: 'North (renamed on B)', new: 'North (renamed on A)' } });
  });

  it('makes the kept value win on a third laptop', async () => {
    const { a, c, merge, conflict } = await concurrentRenames();
    await applyMergeKeepingValues(a.db, merge, [conflict], a.clock, a.context);

    const onC = await receive(c, a);

    expect(onC.preview.conflicts).toEqual([]);
    expect((await providerOn(c)).name).toBe('North (renamed on A)');
  });

  it('makes the kept value win where the other value came from', async () => {
    const { a, b, merge, conflict } = await concurrentRenames();
    await applyMergeKeepingValues(a.db, merge, [conflict], a.clock, a.context);

    const onB = await receive(b, a);

    expect(onB.preview.conflicts).toEqual([]);
    expect((await providerOn(b)).name).toBe('North (renamed on A)');
  });

  it('keeps the file value when this laptop won', async () => {
    const { a, b } = await concurrentRenames();
    // B merges A's data: B's own rename is the later one, so the merge itself writes no provider.
    const merge = mergeSnapshots(await readSnapshot(b.db, portfolio, 'laptopb'), await readSnapshot(a.db, portfolio, 'laptopa'), {
      now: b.wall(),
    });
    const conflict = onlyConflict(merge.preview.conflicts);
    expect(conflict.winner).toBe('local');
    expect(merge.delta.tables.providers.put).toEqual([]);

    await applyMergeKeepingValues(b.db, merge, [conflict], b.clock, b.context);

    expect((await providerOn(b)).name).toBe('North (renamed on A)');
  });

  it('writes the plain merge without choices', async () => {
    const { a, merge } = await concurrentRenames();

    const writes = await applyMergeKeepingValues(a.db, merge, [], a.clock, a.context);

    expect(writes).toEqual([]);
    expect((await providerOn(a)).name).toBe('North (renamed on B)');
  });

  it('writes nothing when the audit write fails', async () => {
    const { a, merge, conflict } = await concurrentRenames();
    const failing = await openNamedDb(a.db.name, failingWrites('audit'));
    opened.push(failing);
    const before = { providers: await a.db.providers.toArray(), audit: await a.db.audit.toArray(), meta: await a.db.meta.toArray() };

    const failure = await rejection(applyMergeKeepingValues(failing, merge, [conflict], a.clock, a.context));

    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await a.db.providers.toArray()).toEqual(before.providers);
    expect(await a.db.audit.toArray()).toEqual(before.audit);
    expect(await a.db.meta.toArray()).toEqual(before.meta);
  });

  it('rejects a conflict for a record the merge lacks', async () => {
    const { a, merge, conflict } = await concurrentRenames();
    const before = await a.db.providers.toArray();

    const attempt = applyMergeKeepingValues(a.db, merge, [{ ...conflict, recordId: uuidv7() }], a.clock, a.context);

    await expect(attempt).rejects.toThrow(RangeError);
    expect(await a.db.providers.toArray()).toEqual(before);
  });
});
