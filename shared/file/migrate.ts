/**
 * Migrations of older format versions, one version at a time. `migrations[n]` turns the parsed
 * content of a version `n` file into version `n + 1`. Version 1 is the first released version.
 * A released step is never edited, and a new format version adds a step.
 */
import { contractGovernanceDefaults, providerProfileDefaults } from '../domain/profileDefaults';
import { noCreditTerms, reportedLevelTerms } from '../domain/serviceTerms';
import type { RecordTable } from '../domain/types';
import { AppFailure } from '../errors';
import { recordsEntry } from './layout';

/** Parsed content of a file: the manifest and every other entry's JSON value, by entry path. */
export interface FileContent {
  readonly manifest: Readonly<Record<string, unknown>>;
  readonly entries: ReadonlyMap<string, unknown>;
}

/** Turns content of one version into the next. It must not change its argument; it may throw on content it cannot convert. */
export type Migration = (content: FileContent) => FileContent;

/** Migrations by the version they start from. */
export type MigrationRegistry = Readonly<Record<number, Migration>>;

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 to 2: contracts gain the commercial field `annualValueMinor`, set to `null`. It gets
 * no `fieldClocks` entry, so its clock is the record clock, as in the database upgrade that adds
 * the field, and two laptops that migrate the same contract hold the same record. A file whose
 * manifest declares `withoutCommercialTerms` keeps the field absent, because the value was left
 * out rather than empty; the reader then fills in placeholders. Anything that is not an array of
 * objects is passed on for the version 2 checks to reject.
 */
export const addContractValue: Migration = ({ manifest, entries }) => {
  const scope = manifest.scope;
  const withoutCommercialTerms = isPlainObject(scope) && scope.withoutCommercialTerms === true;
  const entry = recordsEntry('contracts');
  const contracts = entries.get(entry);
  if (withoutCommercialTerms || !Array.isArray(contracts)) return { manifest, entries };

  const migrated = contracts.map((contract: unknown) =>
    isPlainObject(contract) && !Object.hasOwn(contract, 'annualValueMinor') ? { ...contract, annualValueMinor: null } : contract,
  );
  return { manifest, entries: new Map(entries).set(entry, migrated) };
};

/** The RFP tables that format version 3 adds, in the writer's order. */
const tablesAddedInVersion3 = [
  'rfpEvents',
  'rfpSections',
  'rfpCriteria',
  'rfpBidders',
  'rfpEvaluators',
  'rfpScores',
  'rfpConsensusScores',
  'rfpPriceBids',
] as const satisfies readonly RecordTable[];

/**
 * Version 2 to 3: adds an empty records entry and a record count of 0 for each RFP table. A
 * version 2 file contains no RFP, so nothing else changes. An entry or count already present is
 * kept, so the version 3 checks apply to a file that was altered to carry one.
 */
export const addRfpTables: Migration = (content) => addTables(content, tablesAddedInVersion3);

/**
 * Adds an empty records entry and a record count of 0 for each of `tables`. An entry or count
 * already present is kept, so the next version's checks apply to a file that was altered to
 * carry one.
 */
function addTables({ manifest, entries }: FileContent, tables: readonly RecordTable[]): FileContent {
  const migrated = new Map(entries);
  for (const table of tables) {
    const entry = recordsEntry(table);
    if (!migrated.has(entry)) migrated.set(entry, []);
  }
  const counts = manifest.recordCounts;
  if (!isPlainObject(counts)) return { manifest, entries: migrated };

  const addedCounts = Object.fromEntries(tables.filter((table) => !Object.hasOwn(counts, table)).map((table) => [table, 0]));
  return { manifest: { ...manifest, recordCounts: { ...counts, ...addedCounts } }, entries: migrated };
}

/** The transition plan tables that format version 4 adds, in the writer's order. */
const tablesAddedInVersion4 = [
  'planCalendars',
  'plans',
  'planTasks',
  'planDependencies',
  'planBaselines',
] as const satisfies readonly RecordTable[];

/**
 * Version 3 to 4: adds an empty records entry and a record count of 0 for each transition plan
 * table. A version 3 file contains no plan, so nothing else changes. An entry or count already
 * present is kept, so the version 4 checks apply to a file that was altered to carry one.
 */
export const addPlanTables: Migration = (content) => addTables(content, tablesAddedInVersion4);

/** The escalation tables that format version 5 adds, in the writer's order. */
const tablesAddedInVersion5 = ['escalations', 'escalationEvents'] as const satisfies readonly RecordTable[];

/** Returns `records` with each absent field of `defaults` added, or `records` itself when it is not an array. */
function withDefaults(records: unknown, defaults: Readonly<Record<string, unknown>>): unknown {
  if (!Array.isArray(records)) return records;
  return records.map((record: unknown) => {
    if (!isPlainObject(record)) return record;
    const added = Object.entries(defaults).filter(([field]) => !Object.hasOwn(record, field));
    return added.length === 0 ? record : { ...record, ...Object.fromEntries(added) };
  });
}

/**
 * Version 4 to 5: service levels gain the terms of a reported KPI (`reportedLevelTerms`), contracts
 * gain no charges and nothing at risk (`noCreditTerms`), and the escalation tables are added
 * empty, as the database upgrade to schema version 7 does. Like `addContractValue`, no
 * `fieldClocks` entries are added, and a file without commercial terms keeps the commercial
 * contract fields absent for the reader's placeholders.
 */
export const addServiceTerms: Migration = (content) => {
  const { manifest, entries } = addTables(content, tablesAddedInVersion5);
  const scope = manifest.scope;
  const withoutCommercialTerms = isPlainObject(scope) && scope.withoutCommercialTerms === true;
  const migrated = new Map(entries);
  const levels = recordsEntry('serviceLevels');
  migrated.set(levels, withDefaults(entries.get(levels), reportedLevelTerms));
  if (!withoutCommercialTerms) {
    const contracts = recordsEntry('contracts');
    migrated.set(contracts, withDefaults(entries.get(contracts), noCreditTerms));
  }
  return { manifest, entries: migrated };
};

/** The provider profile and governance tables that format version 6 adds, in the writer's order. */
const tablesAddedInVersion6 = [
  'providerSites',
  'certifications',
  'contacts',
  'processes',
  'risks',
  'meetingCadences',
  'meetings',
  'decisions',
  'actionItems',
] as const satisfies readonly RecordTable[];

/**
 * Version 5 to 6: providers gain an empty profile, active (`providerProfileDefaults`), contracts
 * gain no notice, renewal, pricing model or exit provision (`contractGovernanceDefaults`), and
 * the profile and governance tables are added empty, as the database upgrade to schema version 8
 * does. No `fieldClocks` entries are added, as in `addContractValue`. None of the added contract
 * fields is a commercial term, so a file without commercial terms gains them too.
 */
export const addPortfolioProfile: Migration = (content) => {
  const { manifest, entries } = addTables(content, tablesAddedInVersion6);
  const migrated = new Map(entries);
  const providers = recordsEntry('providers');
  migrated.set(providers, withDefaults(entries.get(providers), providerProfileDefaults));
  const contracts = recordsEntry('contracts');
  migrated.set(contracts, withDefaults(entries.get(contracts), contractGovernanceDefaults));
  return { manifest, entries: migrated };
};

export const migrations: MigrationRegistry = {
  1: addContractValue,
  2: addRfpTables,
  3: addPlanTables,
  4: addServiceTerms,
  5: addPortfolioProfile,
};

/** Whether `registry` has every step from `fromVersion` up to `toVersion`. */
export function canMigrate(fromVersion: number, toVersion: number, registry: MigrationRegistry): boolean {
  for (let version = fromVersion; version < toVersion; version += 1) {
    if (!Object.hasOwn(registry, version)) return false;
  }
  return true;
}

/**
 * Runs the steps from `fromVersion` to `toVersion` in order and sets `formatVersion` in the
 * manifest after each step. Throws `AppFailure` with `portfolioFile.versionTooOld` when a step
 * is missing, or `portfolioFile.migrationFailed` naming the step that threw.
 */
export function runMigrations(
  content: FileContent,
  fromVersion: number,
  toVersion: number,
  registry: MigrationRegistry,
  fileName: string,
): FileContent {
  const steps: Migration[] = [];
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = Object.hasOwn(registry, version) ? registry[version] : undefined;
    if (step === undefined) {
      throw new AppFailure({
        code: 'portfolioFile.versionTooOld',
        detail: { file: fileName, formatVersion: fromVersion, supportedVersion: toVersion },
      });
    }
    steps.push(step);
  }

  let current = content;
  for (const [offset, step] of steps.entries()) {
    const version = fromVersion + offset;
    try {
      const next = step(current);
      current = { manifest: { ...next.manifest, formatVersion: version + 1 }, entries: next.entries };
    } catch (error) {
      throw new AppFailure({
        code: 'portfolioFile.migrationFailed',
        detail: { file: fileName, fromVersion: version, toVersion: version + 1 },
        cause: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return current;
}
