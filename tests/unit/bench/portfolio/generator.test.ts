import { describe, expect, test } from 'vitest';
import { readPortfolioFile, writePortfolioFile } from '../../../../shared/file';
import type { HlcString, RecordTable, SyncFields } from '../../../../shared/domain/types';
import { parseHlc } from '../../../../shared/sync/hlc';
import { naturalKey } from '../../../../shared/sync/mergeNaturalKeys';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { recordTables } from '../../../../shared/sync/snapshot';
import { generatePortfolio } from '../../../../bench/portfolio/generator';
import type { PortfolioShape } from '../../../../bench/portfolio/generator';

const shape: PortfolioShape = { seed: 7, providers: 6, measurements: 900 };
const metadata = { appVersion: '0.0.0-test', exportedAt: '2026-01-01T00:00:00.000Z' };

function allClocks(snapshot: PortfolioSnapshot): HlcString[] {
  const clocks: HlcString[] = snapshot.tombstones.map((tombstone) => tombstone.clock);
  for (const table of recordTables) {
    const records: readonly SyncFields[] = snapshot.records[table];
    for (const record of records) clocks.push(record.clock, ...Object.values(record.fieldClocks));
  }
  return clocks;
}

function withFieldClocks(snapshot: PortfolioSnapshot, table: RecordTable): number {
  const records: readonly SyncFields[] = snapshot.records[table];
  return records.filter((record) => Object.keys(record.fieldClocks).length > 0).length;
}

describe('generatePortfolio', () => {
  test('writes a file the reader accepts', async () => {
    const { snapshot } = generatePortfolio(shape);
    const read = await readPortfolioFile(await writePortfolioFile(snapshot, metadata), 'generated.steerwise');

    expect(read.ok ? 'ok' : read.error).toBe('ok');
    if (!read.ok) return;
    expect(read.value.snapshot).toEqual(snapshot);
  });

  test('same seed gives the same portfolio', () => {
    expect(generatePortfolio(shape)).toEqual(generatePortfolio(shape));
  });

  test('another seed gives another portfolio', () => {
    const first = generatePortfolio(shape).snapshot;
    const second = generatePortfolio({ ...shape, seed: 8 }).snapshot;

    expect(second.portfolioId).not.toBe(first.portfolioId);
    expect(second.records.measurements[0]?.id).not.toBe(first.records.measurements[0]?.id);
  });

  test('has the requested size', () => {
    const { snapshot } = generatePortfolio(shape);

    expect(snapshot.records.providers).toHaveLength(6);
    expect(snapshot.records.measurements).toHaveLength(900);
    expect(snapshot.records.contracts.length).toBeGreaterThanOrEqual(1);
    expect(snapshot.records.serviceLevels.length).toBeGreaterThanOrEqual(6 * 8);
  });

  test('default shape has the benchmark size', () => {
    const { snapshot, history } = generatePortfolio();

    expect(snapshot.records.providers.length).toBeGreaterThanOrEqual(200);
    expect(snapshot.records.measurements.length).toBeGreaterThanOrEqual(150_000);
    expect(history.correctedMeasurements).toBeGreaterThan(0);
  });

  test('carries history of three devices', () => {
    const { snapshot, devices, history } = generatePortfolio(shape);
    const writers = new Set(allClocks(snapshot).map((clock) => parseHlc(clock).deviceId));

    expect(writers).toEqual(new Set([devices.office, devices.manager, devices.consultant]));
    expect(withFieldClocks(snapshot, 'measurements')).toBe(history.correctedMeasurements);
    expect(withFieldClocks(snapshot, 'providers')).toBe(history.renamedProviders);
    expect(withFieldClocks(snapshot, 'serviceLevels')).toBe(history.renegotiatedServiceLevels);
    expect(history.correctedMeasurements).toBeGreaterThan(0);
    expect(history.renamedProviders).toBeGreaterThan(0);
    expect(history.renegotiatedServiceLevels).toBeGreaterThan(0);
  });

  test('deletions leave tombstones only', () => {
    const { snapshot, history } = generatePortfolio(shape);
    const live = new Set(snapshot.records.measurements.map((record) => record.id));
    const measurementTombstones = snapshot.tombstones.filter((tombstone) => tombstone.table === 'measurements');

    expect(measurementTombstones).toHaveLength(history.deletedMeasurements);
    expect(history.deletedMeasurements).toBeGreaterThan(0);
    expect(measurementTombstones.filter((tombstone) => live.has(tombstone.id))).toEqual([]);
  });

  test('field clocks are later than the record clock', () => {
    const { snapshot } = generatePortfolio(shape);
    const early: string[] = [];
    for (const table of recordTables) {
      const records: readonly SyncFields[] = snapshot.records[table];
      for (const record of records) {
        for (const [field, clock] of Object.entries(record.fieldClocks)) if (clock <= record.clock) early.push(`${table} ${record.id} ${field}`);
      }
    }

    expect(early).toEqual([]);
  });

  test('version vector covers every clock', () => {
    const { snapshot, latestWallMs } = generatePortfolio(shape);
    const uncovered = allClocks(snapshot).filter((clock) => {
      const highest = snapshot.versionVector[parseHlc(clock).deviceId];
      return highest === undefined || clock > highest;
    });

    expect(uncovered).toEqual([]);
    expect(Math.max(...Object.values(snapshot.versionVector).map((clock) => parseHlc(clock).wallMs))).toBe(latestWallMs);
  });

  test('natural keys and references hold', () => {
    const { snapshot } = generatePortfolio(shape);
    const providerIds = new Set(snapshot.records.providers.map((record) => record.id));
    const kpiIds = new Set(snapshot.records.kpis.map((record) => record.id));
    const keys = snapshot.records.measurements.map((record) => naturalKey('measurements', record as unknown as Readonly<Record<string, unknown>>));

    expect(new Set(keys).size).toBe(keys.length);
    expect(snapshot.records.measurements.filter((record) => !providerIds.has(record.providerId) || !kpiIds.has(record.kpiId))).toEqual([]);
    expect(snapshot.records.serviceLevels.filter((record) => !providerIds.has(record.providerId) || !kpiIds.has(record.kpiId))).toEqual([]);
  });

  test('rejects a shape without providers', () => {
    expect(() => generatePortfolio({ ...shape, providers: 0 })).toThrow(RangeError);
  });

  test('rejects fractional measurements', () => {
    expect(() => generatePortfolio({ ...shape, measurements: 10.5 })).toThrow(/measurements/);
  });
});
