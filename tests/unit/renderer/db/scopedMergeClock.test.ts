/**
 * Writing the merge of a scoped file: the merged version vector leaves the file's writes out, so
 * the session clock must still receive their clocks, or a later local edit could be stamped
 * before the data it replaces.
 */
import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HlcString } from '../../../../shared/domain/types';
import { packHlc } from '../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { providerRepository } from '../../../../renderer/src/db/records';
import { applyMergeDelta, readSnapshot } from '../../../../renderer/src/db/snapshot';
import { readVersionVector } from '../../../../renderer/src/db/versionVector';
import { manualWall, openTestDb, testContext } from './factories';

const opened: PortfolioDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const portfolio = { id: 'portfolio-scoped', name: 'Scoped' };
/** Laptop B's clock runs an hour ahead of this laptop's. */
const aheadClock = packHlc({ wallMs: Date.UTC(2026, 0, 15, 10, 0, 0), counter: 0, deviceId: 'laptopb00001' });

function recordingClock(): { readonly received: HlcString[]; receive(remote: HlcString): HlcString } {
  const received: HlcString[] = [];
  return {
    received,
    receive: (remote) => {
      received.push(remote);
      return remote;
    },
  };
}

/** Builds a scoped file from laptop B with one new provider written at `aheadClock`. */
function scopedFile(local: PortfolioSnapshot): PortfolioSnapshot {
  return {
    ...local,
    deviceId: 'laptopb00001',
    records: {
      ...local.records,
      providers: [
        { id: 'p-west', clock: aheadClock, fieldClocks: {}, code: 'RX9', name: 'West', formerNames: [], ...providerProfileDefaults },
      ],
    },
    tombstones: [],
    versionVector: { laptopb00001: aheadClock },
    scoped: true,
  };
}

describe('applyMergeDelta of a scoped file', () => {
  it('stores the local version vector only', async () => {
    const db = await openTestDb();
    opened.push(db);
    const context = testContext(manualWall());
    await providerRepository.insert(db, { code: 'RX1', name: 'North', formerNames: [], ...providerProfileDefaults }, context);
    const local = await readSnapshot(db, portfolio, context.deviceId);

    const merged = mergeSnapshots(local, scopedFile(local), { now: Date.UTC(2026, 0, 15, 9, 0, 0) });
    await applyMergeDelta(db, merged.delta, merged.snapshot.versionVector, recordingClock());
    expect(await readVersionVector(db)).toEqual(local.versionVector);
    expect((await db.providers.get('p-west'))?.name).toBe('West');
  });

  it('has the session receive the clock of the written records', async () => {
    const db = await openTestDb();
    opened.push(db);
    const context = testContext(manualWall());
    await providerRepository.insert(db, { code: 'RX1', name: 'North', formerNames: [], ...providerProfileDefaults }, context);
    const local = await readSnapshot(db, portfolio, context.deviceId);

    const merged = mergeSnapshots(local, scopedFile(local), { now: Date.UTC(2026, 0, 15, 9, 0, 0) });
    const session = recordingClock();
    await applyMergeDelta(db, merged.delta, merged.snapshot.versionVector, session);
    expect(session.received).toContain(aheadClock);
  });
});
