import { describe, expect, test } from 'vitest';
import { readPortfolioFile, writePortfolioFile } from '../../../../shared/file';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { countEdits, divergePortfolio } from '../../../../bench/portfolio/divergence';
import { generatePortfolio } from '../../../../bench/portfolio/generator';

const portfolio = generatePortfolio({ seed: 11, providers: 10, measurements: 3_000 });
const metadata = { appVersion: '0.0.0-test', exportedAt: '2026-01-01T00:00:00.000Z' };
const now = portfolio.latestWallMs + 30 * 86_400_000;

async function viaFile(snapshot: PortfolioSnapshot): Promise<PortfolioSnapshot> {
  const read = await readPortfolioFile(await writePortfolioFile(snapshot, metadata), 'side.steerwise');
  if (!read.ok) throw new Error(`side does not read back: ${JSON.stringify(read.error)}`);
  return read.value.snapshot;
}

describe('divergePortfolio', () => {
  test('same seed gives the same edits', () => {
    expect(divergePortfolio(portfolio, 3)).toEqual(divergePortfolio(portfolio, 3));
  });

  test('leaves the base unchanged', () => {
    const before = structuredClone(portfolio.snapshot);
    divergePortfolio(portfolio, 3);

    expect(portfolio.snapshot).toEqual(before);
  });

  test('both sides read back from files', async () => {
    const diverged = divergePortfolio(portfolio, 3);

    expect(await viaFile(diverged.local)).toEqual(diverged.local);
    expect(await viaFile(diverged.remote)).toEqual(diverged.remote);
  });

  test('each side has inserts, updates and deletes', () => {
    const diverged = divergePortfolio(portfolio, 3);
    const local = countEdits(diverged.localEdits);
    const remote = countEdits(diverged.remoteEdits);

    expect(local.inserts).toBe(portfolio.snapshot.records.serviceLevels.length);
    expect(local.updates).toBeGreaterThan(0);
    expect(local.deletes).toBeGreaterThan(0);
    expect(remote.inserts).toBeGreaterThan(0);
    expect(remote.updates).toBeGreaterThan(0);
    expect(remote.deletes).toBeGreaterThan(0);
  });

  test('merge of the sides has conflicts and deleted edits', () => {
    const diverged = divergePortfolio(portfolio, 3);
    const { preview } = mergeSnapshots(diverged.local, diverged.remote, { now });

    expect(preview.conflicts.filter((conflict) => conflict.table === 'measurements').length).toBeGreaterThan(0);
    expect(preview.conflicts.filter((conflict) => conflict.table === 'providers' && conflict.field === 'name').length).toBeGreaterThan(0);
    expect(preview.deletedEdits.length).toBeGreaterThan(0);
    expect(preview.tables.measurements.deleted).toBe(countEdits(diverged.remoteEdits).deletes);
  });

  test('merge keeps every side edit', () => {
    const diverged = divergePortfolio(portfolio, 3);
    const merged = mergeSnapshots(diverged.local, diverged.remote, { now }).snapshot;
    const base = portfolio.snapshot.records;
    const inserted = diverged.localEdits.flatMap((batch) => batch.edits).filter((edit) => edit.kind === 'insert').length;
    const deleted = [...diverged.localEdits, ...diverged.remoteEdits].flatMap((batch) => batch.edits).filter((edit) => edit.kind === 'delete' && edit.table === 'measurements').length;

    expect(merged.records.measurements).toHaveLength(base.measurements.length + inserted - deleted);
  });
});
