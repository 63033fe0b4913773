/**
 * Checks the parsed content of a current-version file against the strict schemas and its
 * manifest's scope, and builds the snapshot. The writer runs the same record and scope checks,
 * so it never writes a file that this reader rejects.
 */
import { commercialTerms, isCommercialTable } from '../domain/commercialTerms';
import { AppFailure } from '../errors';
import type { ErrorDetail } from '../errors';
import type { Id, RecordTable, RecordTypes, SyncFields, Tombstone } from '../domain/types';
import { recordTables, rfpTables } from '../sync/snapshot';
import type { PortfolioSnapshot, RecordsByTable, VersionVector } from '../sync/snapshot';
import { classifyEntry, dataEntries, manifestEntry, recordsEntry, tombstonesEntry, versionVectorEntry } from './layout';
import { manifestIssueField, manifestSchema, toManifest } from './manifest';
import type { ExportScope, Manifest } from './manifest';
import type { FileContent } from './migrate';
import {
  checkVersionVectorEntry,
  describeIssue,
  recordSchemas,
  recordSchemasWithoutCommercialTerms,
  tombstoneSchema,
} from './recordSchemas';
import type { RecordRule, RecordSchema } from './recordSchemas';
import { checkNaturalKeys } from './naturalKeys';
import { ascendsById, isMarkedInIdOrder, markInIdOrder } from '../sync/idOrder';
import { providerOwnedLinks, providerOwnedTables, siteCalendarIds, usedCalendarIds, withCommercialPlaceholders } from './scope';
import { referenceFields } from '../sync/mergeNaturalKeys';
import { findEvaluatorScopeViolation } from '../rfp/evaluatorScope';

/** Maximum length of a value copied into an error's detail, in characters. */
const maxValueCharacters = 80;
/** Issues of the first invalid record written to the error's cause. */
const maxCauseIssues = 5;

/** Returns the `file` detail key, or no key when there is no file yet (while writing). */
function fileDetail(fileName: string | null): ErrorDetail {
  return fileName === null ? {} : { file: fileName };
}

/** Formats a value for an error detail: strings as they are, other values as JSON, cut to `maxValueCharacters`. */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return truncate(value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A BigInt or a cycle in a record built in memory; the type is enough to locate the problem.
    json = undefined;
  }
  // `undefined`, functions and symbols have no JSON text.
  return truncate(json ?? typeof value);
}

function truncate(text: string): string {
  return text.length > maxValueCharacters ? `${text.slice(0, maxValueCharacters - 1)}…` : text;
}

function idOf(record: unknown): string {
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, 'id')) return '';
  const id = (record as { id: unknown }).id;
  return typeof id === 'string' ? id : '';
}

function notShaped(fileName: string | null, entry: string, expected: 'array' | 'object'): AppFailure {
  return new AppFailure({
    code: 'portfolioFile.invalidJson',
    detail: { ...fileDetail(fileName), entry, reason: 'shape' },
    cause: `${entry} is not a JSON ${expected}`,
  });
}

interface RecordFailure {
  readonly entry: string;
  readonly table: string;
  readonly index: number;
  readonly recordId: string;
  readonly field: string;
  readonly rule: RecordRule;
  readonly value: unknown;
}

function invalidRecord(fileName: string | null, failure: RecordFailure, cause: string): AppFailure {
  return new AppFailure({
    code: 'portfolioFile.invalidRecord',
    detail: {
      ...fileDetail(fileName),
      entry: failure.entry,
      table: failure.table,
      index: failure.index,
      recordId: failure.recordId,
      field: failure.field,
      reason: failure.rule,
      value: formatValue(failure.value),
    },
    cause,
  });
}

function duplicateId(
  fileName: string | null,
  entry: string,
  table: string,
  recordId: string,
  firstIndex: number,
  index: number,
): AppFailure {
  return new AppFailure({
    code: 'portfolioFile.duplicateId',
    detail: { ...fileDetail(fileName), entry, table, recordId, firstIndex, index },
  });
}

type Schema = RecordSchema | typeof tombstoneSchema;

/** Validates every element; throws on the first invalid element, naming its index, id and field. */
function checkElements(elements: readonly unknown[], schema: Schema, entry: string, table: string, fileName: string | null): void {
  for (let index = 0; index < elements.length; index += 1) {
    const element = elements[index];
    const result = schema.safeParse(element);
    if (result.success) continue;

    const issues = result.error.issues.slice(0, maxCauseIssues).map((issue) => describeIssue(element, issue));
    const first = issues[0] ?? { field: '', rule: 'object' as const, value: element };
    const cause = issues.map((issue) => `${issue.field || '(record)'}: ${issue.rule}`).join('; ');
    throw invalidRecord(fileName, { entry, table, index, recordId: idOf(element), ...first }, `${entry}[${index}] ${cause}`);
  }
}

/**
 * Checks that a table's records match its schema and have distinct ids. With
 * `withoutCommercialTerms`, the table's commercial fields must be absent; otherwise every field
 * is required.
 */
export function checkRecords<T extends RecordTable>(
  table: T,
  value: unknown,
  fileName: string | null,
  withoutCommercialTerms = false,
): readonly RecordTypes[T][] {
  const entry = recordsEntry(table);
  if (!Array.isArray(value)) throw notShaped(fileName, entry, 'array');
  const records: readonly unknown[] = value;
  const schemas = withoutCommercialTerms ? recordSchemasWithoutCommercialTerms : recordSchemas;
  checkElements(records, schemas[table], entry, table, fileName);

  // Files are written in id order, and ids that ascend strictly cannot repeat.
  const checked = records as readonly RecordTypes[T][];
  if (ascendsById(checked)) return markInIdOrder(checked);
  const firstIndexById = new Map<string, number>();
  for (let index = 0; index < records.length; index += 1) {
    const id = idOf(records[index]);
    const firstIndex = firstIndexById.get(id);
    if (firstIndex !== undefined) throw duplicateId(fileName, entry, table, id, firstIndex, index);
    firstIndexById.set(id, index);
  }
  // The schemas accept exactly the shape of `RecordTypes[T]`, so the checked input is used as is.
  // Without commercial terms, `withCommercialPlaceholders` completes it.
  return records as readonly RecordTypes[T][];
}

/** Checks tombstones against their schema; a table and id pair may appear only once. */
export function checkTombstones(value: unknown, fileName: string | null): readonly Tombstone[] {
  if (!Array.isArray(value)) throw notShaped(fileName, tombstonesEntry, 'array');
  const tombstones: readonly unknown[] = value;
  checkElements(tombstones, tombstoneSchema, tombstonesEntry, 'tombstones', fileName);

  const checked = tombstones as readonly Tombstone[];
  const firstIndexByKey = new Map<string, number>();
  for (const [index, tombstone] of checked.entries()) {
    // Table names contain no `/`, so the pair maps to one key.
    const key = `${tombstone.table}/${tombstone.id}`;
    const firstIndex = firstIndexByKey.get(key);
    if (firstIndex !== undefined) throw duplicateId(fileName, tombstonesEntry, 'tombstones', tombstone.id, firstIndex, index);
    firstIndexByKey.set(key, index);
  }
  return checked;
}

/** Checks a version vector: device ids as keys, each with a clock that device issued. */
export function checkVersionVector(value: unknown, fileName: string | null): VersionVector {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notShaped(fileName, versionVectorEntry, 'object');
  const vector = value as Readonly<Record<string, unknown>>;

  for (const [index, [deviceId, clock]] of Object.entries(vector).entries()) {
    const rule = checkVersionVectorEntry(deviceId, clock);
    if (rule !== null) {
      const failure = { entry: versionVectorEntry, table: 'versionVector', index, recordId: deviceId, field: deviceId, rule, value: clock };
      throw invalidRecord(fileName, failure, `${versionVectorEntry} ${deviceId}: ${rule}`);
    }
  }
  return vector as VersionVector;
}

/** Parses a current-version manifest with its strict schema. */
export function parseManifest(value: unknown, fileName: string): Manifest {
  const result = manifestSchema.safeParse(value);
  if (result.success) return toManifest(result.data);

  const issue = result.error.issues[0];
  const field = issue === undefined ? 'manifest' : manifestIssueField(issue);
  throw new AppFailure({ code: 'portfolioFile.invalidManifest', detail: { file: fileName, field }, cause: result.error.message });
}

/** Rejects entries that the current layout does not define and reports the first missing one. */
export function checkLayout(entryNames: Iterable<string>, fileName: string): void {
  const present = new Set<string>();
  for (const name of entryNames) {
    const kind = classifyEntry(name);
    if (kind.kind === 'unknownTable') {
      throw new AppFailure({ code: 'portfolioFile.unknownTable', detail: { file: fileName, entry: name, table: kind.table } });
    }
    if (kind.kind === 'unknown') throw new AppFailure({ code: 'portfolioFile.unknownEntry', detail: { file: fileName, entry: name } });
    present.add(name);
  }
  for (const required of [...dataEntries, manifestEntry]) {
    if (!present.has(required)) throw new AppFailure({ code: 'portfolioFile.missingEntry', detail: { file: fileName, entry: required } });
  }
}

function checkCount(fileName: string, table: string, expected: number, actual: number): void {
  if (expected !== actual) {
    throw new AppFailure({ code: 'portfolioFile.countMismatch', detail: { file: fileName, table, expected, actual } });
  }
}

/** Throws `portfolioFile.invalidRecord` with rule `outOfScope` or `commercialTerm` for one element. */
function outsideScope(
  fileName: string | null,
  table: RecordTable | 'tombstones',
  index: number,
  recordId: Id,
  field: string,
  rule: RecordRule,
  value: unknown,
): AppFailure {
  const entry = table === 'tombstones' ? tombstonesEntry : recordsEntry(table);
  const cause = `${entry}[${index}] ${field || '(record)'}: ${rule}`;
  return invalidRecord(fileName, { entry, table, index, recordId, field, rule, value }, cause);
}

/**
 * Throws for the first record whose owner id, read by `ownerOf` from `field`, is not one of
 * `allowedIds`: its provider, for plan records their plan or calendar, for escalation events their escalation.
 */
function checkProviders<R extends { readonly id: Id }>(
  fileName: string | null,
  table: RecordTable,
  records: readonly R[],
  field: 'id' | 'providerId' | 'planId' | 'escalationId',
  ownerOf: (record: R) => Id | null,
  allowedIds: ReadonlySet<Id>,
): void {
  const index = records.findIndex((record) => {
    const owner = ownerOf(record);
    return owner === null || !allowedIds.has(owner);
  });
  const record = records[index];
  if (record !== undefined) throw outsideScope(fileName, table, index, record.id, field, 'outOfScope', ownerOf(record));
}

/**
 * Throws for the first plan record outside a file limited to `providerIds`. Such a record is a
 * plan of another provider or of none, or a plan naming a contract that the file does not
 * contain. It is also a task, dependency or baseline of a plan the file does not contain, or a
 * calendar that none of the file's plans, tasks and sites uses.
 */
function checkPlanProviders(fileName: string | null, records: RecordsByTable, providerIds: ReadonlySet<Id>): void {
  const plans = records.plans;
  const planIndex = plans.findIndex((plan) => plan.providerId === null || !providerIds.has(plan.providerId));
  const plan = plans[planIndex];
  if (plan !== undefined) throw outsideScope(fileName, 'plans', planIndex, plan.id, 'providerId', 'outOfScope', plan.providerId);

  const contractIds = new Set(records.contracts.map((contract) => contract.id));
  const contractIndex = plans.findIndex((candidate) => candidate.contractId !== null && !contractIds.has(candidate.contractId));
  const withOtherContract = plans[contractIndex];
  if (withOtherContract !== undefined) {
    throw outsideScope(fileName, 'plans', contractIndex, withOtherContract.id, 'contractId', 'outOfScope', withOtherContract.contractId);
  }

  const planIds = new Set(plans.map((record) => record.id));
  checkProviders(fileName, 'planTasks', records.planTasks, 'planId', (task) => task.planId, planIds);
  checkProviders(fileName, 'planDependencies', records.planDependencies, 'planId', (dependency) => dependency.planId, planIds);
  checkProviders(fileName, 'planBaselines', records.planBaselines, 'planId', (baseline) => baseline.planId, planIds);
  const calendarIds = usedCalendarIds(plans, records.planTasks);
  for (const id of siteCalendarIds(records.providerSites)) calendarIds.add(id);
  checkProviders(fileName, 'planCalendars', records.planCalendars, 'id', (calendar) => calendar.id, calendarIds);
}

/**
 * Checks schema-checked records and tombstones against the file's scope. A scoped file has no
 * tombstones. Without commercial terms, the commercial tables are empty. Limited to providers,
 * every provider, contract, service level and measurement belongs to one of them, the RFP
 * tables are empty, because an RFP concerns several bidders, and every plan record belongs to a
 * plan of one of them (see `checkPlanProviders`), and every escalation and its history, site,
 * certification, contact, process, risk, cadence, meeting, decision and action item belong to one
 * of them (see `checkProviderOwned`). Limited to an RFP evaluator, only
 * that RFP's records, that evaluator's assignment and their own scores are allowed. Throws
 * `portfolioFile.invalidRecord` naming the first record that breaks a rule.
 */
export function checkScope(
  scope: ExportScope | undefined,
  records: RecordsByTable,
  tombstones: readonly Tombstone[],
  fileName: string | null,
): void {
  if (scope === undefined) return;

  const [tombstone] = tombstones;
  if (tombstone !== undefined) throw outsideScope(fileName, 'tombstones', 0, tombstone.id, 'table', 'outOfScope', tombstone.table);

  if (scope.withoutCommercialTerms === true) {
    for (const table of recordTables) {
      const [record] = records[table];
      if (record !== undefined && isCommercialTable(table, commercialTerms))
        throw outsideScope(fileName, table, 0, record.id, '', 'commercialTerm', record.id);
    }
  }

  if (scope.rfp !== undefined) {
    const violation = findEvaluatorScopeViolation(records, scope.rfp);
    if (violation !== null) {
      const { table, index, recordId, field, value } = violation;
      throw outsideScope(fileName, table, index, recordId, field, 'outOfScope', value);
    }
  }

  if (scope.providerIds === undefined) return;
  const providerIds = new Set(scope.providerIds);
  checkProviders(fileName, 'providers', records.providers, 'id', (provider) => provider.id, providerIds);
  checkProviders(fileName, 'contracts', records.contracts, 'providerId', (contract) => contract.providerId, providerIds);
  checkProviders(fileName, 'serviceLevels', records.serviceLevels, 'providerId', (level) => level.providerId, providerIds);
  checkProviders(fileName, 'measurements', records.measurements, 'providerId', (measurement) => measurement.providerId, providerIds);
  for (const table of rfpTables) {
    const [record] = records[table];
    if (record !== undefined) throw outsideScope(fileName, table, 0, record.id, '', 'outOfScope', record.id);
  }
  checkPlanProviders(fileName, records, providerIds);
  checkProviders(fileName, 'escalations', records.escalations, 'providerId', (escalation) => escalation.providerId, providerIds);
  const escalationIds = new Set(records.escalations.map((escalation) => escalation.id));
  checkProviders(fileName, 'escalationEvents', records.escalationEvents, 'escalationId', (event) => event.escalationId, escalationIds);
  checkProviders(fileName, 'providerSites', records.providerSites, 'providerId', (site) => site.providerId, providerIds);
  checkProviderOwned(fileName, records, providerIds);
}

/**
 * Throws for the first profile or governance record of a file limited to `providerIds` that
 * belongs to another provider or to none, or that links to a contract, cadence or meeting the
 * file does not contain.
 */
function checkProviderOwned(fileName: string | null, records: RecordsByTable, providerIds: ReadonlySet<Id>): void {
  const fileIds = new Map<RecordTable, ReadonlySet<Id>>([['contracts', new Set(records.contracts.map((contract) => contract.id))]]);
  for (const table of providerOwnedTables) {
    const tableRecords: readonly (SyncFields & { readonly providerId: Id | null })[] = records[table];
    checkProviders(fileName, table, tableRecords, 'providerId', (record) => record.providerId, providerIds);
    for (const field of providerOwnedLinks[table]) {
      const targetTable = referenceFields[table][field];
      const allowed = targetTable === undefined ? undefined : fileIds.get(targetTable);
      const index = tableRecords.findIndex((record) => {
        const target = (record as unknown as Readonly<Record<string, unknown>>)[field];
        return typeof target === 'string' && allowed?.has(target) !== true;
      });
      const record = tableRecords[index];
      if (record !== undefined) {
        throw outsideScope(
          fileName,
          table,
          index,
          record.id,
          field,
          'outOfScope',
          (record as unknown as Readonly<Record<string, unknown>>)[field],
        );
      }
    }
    fileIds.set(table, new Set(tableRecords.map((record) => record.id)));
  }
}

/** A checked current-version file. */
export interface CheckedContent {
  readonly manifest: Manifest;
  readonly snapshot: PortfolioSnapshot;
}

/** Marks each table of `completed` whose table in `checked` was marked, since filling in placeholders keeps the order. */
function keepIdOrderMarks(checked: RecordsByTable, completed: RecordsByTable): RecordsByTable {
  for (const table of recordTables) {
    if (isMarkedInIdOrder(checked[table])) markInIdOrder(completed[table] as readonly { readonly id: string }[]);
  }
  return completed;
}

/**
 * Checks current-version content and builds its snapshot. Throws `AppFailure` on the first
 * problem. The snapshot of a scoped file is marked `scoped`. In the snapshot of a file without
 * commercial terms, the left-out commercial fields are placeholders (see `withCommercialPlaceholders`).
 */
export function checkContent(content: FileContent, fileName: string): CheckedContent {
  const manifest = parseManifest(content.manifest, fileName);
  checkLayout([manifestEntry, ...content.entries.keys()], fileName);

  const withoutCommercialTerms = manifest.scope?.withoutCommercialTerms === true;
  const checked = recordTables.map((table) => [
    table,
    checkRecords(table, content.entries.get(recordsEntry(table)), fileName, withoutCommercialTerms),
  ]);
  const records = Object.fromEntries(checked) as RecordsByTable;
  const tombstones = checkTombstones(content.entries.get(tombstonesEntry), fileName);
  const versionVector = checkVersionVector(content.entries.get(versionVectorEntry), fileName);

  for (const table of recordTables) {
    checkCount(fileName, table, manifest.recordCounts[table], records[table].length);
  }
  checkCount(fileName, 'tombstones', manifest.tombstoneCount, tombstones.length);
  checkScope(manifest.scope, records, tombstones, fileName);
  checkNaturalKeys(records, fileName);

  const snapshot: PortfolioSnapshot = {
    portfolioId: manifest.portfolioId,
    portfolioName: manifest.portfolioName,
    deviceId: manifest.deviceId,
    records: withoutCommercialTerms ? keepIdOrderMarks(records, withCommercialPlaceholders(records)) : records,
    tombstones,
    versionVector,
    ...(manifest.scope === undefined ? {} : { scoped: true }),
  };
  return { manifest, snapshot };
}
