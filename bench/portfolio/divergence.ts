/**
 * Two laptops that diverge from one exported portfolio: each applies its own edits, written as
 * an edit script, so that the merge bench can replay the very same edits in Automerge. Some
 * edits touch the same fields on both sides (conflicts), and some records one side deletes are
 * edited on the other (deleted edits).
 */
import { contractGovernanceDefaults } from '../../shared/domain/profileDefaults';
import type { Id, Measurement, RecordTable, Tombstone } from '../../shared/domain/types';
import { monthIndexToPeriod, periodToMonthIndex } from '../../shared/domain/period';
import { changedFieldNames, dataFieldNames, stampFields } from '../../shared/sync/fieldClocks';
import { packHlc } from '../../shared/sync/hlc';
import { mergeVersionVectors } from '../../shared/sync/mergeVersionVector';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';
import { recordTables } from '../../shared/sync/snapshot';
import type { Devices, GeneratedPortfolio } from './generator';
import { inIdOrder } from './generator';
import { kpiLibrary } from './kpiLibrary';
import type { LibraryKpi } from './kpiLibrary';
import { SeededRandom } from './random';
import { drawResult } from './results';

/** A record's data fields with its id: what a user enters or an import reads, without clocks. */
export type RecordFields = Readonly<Record<string, unknown>> & { readonly id: Id };

export type RecordEdit =
  | { readonly kind: 'insert'; readonly table: RecordTable; readonly record: RecordFields }
  | { readonly kind: 'update'; readonly table: RecordTable; readonly id: Id; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly kind: 'delete'; readonly table: RecordTable; readonly id: Id };

/** One user action on one device, written in one transaction with one clock, as the app does. */
export interface EditBatch {
  /** Description of the user's action, for example `import of 2025-10 results`. */
  readonly label: string;
  readonly deviceId: string;
  /** Wall time of the transaction, in ms since the Unix epoch. */
  readonly wallMs: number;
  readonly edits: readonly RecordEdit[];
}

/** Counts of the edits of one side, by kind. */
export interface EditCounts {
  readonly batches: number;
  readonly inserts: number;
  readonly updates: number;
  readonly deletes: number;
}

export interface DivergedPortfolio {
  readonly base: PortfolioSnapshot;
  /** Edits of the office desktop, which exported `base`. */
  readonly localEdits: readonly EditBatch[];
  /** Edits of the vendor manager's laptop, which had imported `base`. */
  readonly remoteEdits: readonly EditBatch[];
  readonly local: PortfolioSnapshot;
  readonly remote: PortfolioSnapshot;
}

/** Shares of the records that each side edits. */
const shares = {
  correctedMeasurements: 0.02,
  /** Share of the remote side's corrections made to measurements the local side corrected too. */
  overlappingCorrections: 0.33,
  renamedProviders: 0.1,
  /** Share of the remote side's renames made to providers the local side renamed too. */
  overlappingRenames: 0.5,
  renegotiatedProviders: 0.1,
  deletedMeasurements: 0.001,
  /** Share of the remote side's deletions made to measurements the local side corrected. */
  deletedCorrected: 0.3,
  newContracts: 0.05,
  deletedContracts: 0.03,
};

const minuteMs = 60_000;
const dayMs = 86_400_000;

function shareOf(count: number, share: number): number {
  return Math.max(1, Math.round(count * share));
}

class SideEdits {
  readonly batches: EditBatch[] = [];
  private wallMs: number;

  constructor(
    readonly deviceId: string,
    startWallMs: number,
  ) {
    this.wallMs = startWallMs;
  }

  /** Adds a batch 7 minutes after the previous one, so that every batch of a side has its own clock. */
  add(label: string, edits: readonly RecordEdit[]): void {
    if (edits.length === 0) return;
    this.wallMs += 7 * minuteMs;
    this.batches.push({ label, deviceId: this.deviceId, wallMs: this.wallMs, edits });
  }
}

function correction(random: SeededRandom, record: Measurement, kpi: LibraryKpi, suffix: string): RecordEdit {
  const fields = { ...drawResult(random, kpi, 0), sourceFile: `bench-results-${record.period}-${suffix}.csv` };
  return { kind: 'update', table: 'measurements', id: record.id, fields };
}

/**
 * Builds both sides' edits from `portfolio`. The local side imports the next month, re-imports
 * corrections, renames providers and deletes measurements and contracts. The remote side
 * corrects measurements (a third of them also corrected locally), renames providers (half of
 * them also renamed locally), renegotiates service levels, adds contracts and deletes
 * measurements (30% of them corrected locally).
 */
export function divergePortfolio(portfolio: GeneratedPortfolio, seed: number): DivergedPortfolio {
  const random = new SeededRandom(seed);
  const base = portfolio.snapshot;
  const { records } = base;
  const devices: Devices = portfolio.devices;
  const startWallMs = portfolio.latestWallMs + dayMs;
  const local = new SideEdits(devices.office, startWallMs);
  const remote = new SideEdits(devices.manager, startWallMs + 3 * minuteMs);

  const libraryById = new Map(records.kpis.map((kpi) => [kpi.id, kpiLibrary.find((entry) => entry.data.key === kpi.key)]));
  const kpiOf = (kpiId: Id): LibraryKpi => {
    const entry = libraryById.get(kpiId);
    if (entry === undefined) throw new Error(`KPI ${kpiId} is not in the library`);
    return entry;
  };

  // Local: the next month's import, for every service level of the portfolio.
  const lastMonth = records.measurements.reduce((latest, record) => Math.max(latest, periodToMonthIndex(record.period)), 0);
  const period = monthIndexToPeriod(lastMonth + 1);
  local.add(
    `import of ${period} results`,
    records.serviceLevels.map((level) => ({
      kind: 'insert',
      table: 'measurements',
      record: {
        id: random.uuidv7(startWallMs),
        providerId: level.providerId,
        kpiId: level.kpiId,
        period,
        ...drawResult(random, kpiOf(level.kpiId), 0),
        sourceFile: `bench-results-${period}.csv`,
      },
    })),
  );

  const measurements = records.measurements;
  const localCorrected = random.sample(measurements, shareOf(measurements.length, shares.correctedMeasurements));
  local.add(
    're-import of corrected results',
    localCorrected.map((record) => correction(random, record, kpiOf(record.kpiId), 'office')),
  );

  const overlapCount = Math.round(localCorrected.length * shares.overlappingCorrections);
  const localCorrectedIds = new Set(localCorrected.map((record) => record.id));
  const remoteOnly = random.sample(
    measurements.filter((record) => !localCorrectedIds.has(record.id)),
    localCorrected.length - overlapCount,
  );
  const remoteCorrected = [...localCorrected.slice(0, overlapCount), ...remoteOnly];
  remote.add(
    'corrections from the provider',
    remoteCorrected.map((record) => correction(random, record, kpiOf(record.kpiId), 'manager')),
  );

  const providers = records.providers;
  const localRenamed = random.sample(providers, shareOf(providers.length, shares.renamedProviders));
  const renameOverlap = Math.round(localRenamed.length * shares.overlappingRenames);
  const localRenamedIds = new Set(localRenamed.map((provider) => provider.id));
  const remoteRenamed = [
    ...localRenamed.slice(0, renameOverlap),
    ...random.sample(
      providers.filter((provider) => !localRenamedIds.has(provider.id)),
      localRenamed.length - renameOverlap,
    ),
  ];
  for (const [side, renamed, suffix] of [
    [local, localRenamed, 'Group'],
    [remote, remoteRenamed, 'Holdings'],
  ] as const) {
    for (const provider of renamed) {
      const name = `${provider.name.replace(/ \(.*$/, '')} ${suffix}`;
      side.add(`rename of ${provider.code ?? provider.id}`, [
        { kind: 'update', table: 'providers', id: provider.id, fields: { name, formerNames: [...provider.formerNames, provider.name] } },
      ]);
    }
  }

  const renegotiated = new Set(
    random.sample(providers, shareOf(providers.length, shares.renegotiatedProviders)).map((provider) => provider.id),
  );
  for (const providerId of renegotiated) {
    const edits: RecordEdit[] = records.serviceLevels
      .filter((level) => level.providerId === providerId)
      .map((level) => ({
        kind: 'update',
        table: 'serviceLevels',
        id: level.id,
        fields: { expected: level.expected + 1, minimum: level.minimum + 1 },
      }));
    remote.add(`renegotiation of ${providerId}`, edits);
  }

  for (const provider of random.sample(providers, shareOf(providers.length, shares.newContracts))) {
    const record = {
      id: random.uuidv7(startWallMs),
      providerId: provider.id,
      title: 'Change request 7: extra volume',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      currency: 'GBP',
      annualValueMinor: 25_000_000,
      monthlyChargesMinor: null,
      atRiskPercent: null,
      ...contractGovernanceDefaults,
    };
    remote.add(`new contract for ${provider.code ?? provider.id}`, [{ kind: 'insert', table: 'contracts', record }]);
  }

  const deletions = shareOf(measurements.length, shares.deletedMeasurements);
  const remoteCorrectedIds = new Set(remoteCorrected.map((record) => record.id));
  const localDeleted = random.sample(
    measurements.filter((record) => !localCorrectedIds.has(record.id) && !remoteCorrectedIds.has(record.id)),
    deletions,
  );
  local.add(
    'deletion of rows imported twice',
    localDeleted.map((record) => ({ kind: 'delete', table: 'measurements', id: record.id })),
  );
  const deletedCorrected = Math.round(deletions * shares.deletedCorrected);
  const localDeletedIds = new Set(localDeleted.map((record) => record.id));
  const remoteDeleted = [
    ...random.sample(localCorrected.slice(overlapCount), deletedCorrected),
    ...random.sample(
      measurements.filter(
        (record) => !localDeletedIds.has(record.id) && !localCorrectedIds.has(record.id) && !remoteCorrectedIds.has(record.id),
      ),
      deletions - deletedCorrected,
    ),
  ];
  remote.add(
    'deletion of disputed results',
    remoteDeleted.map((record) => ({ kind: 'delete', table: 'measurements', id: record.id })),
  );

  for (const contract of random.sample(records.contracts, shareOf(records.contracts.length, shares.deletedContracts))) {
    local.add(`deletion of contract ${contract.id}`, [{ kind: 'delete', table: 'contracts', id: contract.id }]);
  }

  return {
    base,
    localEdits: local.batches,
    remoteEdits: remote.batches,
    local: applyEdits(base, devices.office, local.batches),
    remote: applyEdits(base, devices.manager, remote.batches),
  };
}

/** Counts the batches and edits of one side. */
export function countEdits(batches: readonly EditBatch[]): EditCounts {
  const counts = { batches: batches.length, inserts: 0, updates: 0, deletes: 0 };
  for (const batch of batches) {
    for (const edit of batch.edits) {
      if (edit.kind === 'insert') counts.inserts += 1;
      else if (edit.kind === 'update') counts.updates += 1;
      else counts.deletes += 1;
    }
  }
  return counts;
}

type MutableRecord = Record<string, unknown> & { id: Id; clock: string; fieldClocks: Readonly<Record<string, string>> };

/**
 * Applies `batches` to a copy of `base` as the device `deviceId` would: one clock per batch,
 * clocks stamped only on fields whose value changed, tombstones for deletions, and the device's
 * version vector entry raised to its latest clock. `base` is left unchanged.
 */
export function applyEdits(base: PortfolioSnapshot, deviceId: string, batches: readonly EditBatch[]): PortfolioSnapshot {
  const tables = new Map<RecordTable, Map<Id, MutableRecord>>();
  for (const table of recordTables) {
    const records = base.records[table] as unknown as readonly MutableRecord[];
    tables.set(table, new Map(records.map((record) => [record.id, record])));
  }
  const tombstones: Tombstone[] = [...base.tombstones];
  let versionVector = base.versionVector;

  for (const batch of batches) {
    const clock = packHlc({ wallMs: batch.wallMs, counter: 0, deviceId: batch.deviceId });
    for (const edit of batch.edits) {
      const records = tables.get(edit.table);
      if (records === undefined) throw new Error(`Batch "${batch.label}" edits the unknown table ${edit.table}`);
      if (edit.kind === 'insert') {
        records.set(edit.record.id, { ...edit.record, id: edit.record.id, clock, fieldClocks: {} });
        continue;
      }
      const before = records.get(edit.id);
      if (before === undefined) throw new Error(`Batch "${batch.label}" edits ${edit.table} record ${edit.id}, which does not exist`);
      if (edit.kind === 'delete') {
        records.delete(edit.id);
        tombstones.push({ id: edit.id, table: edit.table, clock });
        continue;
      }
      const merged = { ...before, ...edit.fields };
      records.set(edit.id, { ...merged, ...stampFields(before, dataFieldNames(merged), changedFieldNames(before, merged), clock) });
    }
    versionVector = mergeVersionVectors(versionVector, { [batch.deviceId]: clock });
  }

  const records = Object.fromEntries(recordTables.map((table) => [table, inIdOrder([...(tables.get(table)?.values() ?? [])])]));
  return { ...base, deviceId, records: records as unknown as PortfolioSnapshot['records'], tombstones, versionVector };
}
