import { describe, expect, test } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import type { AppError } from '../../../../shared/errors';
import { currentFormatVersion, migrations, readPortfolioFile, runMigrations } from '../../../../shared/file';
import type { FileContent, Migration, MigrationRegistry } from '../../../../shared/file';
import { addContractValue, addPlanTables, addPortfolioProfile, addRfpTables, addServiceTerms } from '../../../../shared/file/migrate';
import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { noCreditTerms, reportedLevelTerms } from '../../../../shared/domain/serviceTerms';
import { planTables, profileTables, recordTables, rfpTables } from '../../../../shared/sync/snapshot';

/** The tables of a version 4 file, in writer order: every table but the escalation tables of version 5. */
const versionFiveTables = recordTables.filter((table) => !profileTables.includes(table));
const versionFourTables = versionFiveTables.filter((table) => !table.startsWith('escalation'));
import { errorOf, valueOf } from '../../../support/node/results';
import { bytesOf, repack, textOf, unzipEntries } from './craft';
import { readFixture } from './fixtureFiles';
import { goldenIds, goldenSnapshotV1 } from './goldenSnapshot';

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
  test('registry has one step per older version', () => {
    expect(Object.keys(migrations)).toEqual(['1', '2', '3', '4', '5']);
    expect(currentFormatVersion).toBe(6);
  });
});

const contractsEntry = 'records/contracts.json';

/** Parsed content of a version 1 file with the given contracts and manifest fields. */
function versionOneContent(contracts: unknown, manifest: Readonly<Record<string, unknown>> = {}): FileContent {
  return { manifest: { formatVersion: 1, ...manifest }, entries: new Map([[contractsEntry, contracts]]) };
}

describe('migration from version 1 to 2', () => {
  const contract = {
    id: 'c1',
    clock: '019c1d948a80-0000-a1b2c3d4e5f6',
    fieldClocks: {},
    providerId: 'p1',
    title: 'Core',
    startDate: null,
    endDate: null,
    currency: 'GBP',
  };

  test('adds a null contract value', () => {
    const migrated = addContractValue(versionOneContent([contract]));
    expect(migrated.entries.get(contractsEntry)).toEqual([{ ...contract, annualValueMinor: null }]);
  });

  test('gives the value no clock of its own', () => {
    const migrated = addContractValue(versionOneContent([contract]));
    expect((migrated.entries.get(contractsEntry) as { fieldClocks: object }[])[0]?.fieldClocks).toEqual({});
  });

  test('leaves a value out that the file left out', () => {
    const content = versionOneContent([contract], { scope: { withoutCommercialTerms: true } });
    expect(addContractValue(content).entries.get(contractsEntry)).toEqual([contract]);
  });

  test('passes on contracts that are not objects', () => {
    expect(addContractValue(versionOneContent([contract, 'core'])).entries.get(contractsEntry)).toEqual([
      { ...contract, annualValueMinor: null },
      'core',
    ]);
    expect(addContractValue(versionOneContent({ contract })).entries.get(contractsEntry)).toEqual({ contract });
  });

  test('does not change its argument', () => {
    const content = versionOneContent([contract]);
    addContractValue(content);
    expect(content.entries.get(contractsEntry)).toEqual([contract]);
    expect(Object.hasOwn(contract, 'annualValueMinor')).toBe(false);
  });

  test('reads a non-object contract as invalid', async () => {
    const entries = unzipEntries(readFixture('golden-v1.steerwise'));
    entries.set(contractsEntry, bytesOf('[\n"NHS 111 call handling"\n]\n'));
    const error = errorOf(await readPortfolioFile(repack(entries), 'v1.steerwise'));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ entry: contractsEntry, index: 0, reason: 'object' });
  });

  test('reads left-out terms as placeholders', async () => {
    // A scoped file carries no tombstones, so the golden file's one is removed too.
    const entries = unzipEntries(readFixture('golden-v1.steerwise'));
    entries.set('tombstones.json', bytesOf('[]\n'));
    const bytes = repack(entries, (manifest) => {
      manifest.scope = { withoutCommercialTerms: true };
      manifest.tombstoneCount = 0;
    });
    const parsed = valueOf(await readPortfolioFile(bytes, 'v1-scoped.steerwise'));
    expect(parsed.snapshot.scoped).toBe(true);
    expect(parsed.snapshot.records.contracts[0]?.annualValueMinor).toBeNull();
    expect(parsed.snapshot.records.contracts[0]?.id).toBe(goldenIds.contract);
  });
});

/** The tables of format version 2, in the writer's order. */
const versionTwoTables = ['providers', 'contracts', 'kpis', 'serviceLevels', 'measurements'];

/** Parsed content of a version 2 file with no records, as `addRfpTables` receives it. */
function versionTwoContent(): FileContent {
  const entries = new Map<string, unknown>(
    ['providers', 'contracts', 'kpis', 'serviceLevels', 'measurements'].map((table) => [`records/${table}.json`, []]),
  );
  const recordCounts = { providers: 0, contracts: 0, kpis: 0, serviceLevels: 0, measurements: 0 };
  return { manifest: { formatVersion: 2, recordCounts }, entries };
}

describe('migration from version 2 to 3', () => {
  test('adds an empty entry per RFP table', () => {
    const migrated = addRfpTables(versionTwoContent());
    for (const table of rfpTables) expect(migrated.entries.get(`records/${table}.json`), table).toEqual([]);
    expect(migrated.entries.size).toBe(versionTwoTables.length + rfpTables.length);
  });

  test('adds zero record counts', () => {
    const migrated = addRfpTables(versionTwoContent());
    expect(Object.keys(migrated.manifest.recordCounts as object)).toEqual([...versionTwoTables, ...rfpTables]);
    for (const table of rfpTables) expect((migrated.manifest.recordCounts as Record<string, number>)[table]).toBe(0);
  });

  test('keeps an entry already present', () => {
    const content = versionTwoContent();
    const altered = { ...content, entries: new Map(content.entries).set('records/rfpScores.json', [{ id: 's1' }]) };
    expect(addRfpTables(altered).entries.get('records/rfpScores.json')).toEqual([{ id: 's1' }]);
  });

  test('does not change its argument', () => {
    const content = versionTwoContent();
    addRfpTables(content);
    expect(content.entries.size).toBe(5);
    expect(Object.keys(content.manifest.recordCounts as object)).toHaveLength(5);
  });

  test('rejects a version 2 file that already holds scores', async () => {
    const entries = unzipEntries(readFixture('golden-v2.steerwise'));
    entries.set('records/rfpScores.json', bytesOf('[\n{"id":"s1"}\n]\n'));
    const error = errorOf(await readPortfolioFile(repack(entries), 'v2.steerwise'));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ entry: 'records/rfpScores.json', field: 'clock', reason: 'required' });
  });
});

/** Parsed content of a version 3 file with no records, as `addPlanTables` receives it. */
function versionThreeContent(): FileContent {
  const tables = [...versionTwoTables, ...rfpTables];
  const entries = new Map<string, unknown>(tables.map((table) => [`records/${table}.json`, []]));
  const recordCounts = Object.fromEntries(tables.map((table) => [table, 0]));
  return { manifest: { formatVersion: 3, recordCounts }, entries };
}

describe('migration from version 3 to 4', () => {
  test('adds an empty entry per plan table', () => {
    const migrated = addPlanTables(versionThreeContent());
    for (const table of planTables) expect(migrated.entries.get(`records/${table}.json`), table).toEqual([]);
    expect(migrated.entries.size).toBe(versionFourTables.length);
  });

  test('adds zero record counts in writer order', () => {
    const migrated = addPlanTables(versionThreeContent());
    expect(Object.keys(migrated.manifest.recordCounts as object)).toEqual(versionFourTables);
    for (const table of planTables) expect((migrated.manifest.recordCounts as Record<string, number>)[table], table).toBe(0);
  });

  test('keeps an entry and count already present', () => {
    const content = versionThreeContent();
    const altered: FileContent = {
      manifest: { ...content.manifest, recordCounts: { ...(content.manifest.recordCounts as object), plans: 1 } },
      entries: new Map(content.entries).set('records/plans.json', [{ id: 'p1' }]),
    };
    const migrated = addPlanTables(altered);
    expect(migrated.entries.get('records/plans.json')).toEqual([{ id: 'p1' }]);
    expect((migrated.manifest.recordCounts as Record<string, number>).plans).toBe(1);
  });

  test('passes on a manifest without counts', () => {
    const content: FileContent = { manifest: { formatVersion: 3 }, entries: new Map() };
    const migrated = addPlanTables(content);
    expect(migrated.manifest).toEqual({ formatVersion: 3 });
    expect(migrated.entries.size).toBe(planTables.length);
  });

  test('does not change its argument', () => {
    const content = versionThreeContent();
    addPlanTables(content);
    expect(content.entries.size).toBe(versionTwoTables.length + rfpTables.length);
    expect(Object.keys(content.manifest.recordCounts as object)).toHaveLength(versionTwoTables.length + rfpTables.length);
  });

  test('rejects a version 3 file that already holds a plan', async () => {
    const entries = unzipEntries(readFixture('golden-v3.steerwise'));
    entries.set('records/plans.json', bytesOf('[\n{"id":"p1"}\n]\n'));
    const error = errorOf(await readPortfolioFile(repack(entries), 'v3.steerwise'));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ entry: 'records/plans.json', field: 'clock', reason: 'required' });
  });
});

/** Parsed content of a version 4 file with one contract and one service level, as `addServiceTerms` receives it. */
function versionFourContent(scope?: Readonly<Record<string, unknown>>): FileContent {
  const entries = new Map<string, unknown>(versionFourTables.map((table) => [`records/${table}.json`, []]));
  entries.set('records/contracts.json', [{ id: 'c1', annualValueMinor: 100 }]);
  entries.set('records/serviceLevels.json', [{ id: 's1', expected: 95, minimum: 90 }]);
  const recordCounts = Object.fromEntries(versionFourTables.map((table) => [table, 0]));
  return { manifest: { formatVersion: 4, recordCounts, ...(scope === undefined ? {} : { scope }) }, entries };
}

describe('migration from version 4 to 5', () => {
  test('makes every service level a reported KPI without adding field clocks', () => {
    const migrated = addServiceTerms(versionFourContent());
    expect(migrated.entries.get('records/serviceLevels.json')).toEqual([{ id: 's1', expected: 95, minimum: 90, ...reportedLevelTerms }]);
  });

  test('gives every contract no charges and nothing at risk', () => {
    const migrated = addServiceTerms(versionFourContent());
    expect(migrated.entries.get('records/contracts.json')).toEqual([{ id: 'c1', annualValueMinor: 100, ...noCreditTerms }]);
  });

  test('leaves the commercial fields absent in a file without commercial terms', () => {
    const migrated = addServiceTerms(versionFourContent({ withoutCommercialTerms: true }));
    expect(migrated.entries.get('records/contracts.json')).toEqual([{ id: 'c1', annualValueMinor: 100 }]);
    expect(migrated.entries.get('records/serviceLevels.json')).toEqual([{ id: 's1', expected: 95, minimum: 90, ...reportedLevelTerms }]);
  });

  test('adds empty escalation tables with zero counts in writer order', () => {
    const migrated = addServiceTerms(versionFourContent());
    expect(migrated.entries.get('records/escalations.json')).toEqual([]);
    expect(migrated.entries.get('records/escalationEvents.json')).toEqual([]);
    expect(Object.keys(migrated.manifest.recordCounts as object)).toEqual(versionFiveTables);
  });

  test('keeps a term already present and does not change its argument', () => {
    const base = versionFourContent();
    const content: FileContent = {
      ...base,
      entries: new Map(base.entries).set('records/serviceLevels.json', [{ id: 's1', critical: true }]),
    };
    const migrated = addServiceTerms(content);
    expect(migrated.entries.get('records/serviceLevels.json')).toEqual([{ ...reportedLevelTerms, id: 's1', critical: true }]);
    expect(content.entries.get('records/serviceLevels.json')).toEqual([{ id: 's1', critical: true }]);
    expect(content.entries.has('records/escalations.json')).toBe(false);
  });
});

/** Parsed content of a version 5 file with one provider and one contract, as `addPortfolioProfile` receives it. */
function versionFiveContent(scope?: Readonly<Record<string, unknown>>): FileContent {
  const entries = new Map<string, unknown>(versionFiveTables.map((table) => [`records/${table}.json`, []]));
  entries.set('records/providers.json', [{ id: 'p1', name: 'North' }]);
  entries.set('records/contracts.json', [{ id: 'c1', title: 'Calls' }]);
  const recordCounts = Object.fromEntries(versionFiveTables.map((table) => [table, 0]));
  return { manifest: { formatVersion: 5, recordCounts, ...(scope === undefined ? {} : { scope }) }, entries };
}

describe('migration from version 5 to 6', () => {
  test('adds an active provider profile', () => {
    const migrated = addPortfolioProfile(versionFiveContent());
    expect(migrated.entries.get('records/providers.json')).toEqual([{ id: 'p1', name: 'North', ...providerProfileDefaults }]);
  });

  test('adds contract terms in every scope', () => {
    for (const scope of [undefined, { withoutCommercialTerms: true }]) {
      const migrated = addPortfolioProfile(versionFiveContent(scope));
      expect(migrated.entries.get('records/contracts.json')).toEqual([{ id: 'c1', title: 'Calls', ...contractGovernanceDefaults }]);
    }
  });

  test('adds empty governance tables', () => {
    const migrated = addPortfolioProfile(versionFiveContent());
    for (const table of profileTables) expect(migrated.entries.get(`records/${table}.json`), table).toEqual([]);
    expect(Object.keys(migrated.manifest.recordCounts as object)).toEqual([...recordTables]);
  });

  test('keeps present fields and argument', () => {
    const base = versionFiveContent();
    const content: FileContent = {
      ...base,
      entries: new Map(base.entries).set('records/providers.json', [{ id: 'p1', lifecycle: 'exited' }]),
    };
    const migrated = addPortfolioProfile(content);
    expect(migrated.entries.get('records/providers.json')).toEqual([{ ...providerProfileDefaults, id: 'p1', lifecycle: 'exited' }]);
    expect(content.entries.has('records/risks.json')).toBe(false);
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
 * An invented version 0 for the tests, made from the version 1 golden file: KPIs lived in
 * `records/kpiDefinitions.json` and a measurement's period was called `month`.
 */
function versionZeroFile(): Uint8Array {
  const entries = unzipEntries(readFixture('golden-v1.steerwise'));
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
  const withVersionZero: MigrationRegistry = { ...migrations, 0: versionZeroToOne };

  test('reads version 0 step by step', async () => {
    const parsed = valueOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: withVersionZero }));
    expect(parsed.snapshot).toEqual(goldenSnapshotV1);
  });

  test('reports the source version', async () => {
    const parsed = valueOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: withVersionZero }));
    expect(parsed.sourceFormatVersion).toBe(0);
  });

  test('returns the migrated manifest version', async () => {
    const parsed = valueOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: withVersionZero }));
    expect(parsed.manifest.formatVersion).toBe(currentFormatVersion);
  });

  test('rejects version 0 when the version 1 step is missing', async () => {
    const error = errorOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: { 0: versionZeroToOne } }));
    expect(error.code).toBe('portfolioFile.versionTooOld');
  });

  test('rejects version 0 without a migration', async () => {
    const error = errorOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise'));
    expect(error.code).toBe('portfolioFile.versionTooOld');
  });

  test('checks migrated records with the current schemas', async () => {
    const forgetful: Migration = ({ manifest, entries }) =>
      versionZeroToOne({ manifest, entries: new Map([...entries].filter(([name]) => name !== 'tombstones.json')) });
    const error = errorOf(await readPortfolioFile(versionZeroFile(), 'v0.steerwise', { migrations: { ...migrations, 0: forgetful } }));
    expect(error.code).toBe('portfolioFile.missingEntry');
    expect(error.detail).toEqual({ file: 'v0.steerwise', entry: 'tombstones.json' });
  });
});
