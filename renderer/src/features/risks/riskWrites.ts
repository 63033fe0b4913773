/**
 * Writes of the risk register. They go through the generic repository, which stamps field clocks
 * and writes the audit entries that the record history shows.
 */
import type { Risk, RiskData } from '@shared/domain/governance';
import type { Id } from '@shared/domain/types';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from '../../db/repository';

export function addRisk(db: PortfolioDb, risk: RiskData, context: DeviceContext): Promise<Risk> {
  return insertRecord(db, 'risks', risk, context);
}

/** Stores the checked form; only fields that differ from the stored ones are written. Rejects with `storage.notFound` when the risk was deleted meanwhile. */
export function saveRisk(db: PortfolioDb, riskId: Id, risk: RiskData, context: DeviceContext): Promise<Risk> {
  return updateRecord(db, 'risks', riskId, risk, context);
}

/** Deletes the risk and leaves a tombstone, so the deletion syncs. Rejects with `storage.notFound` when it is already gone. */
export async function removeRisk(db: PortfolioDb, riskId: Id, context: DeviceContext): Promise<void> {
  await deleteRecord(db, 'risks', riskId, context);
}
