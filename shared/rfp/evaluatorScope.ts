/**
 * Evaluator files: the part of a portfolio that one evaluator of one RFP needs to score on their
 * own laptop, and the part of such a file that the lead's laptop takes back in.
 *
 * Out: the RFP's event, sections, criteria and bidders, the evaluator's assignment and their own
 * scores. Bidders the evaluator declared a conflict with, and scores of those bidders, stay out.
 * Other evaluators' scores stay out because scores are sealed until consensus. Consensus scores,
 * price bids and every non-RFP table stay out too.
 *
 * Back: only the evaluator's scores and the conflict-of-interest fields of their assignment.
 * Anything else the file contains, such as an RFP edited on the evaluator's laptop, is ignored.
 */
import type { EvaluatorAssignment, RfpPhase } from '../domain/rfp';
import type { HlcString, Id, RecordTable, SyncFields } from '../domain/types';
import { compactClocks, dataFieldNames, fieldClock } from '../sync/fieldClocks';
import type { PortfolioSnapshot, RecordsByTable } from '../sync/snapshot';
import { emptyRecords, recordTables } from '../sync/snapshot';
import type { EvaluatorScope } from '../file/manifest';

/** Fields of an evaluator assignment that the lead takes back from an evaluator file. */
export const conflictFields = ['conflictStatus', 'conflictBidderIds', 'conflictStatement', 'conflictDeclaredOn'] as const;

/** Returns the bidders that `evaluator` declared a conflict with; empty unless the status is `declared`. */
function conflictedBidders(evaluator: EvaluatorAssignment | undefined): ReadonlySet<Id> {
  return evaluator?.conflictStatus === 'declared' ? new Set(evaluator.conflictBidderIds) : new Set();
}

/**
 * Returns the records of an evaluator file for `scope`. The caller checks first that the RFP and
 * the evaluator exist (see `missingEvaluatorScopeRecord`); when they do not, the tables are empty.
 */
export function evaluatorFileRecords(records: RecordsByTable, scope: EvaluatorScope): RecordsByTable {
  const { rfpId, evaluatorId } = scope;
  const evaluator = records.rfpEvaluators.find((record) => record.id === evaluatorId && record.rfpId === rfpId);
  const conflicted = conflictedBidders(evaluator);
  const ofRfp = <R extends { readonly rfpId: Id }>(list: readonly R[]): R[] => list.filter((record) => record.rfpId === rfpId);

  return {
    ...emptyRecords(),
    rfpEvents: records.rfpEvents.filter((event) => event.id === rfpId),
    rfpSections: ofRfp(records.rfpSections),
    rfpCriteria: ofRfp(records.rfpCriteria),
    rfpBidders: ofRfp(records.rfpBidders).filter((bidder) => !conflicted.has(bidder.id)),
    rfpEvaluators: evaluator === undefined ? [] : [evaluator],
    rfpScores: ofRfp(records.rfpScores).filter((score) => score.evaluatorId === evaluatorId && !conflicted.has(score.bidderId)),
  };
}

/** Names the RFP or evaluator of `scope` that `records` lack, or `null` when both are present. */
export function missingEvaluatorScopeRecord(
  records: RecordsByTable,
  scope: EvaluatorScope,
): { readonly table: 'rfpEvents' | 'rfpEvaluators'; readonly id: Id } | null {
  if (!records.rfpEvents.some((event) => event.id === scope.rfpId)) return { table: 'rfpEvents', id: scope.rfpId };
  const evaluator = records.rfpEvaluators.find((record) => record.id === scope.evaluatorId);
  if (evaluator?.rfpId !== scope.rfpId) return { table: 'rfpEvaluators', id: scope.evaluatorId };
  return null;
}

/** A record of an evaluator file that its scope does not allow, as the reader reports it. */
export interface EvaluatorScopeViolation {
  readonly table: RecordTable;
  readonly index: number;
  readonly recordId: Id;
  /** Field whose value puts the record outside the scope; `''` when the whole table must be empty. */
  readonly field: string;
  readonly value: unknown;
}

/**
 * Finds the first record that an evaluator file for `scope` must not contain: a record of a
 * table outside the RFP, a record of another RFP, another evaluator's assignment or score, a
 * consensus score or a price bid. Returns `null` when every record fits.
 */
export function findEvaluatorScopeViolation(records: RecordsByTable, scope: EvaluatorScope): EvaluatorScopeViolation | null {
  const allowed: ReadonlySet<RecordTable> = new Set([
    'rfpEvents',
    'rfpSections',
    'rfpCriteria',
    'rfpBidders',
    'rfpEvaluators',
    'rfpScores',
  ]);
  for (const table of recordTables) {
    const [record] = records[table];
    if (record !== undefined && !allowed.has(table)) return { table, index: 0, recordId: record.id, field: '', value: record.id };
  }

  const first = <R extends SyncFields>(table: RecordTable, list: readonly R[], field: string, fits: (record: R) => boolean) => {
    const index = list.findIndex((record) => !fits(record));
    const record = list[index];
    if (record === undefined) return null;
    return { table, index, recordId: record.id, field, value: (record as unknown as Readonly<Record<string, unknown>>)[field] };
  };
  const { rfpId, evaluatorId } = scope;
  return (
    first('rfpEvents', records.rfpEvents, 'id', (event) => event.id === rfpId) ??
    first('rfpSections', records.rfpSections, 'rfpId', (section) => section.rfpId === rfpId) ??
    first('rfpCriteria', records.rfpCriteria, 'rfpId', (criterion) => criterion.rfpId === rfpId) ??
    first('rfpBidders', records.rfpBidders, 'rfpId', (bidder) => bidder.rfpId === rfpId) ??
    first('rfpEvaluators', records.rfpEvaluators, 'id', (evaluator) => evaluator.id === evaluatorId) ??
    first('rfpEvaluators', records.rfpEvaluators, 'rfpId', (evaluator) => evaluator.rfpId === rfpId) ??
    first('rfpScores', records.rfpScores, 'evaluatorId', (score) => score.evaluatorId === evaluatorId) ??
    first('rfpScores', records.rfpScores, 'rfpId', (score) => score.rfpId === rfpId)
  );
}

/**
 * Returns the part of an evaluator file's snapshot that a merge on the lead's laptop takes in:
 * the scoped evaluator's scores of the scoped RFP, and their assignment with only its
 * conflict-of-interest fields and those fields' clocks. The result is `scoped` and has no
 * tombstones, so the merge neither deletes nor blanks anything it leaves out.
 * NOTE: when the receiving portfolio lacks the assignment, the merge would store it with the
 * conflict fields only. An evaluator file is made from the lead's portfolio, which has it.
 */
export function evaluatorScoresOnly(snapshot: PortfolioSnapshot, scope: EvaluatorScope): PortfolioSnapshot {
  const { rfpId, evaluatorId } = scope;
  const evaluators = snapshot.records.rfpEvaluators.filter((evaluator) => evaluator.id === evaluatorId && evaluator.rfpId === rfpId);
  const records: RecordsByTable = {
    ...emptyRecords(),
    rfpEvaluators: evaluators.map((evaluator) => withOnlyFields(evaluator, new Set(conflictFields))),
    rfpScores: snapshot.records.rfpScores.filter((score) => score.rfpId === rfpId && score.evaluatorId === evaluatorId),
  };
  return { ...snapshot, records, tombstones: [], scoped: true };
}

/** Returns a copy of `record` with only `fields` and their clocks, its clocks compacted again. */
function withOnlyFields<R extends SyncFields>(record: R, fields: ReadonlySet<string>): R {
  const source = record as unknown as Readonly<Record<string, unknown>>;
  const copy: Record<string, unknown> = { id: record.id };
  const clocks = new Map<string, HlcString>();
  for (const field of dataFieldNames(record)) {
    if (!fields.has(field)) continue;
    copy[field] = source[field];
    clocks.set(field, fieldClock(record, field));
  }
  const compact = compactClocks(clocks, record.clock);
  return { ...copy, clock: compact.clock, fieldClocks: compact.fieldClocks } as unknown as R;
}

/** What the merge preview says about an evaluator file opened on the lead's laptop. */
export interface EvaluatorImportSummary {
  readonly rfpTitle: string;
  readonly evaluatorName: string;
  /** Scores in the file with a value; blanks are not counted. */
  readonly scoreCount: number;
  /** Phase of the RFP on the receiving laptop, or `null` when that laptop does not have the RFP. */
  readonly localPhase: RfpPhase | null;
  /**
   * Whether the receiving RFP is past `scoring`, so the scores arrive after the panel started
   * consensus (or after the award or cancellation). They are merged all the same and flagged.
   */
  readonly lateScores: boolean;
}

/**
 * Summarizes an evaluator file for the preview. Names come from the file, which carries the RFP
 * and the assignment; `localPhase` is the RFP's phase in the receiving portfolio.
 */
export function summarizeEvaluatorImport(
  file: PortfolioSnapshot,
  scope: EvaluatorScope,
  localPhase: RfpPhase | null,
): EvaluatorImportSummary {
  const event = file.records.rfpEvents.find((record) => record.id === scope.rfpId);
  const evaluator = file.records.rfpEvaluators.find((record) => record.id === scope.evaluatorId);
  const scores = file.records.rfpScores.filter((score) => score.evaluatorId === scope.evaluatorId && score.value !== null);
  const acceptsScores = localPhase === null || localPhase === 'draft' || localPhase === 'open' || localPhase === 'scoring';
  return {
    rfpTitle: event?.title ?? scope.rfpId,
    evaluatorName: evaluator?.evaluatorName ?? scope.evaluatorId,
    scoreCount: scores.length,
    localPhase,
    lateScores: !acceptsScores && scores.length > 0,
  };
}
