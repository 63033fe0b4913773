/** Builders of audit entries: one per record write or deletion, one per bulk import. */
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntry, HlcString, Id, ImportSummary, RecordTable } from '@shared/domain/types';
import type { DeviceContext } from './clockStore';

/** Old and new value of each changed field; a new record has `old: null`, a deleted one `new: null`. */
export type FieldChanges = AuditEntry['changes'];

export function recordAuditEntry(
  context: DeviceContext,
  clock: HlcString,
  kind: 'write' | 'delete',
  table: RecordTable,
  recordId: Id,
  changes: FieldChanges,
): AuditEntry {
  return {
    id: uuidv7(),
    at: context.now(),
    clock,
    deviceId: context.deviceId,
    user: context.user,
    kind,
    table,
    recordId,
    changes,
    importSummary: null,
  };
}

export function importAuditEntry(context: DeviceContext, clock: HlcString, summary: ImportSummary): AuditEntry {
  return {
    id: uuidv7(),
    at: context.now(),
    clock,
    deviceId: context.deviceId,
    user: context.user,
    kind: 'import',
    table: null,
    recordId: null,
    changes: {},
    importSummary: summary,
  };
}
