/**
 * Checks on RFP data before it is saved or counted. Each check returns every issue it finds,
 * errors and warnings, with the record and field it concerns; an empty list means valid.
 */
import type { Id } from '../domain/types';
import { isCalendarDate } from '../file/recordSchemas';
import type { RfpIssue } from './issues';
import { rfpError, rfpWarning } from './issues';
import type { ConsensusInput, CriterionInput, EvaluatorInput, EventInput, PriceBidInput, ScoreInput, SectionInput, WithId } from './input';
import { isCurrencyCode, totalCostOfOwnership } from './money';
import { isLevelValue, isValidScale, knockoutFail, knockoutPass, scaleRange } from './scale';
import { usableWeight } from './weights';

/**
 * Checks weights, sections, scales and the price criterion. A weight must be a finite number of
 * 0 or more; the tree needs at least one `scored` or `price` criterion with a positive share.
 */
export function validateCriteriaTree(
  event: EventInput,
  sections: readonly SectionInput[],
  criteria: readonly CriterionInput[],
): RfpIssue[] {
  const issues: RfpIssue[] = [];
  if (!Number.isSafeInteger(event.termMonths) || event.termMonths <= 0) {
    issues.push(rfpError('rfp.invalidTerm', null, 'termMonths', { value: String(event.termMonths) }));
  }
  for (const section of sections) {
    if (!isValidWeight(section.weight)) {
      issues.push(rfpError('rfp.invalidWeight', section.id, 'weight', { value: String(section.weight) }));
    }
  }

  const sectionIds = new Set(sections.map((section) => section.id));
  const weightBySection = new Map<Id, number>();
  let priceCriteria = 0;
  for (const criterion of criteria) {
    if (!sectionIds.has(criterion.sectionId)) {
      issues.push(rfpError('rfp.unknownSection', criterion.id, 'sectionId', { value: criterion.sectionId }));
    }
    if (criterion.kind === 'price') {
      priceCriteria += 1;
      if (priceCriteria > 1) {
        issues.push(rfpError('rfp.multiplePriceCriteria', criterion.id, 'kind', {}));
      }
    }
    if (criterion.kind === 'knockout') {
      if (criterion.scale !== null) {
        issues.push(rfpWarning('rfp.unexpectedScale', criterion.id, 'scale', {}));
      }
      continue;
    }
    if (!isValidWeight(criterion.weight)) {
      issues.push(rfpError('rfp.invalidWeight', criterion.id, 'weight', { value: String(criterion.weight) }));
    }
    weightBySection.set(criterion.sectionId, (weightBySection.get(criterion.sectionId) ?? 0) + usableWeight(criterion.weight));
    issues.push(...scaleIssues(event, criterion));
  }

  let hasWeighted = false;
  for (const section of sections) {
    const criteriaWeight = weightBySection.get(section.id) ?? 0;
    if (usableWeight(section.weight) > 0 && criteriaWeight === 0) {
      issues.push(rfpWarning('rfp.sectionWithoutCriteria', section.id, null, {}));
    }
    hasWeighted ||= usableWeight(section.weight) > 0 && criteriaWeight > 0;
  }
  if (!hasWeighted) {
    issues.push(rfpError('rfp.noWeightedCriteria', null, null, {}));
  }
  return issues;
}

function isValidWeight(weight: number): boolean {
  return Number.isFinite(weight) && weight >= 0;
}

function scaleIssues(event: EventInput, criterion: CriterionInput): RfpIssue[] {
  if (criterion.scale === null) {
    return [rfpError('rfp.missingScale', criterion.id, 'scale', {})];
  }
  if (!isValidScale(criterion.scale)) {
    return [rfpError('rfp.invalidScale', criterion.id, 'scale', { levels: criterion.scale.levels.map((level) => level.value).join(', ') })];
  }
  // Levels of a formula-scored price criterion are never shown to evaluators, so they need no text.
  if (criterion.kind === 'price' && event.priceScoreMethod !== 'manual') {
    return [];
  }
  return criterion.scale.levels
    .filter((level) => level.description.trim() === '')
    .map((level) => rfpError('rfp.missingLevelDescription', criterion.id, 'scale', { level: level.value }));
}

/** Checks an evaluator's conflict-of-interest declaration: a declared conflict names its bidders and explains itself. */
export function validateEvaluator(evaluator: EvaluatorInput & { readonly conflictStatement: string }): RfpIssue[] {
  if (evaluator.conflictStatus !== 'declared') {
    return [];
  }
  const issues: RfpIssue[] = [];
  if (evaluator.conflictBidderIds.length === 0) {
    issues.push(rfpError('rfp.conflictBiddersMissing', evaluator.id, 'conflictBidderIds', {}));
  }
  if (evaluator.conflictStatement.trim() === '') {
    issues.push(rfpError('rfp.conflictStatementMissing', evaluator.id, 'conflictStatement', {}));
  }
  return issues;
}

export interface ScoreContext {
  readonly event: EventInput;
  readonly criterion: CriterionInput;
  readonly evaluator: EvaluatorInput;
}

/**
 * Checks one evaluator's score. Scores are entered only in the `scoring` phase, by an evaluator
 * who has made a conflict declaration, has no conflict with the bidder and scores the
 * criterion's section. A value must be a level of the scale, or 1 (pass) or 0 (fail) for a
 * knockout. A score at either end of the scale needs a comment; so does a knockout fail,
 * while a pass does not. A blank (`null`) needs nothing.
 */
export function validateScore(context: ScoreContext, score: ScoreInput & { readonly id?: Id }): RfpIssue[] {
  const { event, criterion, evaluator } = context;
  const recordId = score.id ?? null;
  const issues: RfpIssue[] = [];
  if (event.phase !== 'scoring') {
    issues.push(rfpError('rfp.scoringClosed', recordId, null, { phase: event.phase }));
  }
  if (evaluator.conflictStatus === 'pending') {
    issues.push(rfpError('rfp.conflictNotDeclared', recordId, 'evaluatorId', { evaluator: evaluator.evaluatorName }));
  }
  if (evaluator.conflictStatus === 'declared' && evaluator.conflictBidderIds.includes(score.bidderId)) {
    issues.push(rfpError('rfp.conflictOfInterest', recordId, 'bidderId', { evaluator: evaluator.evaluatorName }));
  }
  if (evaluator.sectionIds !== null && !evaluator.sectionIds.includes(criterion.sectionId)) {
    issues.push(rfpError('rfp.outsideEvaluatorScope', recordId, 'criterionId', { evaluator: evaluator.evaluatorName }));
  }
  if (criterion.kind === 'price' && event.priceScoreMethod !== 'manual') {
    issues.push(rfpError('rfp.priceScoredByFormula', recordId, 'value', { method: event.priceScoreMethod }));
  }
  if (score.value !== null) {
    issues.push(...valueIssues(criterion, score.value, score.comment, recordId));
  }
  return issues;
}

function valueIssues(criterion: CriterionInput, value: number, comment: string, recordId: Id | null): RfpIssue[] {
  const hasComment = comment.trim() !== '';
  if (criterion.kind === 'knockout') {
    if (value !== knockoutPass && value !== knockoutFail) {
      return [rfpError('rfp.scoreNotOnScale', recordId, 'value', { value, min: knockoutFail, max: knockoutPass })];
    }
    return value === knockoutFail && !hasComment ? [rfpError('rfp.commentRequired', recordId, 'comment', { value })] : [];
  }
  const range = criterion.scale === null ? null : scaleRange(criterion.scale);
  if (criterion.scale === null || range === null || !isLevelValue(criterion.scale, value)) {
    return [rfpError('rfp.scoreNotOnScale', recordId, 'value', { value, min: range?.min ?? '', max: range?.max ?? '' })];
  }
  if ((value === range.min || value === range.max) && !hasComment) {
    return [rfpError('rfp.commentRequired', recordId, 'comment', { value })];
  }
  return [];
}

/**
 * Checks a consensus score: agreed in the `consensus` phase, with a reason, on the scale (pass
 * or fail for a knockout), and not on a formula-scored price criterion.
 */
export function validateConsensusScore(
  event: EventInput,
  criterion: CriterionInput,
  consensus: ConsensusInput & { readonly id?: Id },
): RfpIssue[] {
  const recordId = consensus.id ?? null;
  const issues: RfpIssue[] = [];
  if (event.phase !== 'consensus') {
    issues.push(rfpError('rfp.consensusNotOpen', recordId, null, { phase: event.phase }));
  }
  if (consensus.reason.trim() === '') {
    issues.push(rfpError('rfp.consensusReasonMissing', recordId, 'reason', {}));
  }
  if (criterion.kind === 'price' && event.priceScoreMethod !== 'manual') {
    issues.push(rfpError('rfp.priceScoredByFormula', recordId, 'value', { method: event.priceScoreMethod }));
  }
  const onScale =
    criterion.kind === 'knockout'
      ? consensus.value === knockoutPass || consensus.value === knockoutFail
      : criterion.scale !== null && isLevelValue(criterion.scale, consensus.value);
  if (!onScale) {
    issues.push(rfpError('rfp.scoreNotOnScale', recordId, 'value', { value: consensus.value }));
  }
  return issues;
}

/**
 * Checks price bids: currency codes, pricing rounds, exchange rates and their dates, amounts,
 * a positive TCO, one bid per bidder and round. Warns when foreign-currency bids use rates of
 * different dates, because their TCOs are then not converted on the same basis.
 */
export function validatePriceBids(event: EventInput, bids: readonly WithId<PriceBidInput>[]): RfpIssue[] {
  const issues: RfpIssue[] = [];
  if (!isCurrencyCode(event.baseCurrency)) {
    issues.push(rfpError('rfp.invalidCurrency', null, 'baseCurrency', { value: event.baseCurrency }));
  }

  const seenRounds = new Set<string>();
  const rateDates = new Set<string>();
  for (const bid of bids) {
    if (!isCurrencyCode(bid.currency)) {
      issues.push(rfpError('rfp.invalidCurrency', bid.id, 'currency', { value: bid.currency }));
    }
    if (!Number.isSafeInteger(bid.round) || bid.round < 1) {
      issues.push(rfpError('rfp.invalidRound', bid.id, 'round', { value: String(bid.round) }));
    }
    const roundKey = `${bid.bidderId}\u0000${String(bid.round)}`;
    if (seenRounds.has(roundKey)) {
      issues.push(rfpError('rfp.duplicatePriceRound', bid.id, 'round', { value: bid.round }));
    }
    seenRounds.add(roundKey);

    if (bid.currency !== event.baseCurrency) {
      if (isCalendarDate(bid.exchangeRateDate)) {
        rateDates.add(bid.exchangeRateDate);
      } else {
        issues.push(rfpError('rfp.missingExchangeRateDate', bid.id, 'exchangeRateDate', { value: bid.exchangeRateDate }));
      }
    }

    const result = totalCostOfOwnership(bid, event.baseCurrency, event.termMonths, bid.id);
    if (!result.ok) {
      issues.push(result.issue);
    } else if (result.tco.baseTotalMinor <= 0) {
      issues.push(rfpError('rfp.priceNotPositive', bid.id, null, { value: result.tco.baseTotalMinor }));
    }
  }

  if (rateDates.size > 1) {
    issues.push(rfpWarning('rfp.exchangeRateDatesDiffer', null, 'exchangeRateDate', { dates: [...rateDates].sort().join(', ') }));
  }
  return issues;
}
