/**
 * Simulated laptops for merge tests: each has its own database and wall clock, and `exchange`
 * carries a portfolio between two of them through a `.steerwise` file on disk, as the Sync screen
 * does. `useLaptops` registers the hooks that close the databases and remove the folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { readPortfolioFile, writePortfolioFile } from '../../../../shared/file';
import { createClock } from '../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { MergeResult } from '../../../../shared/sync/mergeTypes';
import type { DeviceContext } from '../../../../renderer/src/db/clockStore';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import type { PortfolioIdentity } from '../../../../renderer/src/db/snapshot';
import { applyMergeDelta, readSnapshot } from '../../../../renderer/src/db/snapshot';
import { manualWall, openTestDb } from './factories';
import type { ManualWall } from './factories';

/** A laptop: its database, its wall clock and a clock that both writes and merges advance. */
export interface Laptop {
  readonly db: PortfolioDb;
  readonly wall: ManualWall;
  readonly clock: ReturnType<typeof createClock>;
  readonly context: DeviceContext;
}

export interface Laptops {
  /** Opens a laptop whose wall clock starts at `startMs`. */
  readonly laptop: (deviceId: string, startMs: number) => Promise<Laptop>;
  /** Exports `from`'s portfolio to `fileName` and merges the file into `into`'s. */
  readonly exchange: (from: Laptop, into: Laptop, fileName: string) => Promise<MergeResult>;
}

/** Returns laptops that share `portfolio`, with files in a temporary folder named after `folderPrefix`. */
export function useLaptops(portfolio: PortfolioIdentity, folderPrefix: string): Laptops {
  const folder = mkdtempSync(join(tmpdir(), folderPrefix));
  const opened: PortfolioDb[] = [];

  afterEach(() => {
    for (const database of opened.splice(0)) database.close();
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const laptop = async (deviceId: string, startMs: number): Promise<Laptop> => {
    const db = await openTestDb();
    opened.push(db);
    const wall = manualWall(startMs);
    const clock = createClock(deviceId, wall);
    const context: DeviceContext = { deviceId, user: deviceId, tick: () => clock.tick(), now: () => new Date(wall()).toISOString() };
    return { db, wall, clock, context };
  };

  const exchange = async (from: Laptop, into: Laptop, fileName: string): Promise<MergeResult> => {
    const snapshot = await readSnapshot(from.db, portfolio, from.context.deviceId);
    const path = join(folder, fileName);
    writeFileSync(path, await writePortfolioFile(snapshot, { appVersion: '0.1.0', exportedAt: new Date(from.wall()).toISOString() }));
    const parsed = await readPortfolioFile(new Uint8Array(readFileSync(path)), fileName);
    if (!parsed.ok) throw new Error(`could not read ${fileName}: ${parsed.error.code}`);
    const local = await readSnapshot(into.db, portfolio, into.context.deviceId);
    const result = mergeSnapshots(local, parsed.value.snapshot, { now: into.wall() });
    await applyMergeDelta(into.db, result.delta, result.snapshot.versionVector, into.clock);
    return result;
  };

  return { laptop, exchange };
}
