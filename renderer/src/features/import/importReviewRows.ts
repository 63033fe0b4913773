/**
 * Rows of the providers-and-contracts review: each provider and contract the import adds or
 * changes, with the fields it sets worded as the audit trail words them.
 */
import type { TFunction } from 'i18next';
import type { PlannedRecordChange } from '../../db/importProviderContracts';
import { fieldValueViewOf } from '../sync/mergeView';
import { referencedTableOf } from '../sync/recordLabels';
import type { RecordLookup } from '../sync/recordLabels';
import { describeField, describeValue } from '../sync/recordText';
import type { TextFormat } from '../sync/recordText';

export interface ImportReviewField {
  readonly field: string;
  readonly label: string;
  /** The stored value before the import; `null` for a field of an added record. */
  readonly oldValue: string | null;
  readonly newValue: string;
}

export interface ImportReviewRow {
  readonly key: string;
  readonly table: PlannedRecordChange['table'];
  readonly outcome: PlannedRecordChange['outcome'];
  /** The provider's name, or the contract's title followed by its provider. */
  readonly name: string;
  readonly fields: readonly ImportReviewField[];
}

/** The review names no other record by id: a contract's provider is part of its name. */
const noRecords: RecordLookup = { find: () => undefined };

/** Builds the review rows of `records`, keeping their order. Reference fields such as `providerId` are left out. */
export function importReviewRows(t: TFunction, records: readonly PlannedRecordChange[], format: TextFormat): ImportReviewRow[] {
  return records.map((record) => {
    const fields = Object.entries(record.changes)
      .filter(([field]) => referencedTableOf(field) === null)
      .map(([field, change]): ImportReviewField => {
        const describe = (value: unknown) =>
          describeValue(t, fieldValueViewOf(noRecords, field, value, record.currency, record.table), format);
        return {
          field,
          label: describeField(t, field),
          oldValue: record.outcome === 'added' ? null : describe(change.old),
          newValue: describe(change.new),
        };
      });
    const name =
      record.providerName === null ? record.name : t('sync.records.contract', { title: record.name, provider: record.providerName });
    return { key: `${record.table}/${record.recordId}`, table: record.table, outcome: record.outcome, name, fields };
  });
}
