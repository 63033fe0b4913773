import { afterEach, describe, expect, test } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import type { AppError } from '../../../../shared/errors';
import { currentFormatVersion, scopeSnapshot, writePortfolioFile } from '../../../../shared/file';
import type { WriteProgress } from '../../../../shared/file';
import type { Measurement } from '../../../../shared/domain/types';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { manifestOf, sha256HexOf, textOf, unzipEntries } from './craft';
import { exportingDevice, goldenIds, goldenMetadata, goldenSnapshot } from './goldenSnapshot';

/** Runs a write that must fail and returns its error. */
async function writeError(snapshot: PortfolioSnapshot, metadata = goldenMetadata): Promise<AppError> {
  try {
    await writePortfolioFile(snapshot, metadata);
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected the write to fail');
}

function withMeasurements(measurements: readonly Measurement[]): PortfolioSnapshot {
  return { ...goldenSnapshot, records: { ...goldenSnapshot.records, measurements } };
}

const firstMeasurement = goldenSnapshot.records.measurements[0]!;

describe('writePortfolioFile layout', () => {
  test('stores entries in fixed order, manifest last', async () => {
    const entries = unzipEntries(await writePortfolioFile(goldenSnapshot, goldenMetadata));
    expect([...entries.keys()]).toEqual([
      'records/providers.json',
      'records/contracts.json',
      'records/kpis.json',
      'records/serviceLevels.json',
      'records/measurements.json',
      'records/rfpEvents.json',
      'records/rfpSections.json',
      'records/rfpCriteria.json',
      'records/rfpBidders.json',
      'records/rfpEvaluators.json',
      'records/rfpScores.json',
      'records/rfpConsensusScores.json',
      'records/rfpPriceBids.json',
      'records/planCalendars.json',
      'records/plans.json',
      'records/planTasks.json',
      'records/planDependencies.json',
      'records/planBaselines.json',
      'records/escalations.json',
      'records/escalationEvents.json',
      'records/providerSites.json',
      'records/certifications.json',
      'records/contacts.json',
      'records/processes.json',
      'records/risks.json',
      'records/meetingCadences.json',
      'records/meetings.json',
      'records/decisions.json',
      'records/actionItems.json',
      'tombstones.json',
      'versionVector.json',
      'manifest.json',
    ]);
  });

  test('manifest lists the SHA-256 of every other entry', async () => {
    const entries = unzipEntries(await writePortfolioFile(goldenSnapshot, goldenMetadata));
    const expected = Object.fromEntries(
      [...entries].filter(([name]) => name !== 'manifest.json').map(([name, bytes]) => [name, sha256HexOf(bytes)]),
    );
    expect(manifestOf(entries).sha256).toEqual(expected);
  });

  test('manifest carries identity and counts', async () => {
    const manifest = manifestOf(unzipEntries(await writePortfolioFile(goldenSnapshot, goldenMetadata)));
    expect(manifest).toMatchObject({
      formatType: 'steerwise-portfolio',
      formatVersion: currentFormatVersion,
      appVersion: '0.1.0',
      exportedAt: '2026-02-11T09:15:00.000Z',
      deviceId: exportingDevice,
      portfolioId: goldenSnapshot.portfolioId,
      portfolioName: goldenSnapshot.portfolioName,
      recordCounts: { providers: 2, contracts: 1, kpis: 2, serviceLevels: 4, measurements: 8 },
      tombstoneCount: 1,
    });
  });

  test('manifest has no scope for a full export', async () => {
    const manifest = manifestOf(unzipEntries(await writePortfolioFile(goldenSnapshot, goldenMetadata)));
    expect(Object.hasOwn(manifest, 'scope')).toBe(false);
  });

  test('manifest keeps a given scope', async () => {
    const scope = { providerIds: [goldenSnapshot.records.providers[0]!.id], withoutCommercialTerms: true };
    const manifest = manifestOf(unzipEntries(await writePortfolioFile(scopeSnapshot(goldenSnapshot, scope), { ...goldenMetadata, scope })));
    expect(manifest.scope).toEqual(scope);
  });

  test('writes one record per line', async () => {
    const text = textOf(unzipEntries(await writePortfolioFile(goldenSnapshot, goldenMetadata)).get('records/measurements.json'));
    expect(text.split('\n')).toHaveLength(goldenSnapshot.records.measurements.length + 3);
  });

  test('writes an empty table as an empty array', async () => {
    const text = textOf(unzipEntries(await writePortfolioFile(withMeasurements([]), goldenMetadata)).get('records/measurements.json'));
    expect(JSON.parse(text)).toEqual([]);
  });
});

describe('writePortfolioFile determinism', () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    if (originalTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalTimeZone;
  });

  test('same input gives same bytes', async () => {
    const first = await writePortfolioFile(goldenSnapshot, goldenMetadata);
    const second = await writePortfolioFile(goldenSnapshot, goldenMetadata);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  test('time zone does not change the bytes', async () => {
    process.env.TZ = 'UTC';
    const utc = await writePortfolioFile(goldenSnapshot, goldenMetadata);
    process.env.TZ = 'Pacific/Chatham';
    const chatham = await writePortfolioFile(goldenSnapshot, goldenMetadata);
    expect(Buffer.from(utc).equals(Buffer.from(chatham))).toBe(true);
  });

  test('field order of the input does not change the bytes', async () => {
    const reordered = goldenSnapshot.records.measurements.map(
      (record) => Object.fromEntries(Object.entries(record).reverse()) as unknown as Measurement,
    );
    const vector = Object.fromEntries(Object.entries(goldenSnapshot.versionVector).reverse());
    const first = await writePortfolioFile(goldenSnapshot, goldenMetadata);
    const second = await writePortfolioFile({ ...withMeasurements(reordered), versionVector: vector }, goldenMetadata);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  test('field clocks are written in key order', async () => {
    const measurement = {
      ...firstMeasurement,
      fieldClocks: { value: '019c1d948a81-0000-a1b2c3d4e5f6', numerator: '019c1d948a82-0000-a1b2c3d4e5f6' },
    };
    const text = textOf(
      unzipEntries(await writePortfolioFile(withMeasurements([measurement]), goldenMetadata)).get('records/measurements.json'),
    );
    expect(text).toContain('"fieldClocks":{"numerator":"019c1d948a82-0000-a1b2c3d4e5f6","value":"019c1d948a81-0000-a1b2c3d4e5f6"}');
  });

  test('another export time gives other bytes', async () => {
    const first = await writePortfolioFile(goldenSnapshot, goldenMetadata);
    const second = await writePortfolioFile(goldenSnapshot, { ...goldenMetadata, exportedAt: '2026-02-11T09:15:00.001Z' });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
  });
});

describe('writePortfolioFile progress', () => {
  test('reports serializing, compressing, then finished', async () => {
    const progress: WriteProgress[] = [];
    const bytes = await writePortfolioFile(goldenSnapshot, goldenMetadata, (step) => progress.push(step));
    expect(progress[0]).toEqual({ stage: 'serializing', entry: 'records/providers.json', done: 2, total: 2 });
    expect(progress.at(-1)).toEqual({ stage: 'finished', entry: '', done: bytes.length, total: bytes.length });
  });

  test('reports compression of every entry to its end', async () => {
    const progress: WriteProgress[] = [];
    await writePortfolioFile(goldenSnapshot, goldenMetadata, (step) => progress.push(step));
    const finishedEntries = progress.filter((step) => step.stage === 'compressing' && step.done === step.total).map((step) => step.entry);
    expect(finishedEntries).toHaveLength(32);
  });
});

describe('writePortfolioFile rejects data the format cannot hold', () => {
  test('invalid period names table, record and field', async () => {
    const error = await writeError(withMeasurements([{ ...firstMeasurement, period: '2015-4' }]));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toEqual({
      entry: 'records/measurements.json',
      table: 'measurements',
      index: 0,
      recordId: firstMeasurement.id,
      field: 'period',
      reason: 'period',
      value: '2015-4',
    });
  });

  test('NaN value is rejected', async () => {
    const error = await writeError(withMeasurements([{ ...firstMeasurement, value: Number.NaN }]));
    expect(error.detail?.reason).toBe('finiteNumberOrNull');
    expect(error.detail?.field).toBe('value');
  });

  test('infinite level is rejected', async () => {
    const level = goldenSnapshot.records.serviceLevels[0]!;
    const error = await writeError({
      ...goldenSnapshot,
      records: { ...goldenSnapshot.records, serviceLevels: [{ ...level, expected: Infinity }] },
    });
    expect(error.detail?.reason).toBe('finiteNumber');
    expect(error.detail?.table).toBe('serviceLevels');
  });

  test('duplicate ids are rejected', async () => {
    const error = await writeError(withMeasurements([firstMeasurement, { ...firstMeasurement, period: '2015-06' }]));
    expect(error.code).toBe('portfolioFile.duplicateId');
    expect(error.detail).toEqual({
      entry: 'records/measurements.json',
      table: 'measurements',
      recordId: firstMeasurement.id,
      firstIndex: 0,
      index: 1,
    });
  });

  test('invalid export time is rejected', async () => {
    const error = await writeError(goldenSnapshot, { ...goldenMetadata, exportedAt: '11/02/2026 09:15' });
    expect(error.code).toBe('portfolioFile.invalidManifest');
    expect(error.detail?.field).toBe('exportedAt');
  });

  test('version vector clock from another device is rejected', async () => {
    const error = await writeError({ ...goldenSnapshot, versionVector: { [exportingDevice]: '019c1d948a80-0000-0f1e2d3c4b5a' } });
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail?.reason).toBe('deviceMismatch');
  });

  test('device id __proto__ in the version vector is rejected', async () => {
    const vector = JSON.parse('{"__proto__":"019c1d948a80-0000-__proto__"}') as Record<string, string>;
    const error = await writeError({ ...goldenSnapshot, versionVector: vector });
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail?.reason).toBe('deviceId');
  });
});

describe('writePortfolioFile rejects a scope that does not fit', () => {
  const northEastOnly = { providerIds: [goldenIds.northEast] };

  test('scope for a full snapshot', async () => {
    const error = await writeError(goldenSnapshot, { ...goldenMetadata, scope: northEastOnly });
    expect(error.code).toBe('portfolioFile.invalidManifest');
    expect(error.detail).toEqual({ field: 'scope' });
  });

  test('scoped snapshot without a scope', async () => {
    const error = await writeError(scopeSnapshot(goldenSnapshot, northEastOnly));
    expect(error.code).toBe('portfolioFile.invalidManifest');
    expect(error.detail).toEqual({ field: 'scope' });
  });

  test('contract value in a file without commercial terms', async () => {
    const error = await writeError(scopeSnapshot(goldenSnapshot, northEastOnly), {
      ...goldenMetadata,
      scope: { ...northEastOnly, withoutCommercialTerms: true },
    });
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({
      table: 'contracts',
      recordId: goldenIds.contract,
      field: 'fieldClocks.annualValueMinor',
      reason: 'commercialTerm',
    });
  });

  test('provider outside the scope', async () => {
    const error = await writeError(scopeSnapshot(goldenSnapshot, { providerIds: [goldenIds.northEast, goldenIds.lincolnshire] }), {
      ...goldenMetadata,
      scope: northEastOnly,
    });
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ table: 'providers', recordId: goldenIds.lincolnshire, field: 'id', reason: 'outOfScope' });
  });
});
