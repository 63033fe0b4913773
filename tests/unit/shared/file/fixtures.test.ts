import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { currentFormatVersion, decryptContainer, openPortfolioFile, readPortfolioFile, writePortfolioFile } from '../../../../shared/file';
import { placeholderClock } from '../../../../shared/sync/fieldClocks';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { emptyRecords, planTables, profileTables, recordTables, rfpTables } from '../../../../shared/sync/snapshot';
import { errorOf, valueOf } from '../../../support/node/results';
import { sha256HexOf, textOf, unzipEntries } from './craft';
import { buildPlainFixtures, encryptedFixtureName, fixtureFolder, frozenFixtures, goldenScope, readFixture } from './fixtureFiles';
import { goldenPlanIds } from './goldenPlan';
import {
  goldenIds,
  goldenMetadata,
  goldenPassphrase,
  goldenSnapshot,
  goldenSnapshotV1,
  goldenSnapshotV2,
  goldenSnapshotV3,
  goldenSnapshotV4,
  goldenSnapshotV5,
} from './goldenSnapshot';

async function readFixtureFile(name: string) {
  return readPortfolioFile(readFixture(name), name);
}

describe('golden.steerwise', () => {
  test('reads back the generator snapshot', async () => {
    const parsed = valueOf(await readFixtureFile('golden.steerwise'));
    expect(parsed.snapshot).toEqual(goldenSnapshot);
  });

  test('has the generator manifest', async () => {
    const { manifest } = valueOf(await readFixtureFile('golden.steerwise'));
    expect(manifest.exportedAt).toBe(goldenMetadata.exportedAt);
    expect(manifest.appVersion).toBe(goldenMetadata.appVersion);
    expect(manifest.recordCounts).toEqual({
      providers: 2,
      contracts: 1,
      kpis: 2,
      serviceLevels: 4,
      measurements: 8,
      rfpEvents: 1,
      rfpSections: 2,
      rfpCriteria: 3,
      rfpBidders: 2,
      rfpEvaluators: 2,
      rfpScores: 3,
      rfpConsensusScores: 1,
      rfpPriceBids: 2,
      planCalendars: 3,
      plans: 2,
      planTasks: 6,
      planDependencies: 3,
      planBaselines: 1,
      escalations: 1,
      escalationEvents: 2,
      providerSites: 2,
      certifications: 2,
      contacts: 2,
      processes: 2,
      risks: 2,
      meetingCadences: 1,
      meetings: 1,
      decisions: 1,
      actionItems: 2,
    });
    expect(manifest.tombstoneCount).toBe(1);
  });

  test('equals a fresh write byte for byte', async () => {
    const written = await writePortfolioFile(goldenSnapshot, goldenMetadata);
    expect(Buffer.from(written).equals(Buffer.from(readFixture('golden.steerwise')))).toBe(true);
  });
});

describe('committed fixtures', () => {
  test('match their builders byte for byte', async () => {
    const built = await buildPlainFixtures();
    for (const [name, bytes] of built) {
      expect(Buffer.from(readFixture(name)).equals(Buffer.from(bytes)), name).toBe(true);
    }
  });

  test('are all covered by a builder, the encrypted twin or the frozen list', async () => {
    const built = await buildPlainFixtures();
    const committed = readdirSync(fixtureFolder).filter((name) => name.endsWith('.steerwise'));
    expect(committed.sort()).toEqual([...built.keys(), encryptedFixtureName, ...frozenFixtures.keys()].sort());
  });

  test('of earlier versions keep their bytes', () => {
    for (const [name, sha256] of frozenFixtures) {
      expect(sha256HexOf(readFixture(name)), name).toBe(sha256);
    }
  });
});

/** Counts of a merge preview summed over the tables. */
function changeTotals(local: PortfolioSnapshot, remote: PortfolioSnapshot) {
  const { preview } = mergeSnapshots(local, remote, { now: Date.parse(goldenMetadata.exportedAt) });
  const totals = { added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0 };
  for (const table of recordTables) {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += preview.tables[table][key];
  }
  return { ...totals, conflicts: preview.conflicts.length };
}

describe('golden-v1.steerwise', () => {
  test('opens as a version 1 file', async () => {
    const parsed = valueOf(await readFixtureFile('golden-v1.steerwise'));
    expect(parsed.sourceFormatVersion).toBe(1);
  });

  test('migrates to the current version', async () => {
    const { manifest } = valueOf(await readFixtureFile('golden-v1.steerwise'));
    expect(manifest.formatVersion).toBe(currentFormatVersion);
  });

  test('gives its contract a null value under the record clock', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v1.steerwise'));
    expect(snapshot).toEqual(goldenSnapshotV1);
    const [contract] = snapshot.records.contracts;
    expect(contract?.annualValueMinor).toBeNull();
    expect(Object.keys(contract?.fieldClocks ?? {})).toEqual(['endDate']);
  });

  test('merges into an empty portfolio as all its records', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v1.steerwise'));
    const empty: PortfolioSnapshot = { ...snapshot, records: emptyRecords(), tombstones: [], versionVector: {} };
    const merged = mergeSnapshots(empty, snapshot, { now: Date.parse(goldenMetadata.exportedAt) }).snapshot;
    expect(merged.records).toEqual(goldenSnapshotV1.records);
  });

  test('merges into the current golden portfolio without changes', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v1.steerwise'));
    expect(changeTotals(goldenSnapshot, snapshot)).toEqual({ added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0, conflicts: 0 });
  });

  test('has no RFP or plan after migration', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v1.steerwise'));
    for (const table of [...rfpTables, ...planTables]) expect(snapshot.records[table], table).toEqual([]);
  });

  test('loses the contract value to the later entry', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v1.steerwise'));
    const merged = mergeSnapshots(snapshot, goldenSnapshot, { now: Date.parse(goldenMetadata.exportedAt) }).snapshot;
    expect(merged.records.contracts[0]?.annualValueMinor).toBe(315_000_000);
  });
});

describe('golden-v2.steerwise', () => {
  test('opens as a version 2 file', async () => {
    const parsed = valueOf(await readFixtureFile('golden-v2.steerwise'));
    expect(parsed.sourceFormatVersion).toBe(2);
    expect(parsed.manifest.formatVersion).toBe(currentFormatVersion);
  });

  test('migrates to empty RFP tables', async () => {
    const { manifest, snapshot } = valueOf(await readFixtureFile('golden-v2.steerwise'));
    expect(snapshot).toEqual(goldenSnapshotV2);
    for (const table of rfpTables) expect(manifest.recordCounts[table], table).toBe(0);
  });

  test('merges into the current golden portfolio without changes', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v2.steerwise'));
    expect(changeTotals(goldenSnapshot, snapshot)).toEqual({ added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0, conflicts: 0 });
  });

  test('has no plan after migration', async () => {
    const { manifest, snapshot } = valueOf(await readFixtureFile('golden-v2.steerwise'));
    for (const table of planTables) expect(snapshot.records[table], table).toEqual([]);
    for (const table of planTables) expect(manifest.recordCounts[table], table).toBe(0);
  });

  test('takes in the golden RFP when merged the other way', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v2.steerwise'));
    const merged = mergeSnapshots(snapshot, goldenSnapshot, { now: Date.parse(goldenMetadata.exportedAt) });
    expect(merged.snapshot.records).toEqual(goldenSnapshot.records);
    expect(merged.preview.tables.rfpScores.added).toBe(3);
  });
});

describe('golden-v3.steerwise', () => {
  test('opens as a version 3 file', async () => {
    const parsed = valueOf(await readFixtureFile('golden-v3.steerwise'));
    expect(parsed.sourceFormatVersion).toBe(3);
    expect(parsed.manifest.formatVersion).toBe(currentFormatVersion);
  });

  test('migrates to empty plan tables', async () => {
    const { manifest, snapshot } = valueOf(await readFixtureFile('golden-v3.steerwise'));
    expect(snapshot).toEqual(goldenSnapshotV3);
    for (const table of planTables) expect(manifest.recordCounts[table], table).toBe(0);
  });

  test('keeps its RFP', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v3.steerwise'));
    for (const table of rfpTables) expect(snapshot.records[table], table).toEqual(goldenSnapshot.records[table]);
  });

  test('merges into the current golden portfolio without changes', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v3.steerwise'));
    expect(changeTotals(goldenSnapshot, snapshot)).toEqual({ added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0, conflicts: 0 });
  });

  test('takes in the golden plans when merged the other way', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v3.steerwise'));
    const merged = mergeSnapshots(snapshot, goldenSnapshot, { now: Date.parse(goldenMetadata.exportedAt) });
    expect(merged.snapshot.records).toEqual(goldenSnapshot.records);
    expect(merged.preview.tables.plans.added).toBe(2);
    expect(merged.preview.tables.planTasks.added).toBe(6);
    expect(merged.preview.conflicts).toEqual([]);
  });
});

describe('golden-v4.steerwise', () => {
  test('opens as a version 4 file', async () => {
    const parsed = valueOf(await readFixtureFile('golden-v4.steerwise'));
    expect(parsed.sourceFormatVersion).toBe(4);
    expect(parsed.manifest.formatVersion).toBe(currentFormatVersion);
  });

  test('migrates to reported KPIs, contracts without charges and no escalation', async () => {
    const { manifest, snapshot } = valueOf(await readFixtureFile('golden-v4.steerwise'));
    expect(snapshot).toEqual(goldenSnapshotV4);
    expect(manifest.recordCounts.escalations).toBe(0);
    expect(manifest.recordCounts.escalationEvents).toBe(0);
    for (const level of snapshot.records.serviceLevels) expect(level.critical, level.id).toBe(false);
  });

  test('keeps its plans', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v4.steerwise'));
    for (const table of planTables) expect(snapshot.records[table], table).toEqual(goldenSnapshot.records[table]);
  });

  test('merges into the current golden portfolio without changes', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v4.steerwise'));
    expect(changeTotals(goldenSnapshot, snapshot)).toEqual({ added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0, conflicts: 0 });
  });

  test('takes in the service credit terms and the escalation when merged the other way', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v4.steerwise'));
    const merged = mergeSnapshots(snapshot, goldenSnapshot, { now: Date.parse(goldenMetadata.exportedAt) });
    expect(merged.snapshot.records).toEqual(goldenSnapshot.records);
    expect(merged.preview.tables.escalations.added).toBe(1);
    expect(merged.preview.tables.escalationEvents.added).toBe(2);
    expect(merged.preview.tables.serviceLevels.changed).toBe(2);
    expect(merged.preview.conflicts).toEqual([]);
  });
});

describe('golden-v5.steerwise', () => {
  test('opens as a version 5 file', async () => {
    const parsed = valueOf(await readFixtureFile('golden-v5.steerwise'));
    expect(parsed.sourceFormatVersion).toBe(5);
    expect(parsed.manifest.formatVersion).toBe(currentFormatVersion);
  });

  test('migrates to empty profiles', async () => {
    const { manifest, snapshot } = valueOf(await readFixtureFile('golden-v5.steerwise'));
    expect(snapshot).toEqual(goldenSnapshotV5);
    for (const table of profileTables) expect(manifest.recordCounts[table], table).toBe(0);
    for (const provider of snapshot.records.providers) expect(provider.lifecycle, provider.id).toBe('active');
    expect(snapshot.records.contracts[0]?.noticePeriod).toBeNull();
  });

  test('keeps its escalations and credit terms', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v5.steerwise'));
    expect(snapshot.records.escalations).toEqual(goldenSnapshot.records.escalations);
    expect(snapshot.records.serviceLevels).toEqual(goldenSnapshot.records.serviceLevels);
  });

  test('merges into the current golden portfolio without changes', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v5.steerwise'));
    expect(changeTotals(goldenSnapshot, snapshot)).toEqual({ added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0, conflicts: 0 });
  });

  test('takes in governance when merged back', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-v5.steerwise'));
    const merged = mergeSnapshots(snapshot, goldenSnapshot, { now: Date.parse(goldenMetadata.exportedAt) });
    expect(merged.snapshot.records).toEqual(goldenSnapshot.records);
    expect(merged.preview.tables.providers.changed).toBe(1);
    expect(merged.preview.tables.contracts.changed).toBe(1);
    expect(merged.preview.tables.providerSites.added).toBe(2);
    expect(merged.preview.tables.meetings.added).toBe(1);
    expect(merged.preview.tables.actionItems.added).toBe(2);
    expect(merged.preview.conflicts).toEqual([]);
  });
});

describe('golden-scoped.steerwise', () => {
  test('records its scope in the manifest', async () => {
    const { manifest } = valueOf(await readFixtureFile('golden-scoped.steerwise'));
    expect(manifest.scope).toEqual(goldenScope);
    expect(manifest.recordCounts).toEqual({
      ...Object.fromEntries(rfpTables.map((table) => [table, 0])),
      providers: 1,
      contracts: 1,
      kpis: 2,
      serviceLevels: 2,
      measurements: 4,
      planCalendars: 2,
      plans: 1,
      planTasks: 5,
      planDependencies: 3,
      planBaselines: 1,
      escalations: 1,
      escalationEvents: 2,
      providerSites: 2,
      certifications: 2,
      contacts: 2,
      processes: 2,
      risks: 1,
      meetingCadences: 1,
      meetings: 1,
      decisions: 1,
      actionItems: 2,
    });
    expect(manifest.tombstoneCount).toBe(0);
  });

  test('reads as a scoped snapshot of one provider', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-scoped.steerwise'));
    expect(snapshot.scoped).toBe(true);
    expect(snapshot.records.providers.map((provider) => provider.id)).toEqual([goldenIds.northEast]);
    expect(snapshot.records.measurements.every((measurement) => measurement.providerId === goldenIds.northEast)).toBe(true);
    expect(snapshot.tombstones).toEqual([]);
  });

  test('holds the provider plan with the calendars it uses', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-scoped.steerwise'));
    expect(snapshot.records.plans.map((plan) => plan.id)).toEqual([goldenPlanIds.northEastPlan]);
    expect(snapshot.records.planCalendars.map((calendar) => calendar.id)).toEqual([
      goldenPlanIds.englandCalendar,
      goldenPlanIds.puneCalendar,
    ]);
    expect(snapshot.records.planTasks.every((task) => task.planId === goldenPlanIds.northEastPlan)).toBe(true);
  });

  test('holds provider governance only', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-scoped.steerwise'));
    expect(snapshot.records.risks.map((risk) => risk.providerId)).toEqual([goldenIds.northEast]);
    expect(snapshot.records.meetings[0]?.cadenceId).toBe(snapshot.records.meetingCadences[0]?.id);
    expect(snapshot.records.providerSites.map((site) => site.city)).toEqual(['Newcastle upon Tyne', 'Pune']);
  });

  test('carries the exporter version vector', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-scoped.steerwise'));
    expect(snapshot.versionVector).toEqual(goldenSnapshot.versionVector);
  });

  test('stores no contract value, charges or share at risk', () => {
    const entries = unzipEntries(readFixture('golden-scoped.steerwise'));
    const contracts = textOf(entries.get('records/contracts.json'));
    for (const field of ['annualValueMinor', 'monthlyChargesMinor', 'atRiskPercent']) expect(contracts).not.toContain(field);
  });

  test('reads the left-out values as placeholders', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-scoped.steerwise'));
    const [contract] = snapshot.records.contracts;
    expect(contract?.annualValueMinor).toBeNull();
    expect(contract?.monthlyChargesMinor).toBeNull();
    expect(contract?.atRiskPercent).toBeNull();
    expect(contract?.clock).toBe(placeholderClock);
  });

  test('holds the provider escalation with its history', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-scoped.steerwise'));
    expect(snapshot.records.escalations).toEqual(goldenSnapshot.records.escalations);
    expect(snapshot.records.escalationEvents).toEqual(goldenSnapshot.records.escalationEvents);
  });

  test('merges into the golden portfolio without changes', async () => {
    const { snapshot } = valueOf(await readFixtureFile('golden-scoped.steerwise'));
    expect(changeTotals(goldenSnapshot, snapshot)).toEqual({ added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0, conflicts: 0 });
  });
});

describe('golden-encrypted.steerwise', () => {
  test('asks for a passphrase when read directly', async () => {
    const error = errorOf(await readFixtureFile(encryptedFixtureName));
    expect(error.code).toBe('portfolioFile.passphraseRequired');
    expect(error.detail).toEqual({ file: encryptedFixtureName });
  });

  test('decrypts to the golden bytes with the README passphrase', async () => {
    const plain = valueOf(await decryptContainer(readFixture(encryptedFixtureName), goldenPassphrase));
    expect(Buffer.from(plain).equals(Buffer.from(readFixture('golden.steerwise')))).toBe(true);
  });

  test('opens to the golden snapshot', async () => {
    const parsed = valueOf(await openPortfolioFile(readFixture(encryptedFixtureName), encryptedFixtureName, goldenPassphrase));
    expect(parsed.snapshot).toEqual(goldenSnapshot);
  });

  test('rejects a wrong passphrase', async () => {
    const error = errorOf(await openPortfolioFile(readFixture(encryptedFixtureName), encryptedFixtureName, 'Correct horse battery staple'));
    expect(error.code).toBe('portfolioFile.wrongPassphrase');
    expect(error.detail).toEqual({ file: encryptedFixtureName });
  });

  test('open without passphrase asks for one', async () => {
    const error = errorOf(await openPortfolioFile(readFixture(encryptedFixtureName), encryptedFixtureName, null));
    expect(error.code).toBe('portfolioFile.passphraseRequired');
  });
});

/** Each broken fixture with the exact error it must give. */
const rejections: readonly { readonly name: string; readonly code: string; readonly detail: Readonly<Record<string, string | number>> }[] =
  [
    { name: 'not-a-zip.steerwise', code: 'portfolioFile.notZip', detail: {} },
    { name: 'foreign-zip.steerwise', code: 'portfolioFile.notSteerwise', detail: { reason: 'noManifest' } },
    { name: 'truncated.steerwise', code: 'portfolioFile.corrupt', detail: { reason: 'centralDirectory' } },
    { name: 'checksum-mismatch.steerwise', code: 'portfolioFile.checksumMismatch', detail: { entry: 'records/providers.json' } },
    {
      name: 'version-too-new.steerwise',
      code: 'portfolioFile.versionTooNew',
      detail: { formatVersion: currentFormatVersion + 1, supportedVersion: currentFormatVersion },
    },
    { name: 'unknown-table.steerwise', code: 'portfolioFile.unknownTable', detail: { entry: 'records/invoices.json', table: 'invoices' } },
    {
      name: 'proto-key.steerwise',
      code: 'portfolioFile.forbiddenKey',
      detail: {
        entry: 'records/providers.json',
        key: '__proto__',
        path: '[1].__proto__',
        recordId: '019c1d94-8e68-735f-8a5a-c0d2d2be4326',
      },
    },
    {
      name: 'constructor-key.steerwise',
      code: 'portfolioFile.forbiddenKey',
      detail: {
        entry: 'records/contracts.json',
        key: 'constructor',
        path: '[0].fieldClocks.constructor',
        recordId: '019c1d94-9250-7284-8a03-2d84eb45df9e',
      },
    },
    {
      name: 'compression-bomb.steerwise',
      code: 'portfolioFile.entryRatioTooHigh',
      detail: { entry: 'records/measurements.json', ratio: 1024, maxRatio: 100 },
    },
    {
      name: 'duplicate-ids.steerwise',
      code: 'portfolioFile.duplicateId',
      detail: {
        entry: 'records/measurements.json',
        table: 'measurements',
        recordId: '019c1d94-ada8-705c-b16d-ee8a229f1b3a',
        firstIndex: 0,
        index: 1,
      },
    },
    {
      name: 'invalid-record.steerwise',
      code: 'portfolioFile.invalidRecord',
      detail: {
        entry: 'records/measurements.json',
        table: 'measurements',
        index: 7,
        recordId: '019c1d94-c900-7187-b67d-3a10f340dbaf',
        field: 'period',
        reason: 'period',
        value: '2015-13',
      },
    },
    { name: 'count-mismatch.steerwise', code: 'portfolioFile.countMismatch', detail: { table: 'kpis', expected: 3, actual: 2 } },
  ];

describe.each(rejections)('$name', ({ name, code, detail }) => {
  test(`gives ${code}`, async () => {
    const error = errorOf(await readFixtureFile(name));
    expect(error.code).toBe(code);
  });

  test('names the file and the place', async () => {
    const error = errorOf(await readFixtureFile(name));
    expect(error.detail).toEqual({ file: name, ...detail });
  });
});
