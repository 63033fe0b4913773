/**
 * Writes of the provider page: renaming a provider, setting its service level for one KPI with
 * its credit terms, and adding or editing a contract with its terms and charges. All go through
 * the generic repository writes, which stamp clocks and add audit entries.
 */
import { reportedLevelTerms } from '@shared/domain/serviceTerms';
import type { ContractFormValues } from '@shared/forms/contract';
import type { CheckedContractTerms, CheckedLevelTerms } from '@shared/kpi/serviceLevelSchema';
import { AppFailure } from '@shared/errors';
import type { Contract, Id, Provider, ServiceLevel, ServiceLevelData } from '@shared/domain/types';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { insertRecord, updateRecord } from '../../db/repository';
import { toStorageFailure } from '../../db/storageErrors';
import { renamedProviderFields } from './providerName';

/**
 * Renames the provider `providerId` to `name`, which the caller has checked with
 * `checkProviderName`. The former names are computed from the stored record inside the same
 * transaction as the write, so a merge that lands while the form is open is not overwritten.
 * Rejects with `storage.notFound` when the provider no longer exists.
 */
export async function renameProvider(db: PortfolioDb, providerId: Id, name: string, context: DeviceContext): Promise<Provider> {
  try {
    return await db.transaction('rw', ['providers', 'audit', 'meta'], async () => {
      const stored = await db.providers.get(providerId);
      if (stored === undefined) {
        throw new AppFailure({ code: 'storage.notFound', detail: { table: 'providers', id: providerId } });
      }
      return updateRecord(db, 'providers', providerId, renamedProviderFields(stored, name), context);
    });
  } catch (error) {
    throw toStorageFailure(error, { table: 'providers', id: providerId });
  }
}

/** Target of a service level edit: the provider, the KPI, and the level shown, if any. */
export interface ServiceLevelTarget {
  readonly providerId: Id;
  readonly kpiId: Id;
  /** The level being edited, or `null` to create the provider's first level for the KPI. */
  readonly level: ServiceLevel | null;
}

/**
 * Stores checked expected and minimum levels: updates `target.level`, or inserts a new level
 * with no contract when there is none. Rejects with `storage.notFound` when the edited level
 * was deleted meanwhile (by a merge, for example).
 */
export function saveServiceLevel(
  db: PortfolioDb,
  target: ServiceLevelTarget,
  levels: Pick<ServiceLevelData, 'expected' | 'minimum'>,
  context: DeviceContext,
): Promise<ServiceLevel> {
  const values = { expected: levels.expected, minimum: levels.minimum };
  if (target.level !== null) return updateRecord(db, 'serviceLevels', target.level.id, values, context);
  return insertRecord(
    db,
    'serviceLevels',
    { providerId: target.providerId, kpiId: target.kpiId, contractId: null, ...reportedLevelTerms, ...values },
    context,
  );
}

/**
 * Stores checked service credit terms of a level in one write; fields equal to the stored ones
 * are not written. Rejects with `storage.notFound` when the level was deleted meanwhile.
 */
export function saveServiceLevelTerms(
  db: PortfolioDb,
  levelId: Id,
  terms: CheckedLevelTerms,
  context: DeviceContext,
): Promise<ServiceLevel> {
  return updateRecord(db, 'serviceLevels', levelId, terms, context);
}

/**
 * Stores checked monthly charges and at-risk share of a contract in one write. Rejects with
 * `storage.notFound` when the contract was deleted meanwhile.
 */
export function saveContractTerms(db: PortfolioDb, contractId: Id, terms: CheckedContractTerms, context: DeviceContext): Promise<Contract> {
  return updateRecord(db, 'contracts', contractId, terms, context);
}

/** Adds a contract with the values of the checked contract form to the provider. */
export function addContract(db: PortfolioDb, providerId: Id, contract: ContractFormValues, context: DeviceContext): Promise<Contract> {
  return insertRecord(db, 'contracts', { providerId, ...contract }, context);
}

/**
 * Stores the checked contract form in one write. Only fields whose value changed are written, so
 * a commercial term left empty on a contract that came without commercial terms keeps its
 * placeholder. Rejects with `storage.notFound` when the contract was deleted meanwhile.
 */
export function saveContract(db: PortfolioDb, contractId: Id, contract: ContractFormValues, context: DeviceContext): Promise<Contract> {
  return updateRecord(db, 'contracts', contractId, contract, context);
}
