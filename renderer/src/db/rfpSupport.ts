/**
 * Building blocks of the RFP repository (`rfp.ts`): the one transaction an RFP write runs in,
 * loading an RFP's records, and turning failed checks into coded `AppFailure`s.
 */
import type {
  Bidder,
  ConsensusScore,
  EvaluatorAssignment,
  PriceBid,
  RfpCriterion,
  RfpEvent,
  RfpEventData,
  RfpSection,
  Score,
} from '@shared/domain/rfp';
import type { CalendarDate, Id, RecordTable, RecordTypes } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import type { ErrorCode, ErrorDetail } from '@shared/errors';
import { isCalendarDate } from '@shared/file/recordSchemas';
import type { RfpEdit } from '@shared/rfp/phases';
import { isFinalPhase, mayEdit } from '@shared/rfp/phases';
import type { RfpIssue } from '@shared/rfp/issues';
import { rfpTables } from '@shared/sync/snapshot';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { toStorageFailure } from './storageErrors';

/** Every stored record of one RFP. */
export interface RfpRecords {
  readonly event: RfpEvent;
  readonly sections: readonly RfpSection[];
  readonly criteria: readonly RfpCriterion[];
  readonly bidders: readonly Bidder[];
  readonly evaluators: readonly EvaluatorAssignment[];
  readonly scores: readonly Score[];
  readonly consensusScores: readonly ConsensusScore[];
  readonly priceBids: readonly PriceBid[];
}

/**
 * Runs `body` in one read-write transaction over every table an RFP write may touch: the RFP
 * tables, providers and contracts (for the award), the audit trail, tombstones and `meta`. The
 * repository writes inside it join this transaction, so on any failure nothing is stored.
 * Failures other than `AppFailure` become storage failures naming `detail`.
 */
export async function inRfpTransaction<R>(db: PortfolioDb, detail: ErrorDetail, body: () => Promise<R>): Promise<R> {
  const tables = [...rfpTables, 'providers', 'contracts', 'audit', 'tombstones', 'meta'];
  try {
    return await db.transaction('rw', tables, body);
  } catch (error) {
    throw toStorageFailure(error, detail);
  }
}

/** Reads one record, or throws `storage.notFound` naming the table and id. */
export async function getOrFail<T extends RecordTable>(db: PortfolioDb, table: T, id: Id): Promise<RecordTypes[T]> {
  const record = await db.recordTable(table).get(id);
  if (record === undefined) throw new AppFailure({ code: 'storage.notFound', detail: { table, id } });
  return record;
}

/** Throws `rfp.wrongRfp` when a record that `rfpId` refers to belongs to another RFP. */
export function assertSameRfp(record: { readonly id: Id; readonly rfpId: Id }, table: RecordTable, rfpId: Id): void {
  if (record.rfpId === rfpId) return;
  throw new AppFailure({
    code: 'rfp.wrongRfp',
    detail: { table, id: record.id, rfpId },
    cause: `${table} ${record.id} belongs to RFP ${record.rfpId}, not ${rfpId}`,
  });
}

/**
 * Throws `rfp.phaseLocked` when the RFP's phase does not allow `edit`. The detail's `reason` is
 * the final phase (`awarded`, `cancelled`) or else the edit, so the sentence can say why.
 */
export function assertMayEdit(event: RfpEvent, edit: RfpEdit): void {
  if (mayEdit(event.phase, edit)) return;
  throw new AppFailure({
    code: 'rfp.phaseLocked',
    detail: { rfpId: event.id, phase: event.phase, edit, reason: isFinalPhase(event.phase) ? event.phase : edit },
  });
}

/** Builds an `AppFailure` from a code and detail. */
export function rfpFailure(code: ErrorCode, detail: ErrorDetail, cause?: string): AppFailure {
  return new AppFailure({ code, detail, ...(cause === undefined ? {} : { cause }) });
}

/**
 * Throws the first error of `issues` as an `AppFailure` with the issue's code; its detail adds
 * `field` and `recordId` where the issue names them. The cause lists every error. Warnings are
 * ignored.
 */
export function throwFirstError(issues: readonly RfpIssue[]): void {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const [first] = errors;
  if (first === undefined) return;
  const detail: Record<string, string | number> = { ...first.detail };
  if (first.field !== null) detail.field = first.field;
  if (first.recordId !== null) detail.recordId = first.recordId;
  throw new AppFailure({ code: first.code, detail, cause: errors.map((issue) => `${issue.code} ${issue.field ?? ''}`.trim()).join('; ') });
}

/** Throws `rfp.textMissing` naming `field` when `text` is empty or only white space; returns it trimmed. */
export function requireText(text: string, field: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw rfpFailure('rfp.textMissing', { field, reason: field });
  return trimmed;
}

/** Key dates of an event, in the order they must fall. */
const keyDateFields = ['issuedOn', 'questionsDueOn', 'responseDueOn', 'awardTargetOn'] as const;
export type KeyDates = Pick<RfpEventData, (typeof keyDateFields)[number]>;

/**
 * Checks the key dates: each is `null` or a calendar date, and the set ones fall in the order
 * issued, questions due, responses due, award target (equal dates allowed). Throws
 * `rfp.invalidDate` or `rfp.datesOutOfOrder` naming the field.
 */
export function checkKeyDates(dates: KeyDates): void {
  let previous: { readonly field: string; readonly date: CalendarDate } | null = null;
  for (const field of keyDateFields) {
    const date = dates[field];
    if (date === null) continue;
    if (!isCalendarDate(date)) throw rfpFailure('rfp.invalidDate', { field, value: date });
    // ISO calendar dates compare correctly as strings.
    if (previous !== null && date < previous.date) {
      throw rfpFailure('rfp.datesOutOfOrder', { field, value: date, otherField: previous.field, otherValue: previous.date });
    }
    previous = { field, date };
  }
}

/**
 * Today's calendar date in UTC, from the write context's clock.
 * NOTE: between midnight UTC and local midnight this is a day off from the user's own date.
 */
export function todayOf(context: DeviceContext): CalendarDate {
  return context.now().slice(0, 10);
}

/** Reads every record of one RFP. Call it inside a transaction over the RFP tables for a consistent view. */
export async function readRfpRecords(db: PortfolioDb, rfpId: Id): Promise<RfpRecords> {
  const event = await getOrFail(db, 'rfpEvents', rfpId);
  const [sections, criteria, bidders, evaluators, scores, consensusScores, priceBids] = await Promise.all([
    db.rfpSections.where('rfpId').equals(rfpId).toArray(),
    db.rfpCriteria.where('rfpId').equals(rfpId).toArray(),
    db.rfpBidders.where('rfpId').equals(rfpId).toArray(),
    db.rfpEvaluators.where('rfpId').equals(rfpId).toArray(),
    db.rfpScores.where('rfpId').equals(rfpId).toArray(),
    db.rfpConsensusScores.where('rfpId').equals(rfpId).toArray(),
    db.rfpPriceBids.where('rfpId').equals(rfpId).toArray(),
  ]);
  return { event, sections, criteria, bidders, evaluators, scores, consensusScores, priceBids };
}
