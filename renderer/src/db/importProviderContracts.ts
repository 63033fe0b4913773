/**
 * Writes a providers-and-contracts import plan in one transaction, with one audit entry for the
 * file and one for each provider and contract it adds or changes.
 * Providers match stored ones by code, then by name (`matchProviders`); contracts match by
 * provider and title. Fields a row leaves blank keep their stored values, and records the file
 * does not change keep their clocks.
 */
import { AppFailure } from '@shared/errors';
import type { ErrorDetail } from '@shared/errors';
import { contractGovernanceDefaults } from '@shared/domain/profileDefaults';
import type { Contract, ContractData, HlcString, Id, ImportSummary, Provider, ProviderData } from '@shared/domain/types';
import type { PlannedProviderRow, ProviderContractPlan } from '@shared/import/providerContracts';
import { sheetPlace } from '@shared/import/sheetCells';
import { importAuditEntry, importedRecordAuditEntries } from './auditEntries';
import type { FieldChanges } from './auditEntries';
import type { DeviceContext } from './clockStore';
import { assertPlanWritable } from './importPlanIndex';
import { importedProviderData, matchProviders } from './importProviders';
import { TableChanges, upsertRecord } from './importUpsert';
import type { StampClock } from './importUpsert';
import type { PortfolioDb } from './portfolioDb';
import { toStorageFailure } from './storageErrors';
import { raiseVersionVector } from './versionVector';

interface PlannedProviderGroup {
  readonly code: string | null;
  /** The first name the provider's rows give, or `null` when every row gives only the code. */
  name: string | null;
  readonly formerNames: readonly string[];
  /** Line of the provider's first row, for naming it in a message. */
  readonly row: number;
  /** The fields of every row of this provider, later rows overriding earlier ones. */
  fields: PlannedProviderRow;
}

interface ComputedChanges {
  readonly summary: ImportSummary;
  readonly providers: TableChanges<Provider>;
  readonly contracts: TableChanges<Contract>;
  /** Name of every provider after the import, by id, for naming its contracts. */
  readonly providerNames: ReadonlyMap<Id, string>;
}

/** A provider or contract that applying the plan would add or change, as the import review lists it. */
export interface PlannedRecordChange {
  readonly table: 'providers' | 'contracts';
  readonly recordId: Id;
  readonly outcome: 'added' | 'changed';
  /** The provider's name, or the contract's title. */
  readonly name: string;
  /** For a contract, its provider's name; `null` for a provider. */
  readonly providerName: string | null;
  /** Currency of a contract's amounts; `null` for a provider. */
  readonly currency: string | null;
  /** Fields the import sets with their old and new values; every field of an added record. */
  readonly changes: FieldChanges;
}

/** Preview of applying a plan: the counts, and each provider and contract it adds or changes. */
export interface ProviderContractPreview {
  readonly summary: ImportSummary;
  readonly records: readonly PlannedRecordChange[];
}

/** Key of a planned provider: its code when the row has one, else its name. */
function providerKey(provider: PlannedProviderRow): string {
  return provider.code === null ? `name\u001f${provider.name}` : `code\u001f${provider.code}`;
}

function groupProviders(plan: ProviderContractPlan): { groups: PlannedProviderGroup[]; rowGroups: number[] } {
  const groups: PlannedProviderGroup[] = [];
  const byKey = new Map<string, number>();
  const rowGroups = plan.rows.map((row) => {
    const key = providerKey(row.provider);
    const known = byKey.get(key);
    if (known !== undefined) {
      const group = groups[known];
      // The plan rejects rows that give one provider two different names or profile values, so merging loses nothing.
      if (group !== undefined) {
        group.fields = { ...group.fields, ...definedFields(row.provider) };
        group.name ??= row.provider.name;
      }
      return known;
    }
    byKey.set(key, groups.length);
    groups.push({ code: row.provider.code, name: row.provider.name, formerNames: [], row: row.row, fields: row.provider });
    return groups.length - 1;
  });
  return { groups, rowGroups };
}

/** Returns the fields of `provider` that are set, so that a row without a name keeps the name of an earlier row. */
function definedFields(provider: PlannedProviderRow): Partial<PlannedProviderRow> {
  return Object.fromEntries(Object.entries(provider).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * Returns the message detail of a problem on line `row` of the plan's file, in `column` when one
 * cell causes it. In a workbook it also names the sheet and the column's letter, and picks the
 * sentence that speaks of sheet, cell and row (`_sheet`).
 */
function rowDetail(plan: ProviderContractPlan, row: number, column: string | null, detail: Readonly<Record<string, string | number>>): ErrorDetail {
  const base = { file: plan.fileName, row, ...(column === null ? {} : { column }), ...detail };
  return plan.sheetLayout === null ? base : { ...base, ...sheetPlace(plan.sheetLayout, column), reason: 'sheet' };
}

/**
 * Rejects a provider whose rows give only a code that no stored provider has: without a name it
 * cannot be added, so the row most likely mistypes the code of an existing provider.
 */
function assertKnownCode(plan: ProviderContractPlan, group: PlannedProviderGroup, stored: Provider | null): void {
  if (stored !== null || group.name !== null) return;
  throw new AppFailure({
    code: 'import.unknownProviderCode',
    detail: rowDetail(plan, group.row, plan.codeColumn ?? 'code', { code: group.code ?? '' }),
    cause: `provider code ${group.code ?? ''} on row ${String(group.row)} matches no stored provider and the row has no name`,
  });
}

/** Provider data after the import: names as a measurement import sets them, then the row's profile fields. */
function providerDataOf(group: PlannedProviderGroup, stored: Provider | null): ProviderData {
  // A row with only a code keeps the stored provider's name. `assertKnownCode` has checked that there is one.
  const name = group.name ?? stored?.name ?? '';
  const named = importedProviderData({ code: group.code, name, formerNames: group.formerNames }, stored, null, null);
  const { legalEntity, parentCompany, tier, criticality, lifecycle, financialRating } = group.fields;
  const profile = { legalEntity, parentCompany, tier, criticality, lifecycle, financialRating };
  const given = Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== undefined));
  return { ...named, ...given };
}

function contractDataOf(plan: ProviderContractPlan, rowIndex: number, providerId: Id, stored: Contract | undefined): ContractData {
  const row = plan.rows[rowIndex];
  const contract = row?.contract;
  if (row === undefined || contract === null || contract === undefined) {
    throw new AppFailure({
      code: 'unexpected',
      detail: { file: plan.fileName },
      cause: 'inconsistent plan: a contract row has no contract',
    });
  }
  if (stored !== undefined) {
    const data: ContractData = {
      providerId: stored.providerId,
      title: stored.title,
      startDate: stored.startDate,
      endDate: stored.endDate,
      currency: stored.currency,
      annualValueMinor: stored.annualValueMinor,
      monthlyChargesMinor: stored.monthlyChargesMinor,
      atRiskPercent: stored.atRiskPercent,
      noticePeriod: stored.noticePeriod,
      autoRenewal: stored.autoRenewal,
      renewalMonths: stored.renewalMonths,
      pricingModel: stored.pricingModel,
      exitProvisions: stored.exitProvisions,
    };
    const merged = { ...data, ...contract };
    // A row may set one date of the term and keep the other; the result must still be a term.
    if (merged.startDate !== null && merged.endDate !== null && merged.endDate < merged.startDate) {
      throw new AppFailure({
        code: 'import.endBeforeStoredStart',
        detail: rowDetail(plan, row.row, null, { title: contract.title, startDate: merged.startDate, endDate: merged.endDate }),
        cause: `contract ${contract.title} on row ${String(row.row)} would end before it starts`,
      });
    }
    return checkedRenewal(plan, row.row, merged);
  }
  if (contract.currency === undefined) {
    throw new AppFailure({
      code: 'import.missingCurrency',
      detail: rowDetail(plan, row.row, plan.currencyColumn ?? 'currency', { title: contract.title }),
      cause: `new contract ${contract.title} on row ${String(row.row)} has no currency`,
    });
  }
  return checkedRenewal(plan, row.row, {
    providerId,
    startDate: null,
    endDate: null,
    annualValueMinor: null,
    monthlyChargesMinor: null,
    atRiskPercent: null,
    ...contractGovernanceDefaults,
    ...contract,
    currency: contract.currency,
  });
}

/**
 * Applies the contract form's renewal rule to a contract as the import would store it: a contract
 * that renews automatically has a renewal length, and one that does not has none. A row may set
 * one of the two and leave the other to the stored contract or the defaults, so the rule runs here
 * and not only on the row.
 */
function checkedRenewal(plan: ProviderContractPlan, row: number, contract: ContractData): ContractData {
  if (contract.autoRenewal === (contract.renewalMonths !== null)) return contract;
  const detail = rowDetail(plan, row, null, { title: contract.title });
  throw contract.autoRenewal
    ? new AppFailure({ code: 'import.renewalLengthMissing', detail, cause: `contract ${contract.title} renews without a length` })
    : new AppFailure({
        code: 'import.renewalLengthUnexpected',
        detail: { ...detail, value: contract.renewalMonths ?? 0 },
        cause: `contract ${contract.title} has a renewal length but does not renew`,
      });
}

/** Computes every record the plan adds or changes, reading the stored providers and contracts once. */
async function computeChanges(db: PortfolioDb, plan: ProviderContractPlan, stamp: StampClock): Promise<ComputedChanges> {
  const providers = new TableChanges<Provider>();
  const contracts = new TableChanges<Contract>();
  const [storedProviders, storedContracts] = await Promise.all([db.providers.toArray(), db.contracts.toArray()]);

  const { groups, rowGroups } = groupProviders(plan);
  const matches = matchProviders(storedProviders, groups);
  const providerIds = groups.map((group, index) => {
    const stored = matches[index] ?? null;
    assertKnownCode(plan, group, stored);
    return providers.record(upsertRecord(stored ?? undefined, providerDataOf(group, stored), stamp)).id;
  });

  const contractKey = (providerId: Id, title: string) => `${providerId}\u001f${title}`;
  const byKey = new Map(storedContracts.map((contract) => [contractKey(contract.providerId, contract.title), contract]));
  plan.rows.forEach((row, rowIndex) => {
    if (row.contract === null) return;
    const providerId = providerIds[rowGroups[rowIndex] ?? -1];
    if (providerId === undefined)
      throw new AppFailure({ code: 'unexpected', detail: { file: plan.fileName, row: row.row }, cause: 'row without provider' });
    const key = contractKey(providerId, row.contract.title);
    const stored = byKey.get(key);
    const record = contracts.record(upsertRecord(stored, contractDataOf(plan, rowIndex, providerId, stored), stamp));
    byKey.set(key, record);
  });

  const summary: ImportSummary = {
    fileName: plan.fileName,
    rows: plan.rows.length,
    added: { providers: providers.added, contracts: contracts.added },
    changed: { providers: providers.changed, contracts: contracts.changed },
    unchanged: { providers: providers.unchanged, contracts: contracts.unchanged },
  };
  const providerNames = new Map<Id, string>(storedProviders.map((provider) => [provider.id, provider.name]));
  for (const provider of providers.writes) providerNames.set(provider.id, provider.name);
  return { summary, providers, contracts, providerNames };
}

/** Lists the providers, then the contracts, that `changes` adds or changes, in file order. */
function plannedRecordChanges(changes: ComputedChanges): PlannedRecordChange[] {
  const providers = changes.providers.imported.map(({ record, outcome, changes: fields }): PlannedRecordChange => ({
    table: 'providers',
    recordId: record.id,
    outcome,
    name: record.name,
    providerName: null,
    currency: null,
    changes: fields,
  }));
  const contracts = changes.contracts.imported.map(({ record, outcome, changes: fields }): PlannedRecordChange => ({
    table: 'contracts',
    recordId: record.id,
    outcome,
    name: record.title,
    providerName: changes.providerNames.get(record.providerId) ?? null,
    currency: record.currency,
    changes: fields,
  }));
  return [...providers, ...contracts];
}

/** Returns the counts and the records that applying `plan` now would add or change, writing nothing. */
export async function previewProviderContractPlan(db: PortfolioDb, plan: ProviderContractPlan): Promise<ProviderContractPreview> {
  assertPlanWritable(plan);
  const previewClock: HlcString = '';
  try {
    return await db.transaction('r', [db.providers, db.contracts], async () => {
      const changes = await computeChanges(db, plan, () => previewClock);
      return { summary: changes.summary, records: plannedRecordChanges(changes) };
    });
  } catch (error) {
    throw toStorageFailure(error, { file: plan.fileName });
  }
}

/**
 * Writes `plan` in one transaction and returns the counts. Rejects a plan with errors before
 * writing; on any failure nothing is written and the promise rejects with an `AppFailure`.
 * Applying the same plan twice changes nothing the second time and adds no audit entry.
 */
export async function applyProviderContractPlan(
  db: PortfolioDb,
  plan: ProviderContractPlan,
  context: DeviceContext,
): Promise<ImportSummary> {
  assertPlanWritable(plan);
  try {
    return await db.transaction('rw', [db.providers, db.contracts, db.audit, db.meta], async () => {
      // The cast keeps TypeScript from narrowing to `null`: `stamp` assigns the clock in a closure.
      let clock = null as HlcString | null;
      const stamp: StampClock = () => (clock ??= context.tick());
      const { summary, providers, contracts } = await computeChanges(db, plan, stamp);
      if (clock === null) return summary;

      if (providers.writes.length > 0) await db.providers.bulkPut(providers.writes);
      if (contracts.writes.length > 0) await db.contracts.bulkPut(contracts.writes);
      await db.audit.bulkAdd([
        importAuditEntry(context, clock, summary),
        ...importedRecordAuditEntries(context, clock, summary, 'providers', providers.imported),
        ...importedRecordAuditEntries(context, clock, summary, 'contracts', contracts.imported),
      ]);
      await raiseVersionVector(db, clock);
      return summary;
    });
  } catch (error) {
    throw toStorageFailure(error, { file: plan.fileName });
  }
}
