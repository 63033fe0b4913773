/** Writes of the Processes screen. All go through the generic repository writes, which stamp clocks and add audit entries. */
import type { Process, ProcessData, ProcessReadiness } from '@shared/domain/providerProfile';
import type { Id, Tombstone } from '@shared/domain/types';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from '../../db/repository';

/** Adds a process checked by `checkProcessForm`. */
export function addProcess(db: PortfolioDb, process: ProcessData, context: DeviceContext): Promise<Process> {
  return insertRecord(db, 'processes', process, context);
}

/** Stores a checked process form; only changed fields are written. Rejects with `storage.notFound` when the process is gone. */
export function saveProcess(db: PortfolioDb, processId: Id, process: ProcessData, context: DeviceContext): Promise<Process> {
  return updateRecord(db, 'processes', processId, process, context);
}

/** Moves a process to another readiness stage. Rejects with `storage.notFound` when the process is gone. */
export function setProcessReadiness(db: PortfolioDb, processId: Id, readiness: ProcessReadiness, context: DeviceContext): Promise<Process> {
  return updateRecord(db, 'processes', processId, { readiness }, context);
}

/** Deletes a process and leaves a tombstone. Rejects with `storage.notFound` when the process is gone. */
export function deleteProcess(db: PortfolioDb, processId: Id, context: DeviceContext): Promise<Tombstone> {
  return deleteRecord(db, 'processes', processId, context);
}
