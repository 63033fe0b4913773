/** Typed repositories for each record table, built on the generic writes in `repository.ts`. */
import type { Id, RecordTable, Tombstone } from '@shared/domain/types';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb, RecordTypes } from './portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from './repository';
import type { RecordData, RecordPatch } from './repository';

export interface RecordRepository<T extends RecordTable> {
  insert(db: PortfolioDb, data: RecordData<T>, context: DeviceContext): Promise<RecordTypes[T]>;
  update(db: PortfolioDb, id: Id, patch: RecordPatch<T>, context: DeviceContext): Promise<RecordTypes[T]>;
  /** Deletes the record only; records that refer to it are left as they are. */
  remove(db: PortfolioDb, id: Id, context: DeviceContext): Promise<Tombstone>;
}

function repositoryFor<T extends RecordTable>(table: T): RecordRepository<T> {
  return {
    insert: (db, data, context) => insertRecord(db, table, data, context),
    update: (db, id, patch, context) => updateRecord(db, table, id, patch, context),
    remove: (db, id, context) => deleteRecord(db, table, id, context),
  };
}

export const providerRepository = repositoryFor('providers');
export const contractRepository = repositoryFor('contracts');
export const kpiRepository = repositoryFor('kpis');
export const serviceLevelRepository = repositoryFor('serviceLevels');
export const measurementRepository = repositoryFor('measurements');
