import { describe, expect, test } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import type { AppError } from '../../../../shared/errors';
import { migrations, readPortfolioFile, runMigrations } from '../../../../shared/file';
import type { FileContent, Migration, MigrationRegistry } from '../../../../shared/file';
import { errorOf, valueOf } from '../../../support/node/results';
import { bytesOf, repack, textOf, unzipEntries } from './craft';
import { readFixture } from './fixtureFiles';
import { goldenSnapshot } from './goldenSnapshot';

const emptyContent: FileContent = { manifest: { formatVersion: 0 }, entries: new Map() };

/** A step that appends its start version to the manifest's `steps` list. */
function recordingStep(version: number): Migration {
  return (content) => {
    const steps: unknown[] = Array.isArray(content.manifest.steps) ? (content.manifest.steps as unknown[]) : [];
    return { manifest: { ...content.manifest, steps: [...steps, version] }, entries: content.entries };
  };
}

function migrationError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected the migration to fail');
}

describe('shipped migrations', () => {
  test('registry is empty while version 1 is the only version', () => {
    expect(Object.keys(migrations)).toEqual([]);
  });
});

describe('runMigrations', () => {
  const registry: MigrationRegistry = { 0: recordingStep(0), 1: recordingStep(1), 2: recordingStep(2) };

  test('runs each step once, in order', () => {
    const result = runMigrations(emptyContent, 0, 3, registry, 'old.steerwise');
    expect(result.manifest.steps).toEqual([0, 1, 2]);
  });

  test('sets the version reached', () => {
    expect(runMigrations(emptyContent, 0, 3, registry, 'old.steerwise').manifest.formatVersion).toBe(3);
  });

  test('starts at the file version', () => {
    const result = runMigrations({ ...emptyContent, manifest: { formatVersion: 2 } }, 2, 3, registry, 'old.steerwise');
    expect(result.manifest.steps).toEqual([2]);
  });

  test('returns current content unchanged', () => {
    expect(runMigrations(emptyContent, 1, 1, {}, 'new.steerwise')).toBe(emptyContent);
  });

  test('does not change its argument', () => {
    runMigrations(emptyContent, 0, 3, registry, 'old.steerwise');
    expect(emptyContent.manifest).toEqual({ formatVersion: 0 });
  });

  test('rejects a gap in the steps', () => {
    const error = migrationError(() => runMigrations(emptyContent, 0, 3, { 0: recordingStep(0), 2: recordingStep(2) }, 'old.steerwise'));
    expect(error.code).toBe('portfolioFile.versionTooOld');
    expect(error.detail).toEqual({ file: 'old.steerwise', formatVersion: 0, supportedVersion: 3 });
  });

  test('names the step that threw', () => {
    const failing: Migration = () => {
      throw new Error('measurement without a month');
    };
    const error = migrationError(() => runMigrations(emptyContent, 0, 3, { ...registry, 1: failing }, 'old.steerwise'));
    expect(error.code).toBe('portfolioFile.migrationFailed');
    expect(error.detail).toEqual({ file: 'old.steerwise', fromVersion: 1, toVersion: 2 });
    expect(error.cause).toBe('measurement without a month');
  });
});

/**
 * An invented version 0 for the tests: KPIs lived in `records/kpiDefinitions.json` and a
 * measurement's period was called `month`.
 */
function versionZeroFile(): Uint8Array {
  const entries = unzipEntries(readFixture('golden.steerwise'));
  const kpis = entries.get('records/kpis.json');
  if (kpis === undefined) throw new Error('golden file has no KPIs');
  entries.delete('records/kpis.json');
  entries.set('records/kpiDefinitions.json', kpis);
  entries.set('records/measurements.json', bytesOf(textOf(entries.get('records/measurements.json')).replaceAll('"period":', '"month":')));
  return repack(entries, (manifest) => {
    manifest.formatVersion = 0;
  });
}

const versionZeroToOne: Migration = ({ manifest, entries }) => {
  const next = new Map(entries);
  next.set('records/kpis.json', next.get('records/kpiDefinitions.json'));
  next.delete('records/kpiDefinitions.json');
  const measurements = next.get('records/measurements.json') as Record<string, unknown>[];
  next.set(
    'records/measurements.json',
    measurements.map(({ month, ...rest }) => ({ ...rest, period: month })),
  );
  return { manifest, entries: next };
};

describe('readPortfolioFile with an injected migration', () => {
  test('reads a version 0 file as the current snapshot', async () => {
    const parsed = valueOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: { 0: versionZeroToOne } }));
    expect(parsed.snapshot).toEqual(goldenSnapshot);
  });

  test('reports the source version', async () => {
    const parsed = valueOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: { 0: versionZeroToOne } }));
    expect(parsed.sourceFormatVersion).toBe(0);
  });

  test('returns the migrated manifest version', async () => {
    const parsed = valueOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: { 0: versionZeroToOne } }));
    expect(parsed.manifest.formatVersion).toBe(1);
  });

  test('rejects version 0 without a migration', async () => {
    const error = errorOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise'));
    expect(error.code).toBe('portfolioFile.versionTooOld');
  });

  test('checks migrated records with the current schemas', async () => {
    const forgetful: Migration = ({ manifest, entries }) =>
      versionZeroToOne({ manifest, entries: new Map([...entries].filter(([name]) => name !== 'tombstones.json')) });
    const error = errorOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: { 0: forgetful } }));
    expect(error.code).toBe('portfolioFile.missingEntry');
    expect(error.detail).toEqual({ file: 'v0.steerwise', entry: 'tombstones.json' });
  });
});
