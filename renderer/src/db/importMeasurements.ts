/**
 * Writes a measurement import plan in one transaction: KPIs by key, providers by code (or
 * name), default service levels where a provider has none for a KPI, and measurements by
 * provider, KPI and period. Records that the file does not change keep their clocks.
 *
 * Speed: the stored records the import can touch are read with one query per table, or one per
 * touched provider for measurements. They are compared in memory and written with one `bulkPut`
 * per table, so a large import costs about as much as the raw puts it needs.
 */
import { reportedLevelTerms } from '@shared/domain/serviceTerms';
import { v7 as uuidv7 } from 'uuid';
import type { HlcString, Id, ImportSummary, KpiDefinition, Measurement, Period, Provider, ServiceLevel } from '@shared/domain/types';
import type { ImportPlan } from '@shared/import/types';
import { dataFieldNames, stampFields } from '@shared/sync/fieldClocks';
import { withFieldGroups } from '@shared/domain/fieldGroups';
import { importAuditEntry, importedRecordAuditEntries } from './auditEntries';
import { applyEscalationRules, escalationRuleTables, localDateOf } from './escalations';
import type { DeviceContext } from './clockStore';
import { assertPlanWritable, inconsistentPlan, indexPlan } from './importPlanIndex';
import type { PlanIndex } from './importPlanIndex';
import { matchProviders, upsertProviders } from './importProviders';
import { TableChanges, upsertKpis } from './importUpsert';
import type { StampClock } from './importUpsert';
import type { PortfolioDb } from './portfolioDb';
import { toStorageFailure } from './storageErrors';
import { raiseVersionVector } from './versionVector';

/**
 * Fields whose change makes a measurement changed; provider, KPI and period are its identity.
 * `sourceFile` follows a changed value but is not a change by itself, so importing the same
 * results from a renamed file changes nothing.
 */
const measuredFields = ['value', 'numerator', 'denominator'] as const;

const keySeparator = '\u001f';

function measurementKey(providerId: Id, kpiId: Id, period: Period): string {
  return `${providerId}${keySeparator}${kpiId}${keySeparator}${period}`;
}

function kpiIdOf(plan: ImportPlan, kpiIds: ReadonlyMap<string, Id>, kpiKey: string, row: number | null): Id {
  const id = kpiIds.get(kpiKey);
  if (id === undefined) {
    throw inconsistentPlan(plan, { kpiKey, ...(row === null ? {} : { row }) }, `KPI ${kpiKey} is neither in the plan nor stored`);
  }
  return id;
}

/** Adds the plan's default service level for every provider and KPI that has none stored. */
function addDefaultLevels(
  plan: ImportPlan,
  stored: readonly ServiceLevel[],
  providerIds: readonly Id[],
  kpiIds: ReadonlyMap<string, Id>,
  stamp: StampClock,
  changes: TableChanges<ServiceLevel>,
): void {
  const present = new Set(stored.map((level) => `${level.providerId}${keySeparator}${level.kpiId}`));
  for (const providerId of new Set(providerIds)) {
    for (const level of plan.serviceLevels) {
      const kpiId = kpiIdOf(plan, kpiIds, level.kpiKey, null);
      const key = `${providerId}${keySeparator}${kpiId}`;
      if (present.has(key)) {
        changes.unchanged += 1;
        continue;
      }
      present.add(key);
      const record: ServiceLevel = {
        id: uuidv7(),
        clock: stamp(),
        fieldClocks: {},
        kpiId,
        providerId,
        contractId: null,
        expected: level.expected,
        minimum: level.minimum,
        ...reportedLevelTerms,
      };
      changes.record({ record, outcome: 'added' });
    }
  }
}

/**
 * Upserts the plan's measurements. The loop runs once per row on 100,000s of rows, so it
 * compares the four imported fields directly instead of diffing whole records.
 */
function upsertMeasurements(
  plan: ImportPlan,
  index: PlanIndex,
  providerIds: readonly Id[],
  kpiIds: ReadonlyMap<string, Id>,
  stored: readonly Measurement[],
  stamp: StampClock,
  changes: TableChanges<Measurement>,
): void {
  const byKey = new Map<string, Measurement>();
  for (const measurement of stored) byKey.set(measurementKey(measurement.providerId, measurement.kpiId, measurement.period), measurement);

  plan.measurements.forEach((row, rowIndex) => {
    const providerId = providerIds[index.rowProviders[rowIndex] ?? -1];
    if (providerId === undefined) throw inconsistentPlan(plan, { row: row.row }, `row ${row.row} has no provider`);
    const kpiId = kpiIdOf(plan, kpiIds, row.kpiKey, row.row);
    const imported = { value: row.value, numerator: row.numerator, denominator: row.denominator, sourceFile: plan.fileName };
    const before = byKey.get(measurementKey(providerId, kpiId, row.period));

    if (before === undefined) {
      const record: Measurement = { id: uuidv7(), clock: stamp(), fieldClocks: {}, providerId, kpiId, period: row.period, ...imported };
      changes.record({ record, outcome: 'added' });
      return;
    }

    // Most rows of a re-import are unchanged, so the set of changed fields is built only for the others.
    if (measuredFields.every((field) => Object.is(before[field], imported[field]))) {
      changes.unchanged += 1;
      return;
    }
    const changed = new Set<string>(measuredFields.filter((field) => !Object.is(before[field], imported[field])));
    if (before.sourceFile !== imported.sourceFile) changed.add('sourceFile');
    const merged = { ...before, ...imported };
    const clocks = stampFields(before, dataFieldNames(merged), withFieldGroups('measurements', changed), stamp());
    changes.record({ record: { ...merged, ...clocks }, outcome: 'changed' });
  });
}

/** Returns the latest stored period of each provider that has measurements. */
function latestPeriods(measurements: readonly Measurement[]): Map<Id, Period> {
  const latest = new Map<Id, Period>();
  for (const measurement of measurements) {
    const current = latest.get(measurement.providerId);
    if (current === undefined || measurement.period > current) latest.set(measurement.providerId, measurement.period);
  }
  return latest;
}

async function writePlan(db: PortfolioDb, plan: ImportPlan, index: PlanIndex, context: DeviceContext): Promise<ImportSummary> {
  // The cast keeps TypeScript from narrowing to `null`: `stamp` assigns the clock in a closure.
  let clock = null as HlcString | null;
  const stamp: StampClock = () => (clock ??= context.tick());
  const kpis = new TableChanges<KpiDefinition>();
  const providers = new TableChanges<Provider>();
  const levels = new TableChanges<ServiceLevel>();
  const measurements = new TableChanges<Measurement>();

  const [storedKpis, storedProviders, storedLevels] = await Promise.all([
    db.kpis.toArray(),
    db.providers.toArray(),
    db.serviceLevels.toArray(),
  ]);
  const kpiIds = upsertKpis(storedKpis, plan.kpis, stamp, kpis);

  // Only providers that already exist can have stored measurements to compare with.
  const matches = matchProviders(storedProviders, plan.providers);
  const matchedIds = matches.flatMap((provider) => (provider === null ? [] : [provider.id]));
  const perProvider = await Promise.all(matchedIds.map((id) => db.measurements.where('providerId').equals(id).toArray()));
  const storedMeasurements = perProvider.flat();

  const providerIds = upsertProviders(plan.providers, matches, latestPeriods(storedMeasurements), index.latestPeriods, stamp, providers);
  addDefaultLevels(plan, storedLevels, providerIds, kpiIds, stamp, levels);
  upsertMeasurements(plan, index, providerIds, kpiIds, storedMeasurements, stamp, measurements);

  const summary: ImportSummary = {
    fileName: plan.fileName,
    rows: plan.rowCount,
    added: { kpis: kpis.added, providers: providers.added, serviceLevels: levels.added, measurements: measurements.added },
    changed: { kpis: kpis.changed, providers: providers.changed, serviceLevels: levels.changed, measurements: measurements.changed },
    unchanged: {
      kpis: kpis.unchanged,
      providers: providers.unchanged,
      serviceLevels: levels.unchanged,
      measurements: measurements.unchanged,
    },
  };
  // No clock was issued when every record is unchanged: then nothing is written, not even an audit entry.
  if (clock === null) return summary;

  if (kpis.writes.length > 0) await db.kpis.bulkPut(kpis.writes);
  if (providers.writes.length > 0) await db.providers.bulkPut(providers.writes);
  if (levels.writes.length > 0) await db.serviceLevels.bulkPut(levels.writes);
  if (measurements.writes.length > 0) await db.measurements.bulkPut(measurements.writes);
  await db.audit.bulkAdd([
    importAuditEntry(context, clock, summary),
    ...importedRecordAuditEntries(context, clock, summary, 'kpis', kpis.imported),
    ...importedRecordAuditEntries(context, clock, summary, 'providers', providers.imported),
  ]);
  // The import stamps every write with the one clock `stamp` issued, so one raise covers them all.
  await raiseVersionVector(db, clock);
  return summary;
}

/**
 * Writes `plan` in one transaction and returns the counts. Rejects a plan with error issues
 * before writing; on any failure (quota, constraint, inconsistent plan) nothing is written and
 * the promise rejects with an `AppFailure`. Applying the same plan twice changes nothing the
 * second time: the summary then counts every record as unchanged and no audit entry is added.
 * The same transaction runs the escalation rules on the new results, so a missed critical
 * service level is escalated together with the import or not at all. Their age rule may still
 * raise an escalation on a second run of the same plan days later.
 */
export async function applyImportPlan(db: PortfolioDb, plan: ImportPlan, context: DeviceContext): Promise<ImportSummary> {
  assertPlanWritable(plan);
  const index = indexPlan(plan);
  const tables = [db.kpis, db.providers, db.serviceLevels, db.measurements, db.audit, db.meta, ...escalationRuleTables(db)];
  try {
    return await db.transaction('rw', tables, async () => {
      const summary = await writePlan(db, plan, index, context);
      await applyEscalationRules(db, context, localDateOf(context.now()));
      return summary;
    });
  } catch (error) {
    throw toStorageFailure(error, { file: plan.fileName });
  }
}
