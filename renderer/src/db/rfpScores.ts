/**
 * Writes of an RFP's scores, consensus scores and price bids. Each is an upsert by the record's
 * natural key (the unique index of its table), so a cell or pricing round has one record per
 * database, and every change of it is an `updateRecord` with its own audit entry.
 */
import type { ConsensusScore, PriceBid, PriceBidData, Score } from '@shared/domain/rfp';
import type { Id } from '@shared/domain/types';
import { isCalendarDate } from '@shared/file/recordSchemas';
import { validateConsensusScore, validatePriceBids, validateScore } from '@shared/rfp/validation';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { insertRecord, updateRecord } from './repository';
import { assertMayEdit, assertSameRfp, getOrFail, inRfpTransaction, rfpFailure, throwFirstError, todayOf } from './rfpSupport';

/** One evaluator's score of one bidder on one criterion; `value` `null` clears the score. */
export interface ScoreEntry {
  readonly rfpId: Id;
  readonly evaluatorId: Id;
  readonly bidderId: Id;
  readonly criterionId: Id;
  readonly value: number | null;
  readonly comment: string;
}

/** The panel's agreed score of one bidder on one criterion. */
export interface ConsensusEntry {
  readonly rfpId: Id;
  readonly bidderId: Id;
  readonly criterionId: Id;
  readonly value: number;
  readonly reason: string;
}

/** A bidder's price for one pricing round. */
export type PriceBidEntry = PriceBidData;

/** Reads the event, bidder and criterion of an entry and checks that they belong to one RFP. */
async function loadCell(db: PortfolioDb, entry: { readonly rfpId: Id; readonly bidderId: Id; readonly criterionId: Id }) {
  const event = await getOrFail(db, 'rfpEvents', entry.rfpId);
  const bidder = await getOrFail(db, 'rfpBidders', entry.bidderId);
  assertSameRfp(bidder, 'rfpBidders', entry.rfpId);
  const criterion = await getOrFail(db, 'rfpCriteria', entry.criterionId);
  assertSameRfp(criterion, 'rfpCriteria', entry.rfpId);
  return { event, bidder, criterion };
}

/**
 * Sets an evaluator's score of one cell, creating the record on the first score. Rejects with the
 * first error of `validateScore`, writing nothing. The phase must be `scoring`
 * (`rfp.scoringClosed`), and the evaluator must have declared a conflict status
 * (`rfp.conflictNotDeclared`), have no conflict with the bidder and be assigned the criterion's
 * section. A formula-scored price criterion takes no score. The value must be a level of the scale
 * (`rfp.scoreNotOnScale`), and a score at either end of the scale or a knockout fail needs a
 * comment (`rfp.commentRequired`). Records of another RFP give `rfp.wrongRfp`.
 */
export async function setScore(db: PortfolioDb, entry: ScoreEntry, context: DeviceContext): Promise<Score> {
  return await inRfpTransaction(db, { table: 'rfpScores' }, async () => {
    const { event, criterion } = await loadCell(db, entry);
    const evaluator = await getOrFail(db, 'rfpEvaluators', entry.evaluatorId);
    assertSameRfp(evaluator, 'rfpEvaluators', entry.rfpId);

    const comment = entry.comment.trim();
    const existing = await db.rfpScores
      .where('[evaluatorId+bidderId+criterionId]')
      .equals([entry.evaluatorId, entry.bidderId, entry.criterionId])
      .first();
    throwFirstError(
      validateScore({ event, criterion, evaluator }, { ...entry, comment, ...(existing === undefined ? {} : { id: existing.id }) }),
    );

    if (existing !== undefined) return updateRecord(db, 'rfpScores', existing.id, { value: entry.value, comment }, context);
    const { rfpId, evaluatorId, bidderId, criterionId, value } = entry;
    return insertRecord(db, 'rfpScores', { rfpId, evaluatorId, bidderId, criterionId, value, comment }, context);
  });
}

/**
 * Sets several scores in one transaction, with the checks of `setScore` on each entry. An entry
 * whose value and trimmed comment equal the stored score writes nothing, and so does a `null`
 * value for a cell that has no score record. On the first failing entry the call rejects with
 * that entry's error and nothing at all is stored. Resolves to the number of scores written.
 */
export async function setScores(db: PortfolioDb, entries: readonly ScoreEntry[], context: DeviceContext): Promise<number> {
  return await inRfpTransaction(db, { table: 'rfpScores' }, async () => {
    let written = 0;
    for (const entry of entries) {
      const existing = await db.rfpScores
        .where('[evaluatorId+bidderId+criterionId]')
        .equals([entry.evaluatorId, entry.bidderId, entry.criterionId])
        .first();
      const unchanged =
        existing === undefined ? entry.value === null : existing.value === entry.value && existing.comment === entry.comment.trim();
      if (unchanged) continue;
      // setScore's own transaction joins this one, so a later failure rolls this write back too.
      await setScore(db, entry, context);
      written += 1;
    }
    return written;
  });
}

/**
 * Sets the consensus score of one cell, agreed today (UTC). Rejects with the first error of
 * `validateConsensusScore`: phase not `consensus` (`rfp.consensusNotOpen`), a blank reason
 * (`rfp.consensusReasonMissing`), a formula-scored price criterion, or a value off the scale.
 */
export async function setConsensusScore(db: PortfolioDb, entry: ConsensusEntry, context: DeviceContext): Promise<ConsensusScore> {
  return await inRfpTransaction(db, { table: 'rfpConsensusScores' }, async () => {
    const { event, criterion } = await loadCell(db, entry);
    const reason = entry.reason.trim();
    const existing = await db.rfpConsensusScores.where('[bidderId+criterionId]').equals([entry.bidderId, entry.criterionId]).first();
    throwFirstError(validateConsensusScore(event, criterion, { ...entry, reason, ...(existing === undefined ? {} : { id: existing.id }) }));

    const agreedOn = todayOf(context);
    if (existing !== undefined)
      return updateRecord(db, 'rfpConsensusScores', existing.id, { value: entry.value, reason, agreedOn }, context);
    const { rfpId, bidderId, criterionId, value } = entry;
    return insertRecord(db, 'rfpConsensusScores', { rfpId, bidderId, criterionId, value, reason, agreedOn }, context);
  });
}

/**
 * Sets a bidder's price for one round, replacing an earlier entry of the same round. Allowed in
 * `open`, `scoring` and `consensus`. Rejects with `rfp.invalidDate` for a rate or submission date
 * that is not a calendar date, and with the first error of `validatePriceBids` (currency, round,
 * exchange rate, amounts, a total cost of ownership that is not positive).
 */
export async function setPriceBid(db: PortfolioDb, entry: PriceBidEntry, context: DeviceContext): Promise<PriceBid> {
  return await inRfpTransaction(db, { table: 'rfpPriceBids' }, async () => {
    const event = await getOrFail(db, 'rfpEvents', entry.rfpId);
    assertMayEdit(event, 'priceBids');
    const bidder = await getOrFail(db, 'rfpBidders', entry.bidderId);
    assertSameRfp(bidder, 'rfpBidders', entry.rfpId);
    for (const field of ['exchangeRateDate', 'submittedOn'] as const) {
      if (!isCalendarDate(entry[field])) throw rfpFailure('rfp.invalidDate', { field, value: entry[field] });
    }

    const existing = Number.isSafeInteger(entry.round)
      ? await db.rfpPriceBids.where('[bidderId+round]').equals([entry.bidderId, entry.round]).first()
      : undefined;
    throwFirstError(validatePriceBids(event, [{ ...entry, id: existing?.id ?? '' }]));

    const data: PriceBidData = {
      rfpId: entry.rfpId,
      bidderId: entry.bidderId,
      round: entry.round,
      currency: entry.currency,
      oneTimeCharges: entry.oneTimeCharges.map(({ label, amountMinor }) => ({ label: label.trim(), amountMinor })),
      recurringCharges: entry.recurringCharges.map(({ label, amountMinor, period }) => ({ label: label.trim(), amountMinor, period })),
      exchangeRateToBase: entry.exchangeRateToBase,
      exchangeRateDate: entry.exchangeRateDate,
      submittedOn: entry.submittedOn,
    };
    if (existing !== undefined) return updateRecord(db, 'rfpPriceBids', existing.id, data, context);
    return insertRecord(db, 'rfpPriceBids', data, context);
  });
}
