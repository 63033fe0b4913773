import { describe, expect, test } from 'vitest';
import type { CriterionInput, PriceBidInput, WithId } from '../../../../shared/rfp/input';
import type { RfpIssue } from '../../../../shared/rfp/issues';
import {
  validateConsensusScore,
  validateCriteriaTree,
  validateEvaluator,
  validatePriceBids,
  validateScore,
} from '../../../../shared/rfp/validation';
import { evaluator, knockout, makeEvent, monthlyBid, price, scaleOf, scored, section } from './factories';

const codes = (issues: readonly RfpIssue[]) => issues.map((issue) => issue.code);

describe('validateCriteriaTree', () => {
  const event = makeEvent();

  test('valid tree has no issues', () => {
    expect(
      validateCriteriaTree(event, [section('s', 1, 1)], [scored('c', 's', 1, 1), knockout('k', 's', 2), price('p', 's', 1, 3)]),
    ).toEqual([]);
  });

  test('invalid weights', () => {
    const issues = validateCriteriaTree(
      event,
      [section('s', -1, 1), section('t', 1, 2)],
      [scored('c', 's', Number.NaN, 1), scored('d', 't', 1, 1)],
    );
    expect(issues).toContainEqual({
      severity: 'error',
      code: 'rfp.invalidWeight',
      recordId: 's',
      field: 'weight',
      detail: { value: '-1' },
    });
    expect(issues).toContainEqual({
      severity: 'error',
      code: 'rfp.invalidWeight',
      recordId: 'c',
      field: 'weight',
      detail: { value: 'NaN' },
    });
  });

  test('no weighted criterion', () => {
    expect(codes(validateCriteriaTree(event, [section('s', 1, 1)], [knockout('k', 's', 1)]))).toEqual([
      'rfp.sectionWithoutCriteria',
      'rfp.noWeightedCriteria',
    ]);
  });

  test('unknown section and second price', () => {
    const issues = validateCriteriaTree(
      event,
      [section('s', 1, 1)],
      [scored('c', 's', 1, 1), price('p', 's', 1, 2), price('q', 'gone', 1, 3)],
    );
    expect(codes(issues)).toEqual(['rfp.unknownSection', 'rfp.multiplePriceCriteria']);
    expect(issues[1]?.recordId).toBe('q');
  });

  test('scale problems', () => {
    const noScale: CriterionInput = { ...scored('a', 's', 1, 1), scale: null };
    const descending = scored('b', 's', 1, 2, scaleOf([5, 0]));
    const blankLevel = scored('c', 's', 1, 3, {
      levels: [
        { value: 0, label: 'No', description: '' },
        { value: 1, label: 'Yes', description: 'Meets it' },
      ],
    });
    const knockoutWithScale: CriterionInput = { ...knockout('k', 's', 4), scale: scaleOf([0, 1]) };
    const issues = validateCriteriaTree(event, [section('s', 1, 1)], [noScale, descending, blankLevel, knockoutWithScale]);
    expect(codes(issues)).toEqual(['rfp.missingScale', 'rfp.invalidScale', 'rfp.missingLevelDescription', 'rfp.unexpectedScale']);
    expect(issues[2]?.detail).toEqual({ level: 0 });
    expect(issues[3]?.severity).toBe('warning');
  });

  test('formula price needs no level texts', () => {
    const bare = {
      ...price('p', 's', 1, 1),
      scale: {
        levels: [
          { value: 0, label: '', description: '' },
          { value: 5, label: '', description: '' },
        ],
      },
    };
    expect(validateCriteriaTree(event, [section('s', 1, 1)], [bare])).toEqual([]);
    expect(codes(validateCriteriaTree(makeEvent({ priceScoreMethod: 'manual' }), [section('s', 1, 1)], [bare]))).toEqual([
      'rfp.missingLevelDescription',
      'rfp.missingLevelDescription',
    ]);
  });

  test('bad term', () => {
    expect(codes(validateCriteriaTree(makeEvent({ termMonths: 0 }), [section('s', 1, 1)], [scored('c', 's', 1, 1)]))).toEqual([
      'rfp.invalidTerm',
    ]);
  });
});

describe('validateScore', () => {
  const context = { event: makeEvent({ phase: 'scoring' }), criterion: scored('c', 's', 1, 1), evaluator: evaluator('e') };
  const score = (value: number | null, comment = '') => ({
    id: 'score-1',
    evaluatorId: 'e',
    bidderId: 'b',
    criterionId: 'c',
    value,
    comment,
  });

  test('middle score needs no comment', () => {
    expect(validateScore(context, score(3))).toEqual([]);
    expect(validateScore(context, score(null))).toEqual([]);
  });

  test('ends of the scale need a comment', () => {
    expect(validateScore(context, score(0))).toEqual([
      { severity: 'error', code: 'rfp.commentRequired', recordId: 'score-1', field: 'comment', detail: { value: 0 } },
    ]);
    expect(codes(validateScore(context, score(5, '  ')))).toEqual(['rfp.commentRequired']);
    expect(validateScore(context, score(5, 'Exceeds: live at three banks'))).toEqual([]);
  });

  test('value off the scale', () => {
    expect(validateScore(context, score(2.5))).toEqual([
      { severity: 'error', code: 'rfp.scoreNotOnScale', recordId: 'score-1', field: 'value', detail: { value: 2.5, min: 0, max: 5 } },
    ]);
    expect(codes(validateScore(context, score(6, 'x')))).toEqual(['rfp.scoreNotOnScale']);
  });

  test('knockout verdicts', () => {
    const knockoutContext = { ...context, criterion: knockout('k', 's', 1) };
    expect(validateScore(knockoutContext, score(1))).toEqual([]);
    expect(codes(validateScore(knockoutContext, score(0)))).toEqual(['rfp.commentRequired']);
    expect(validateScore(knockoutContext, score(0, 'Certificate expired'))).toEqual([]);
    expect(codes(validateScore(knockoutContext, score(3, 'x')))).toEqual(['rfp.scoreNotOnScale']);
  });

  test.each(['draft', 'open', 'consensus', 'awarded', 'cancelled'] as const)('closed in %s', (phase) => {
    expect(codes(validateScore({ ...context, event: makeEvent({ phase }) }, score(3)))).toEqual(['rfp.scoringClosed']);
  });

  test('phase, conflict, scope and price', () => {
    expect(codes(validateScore({ ...context, event: makeEvent({ phase: 'consensus' }) }, score(3)))).toEqual(['rfp.scoringClosed']);
    expect(codes(validateScore({ ...context, evaluator: evaluator('e', { conflictStatus: 'pending' }) }, score(3)))).toEqual([
      'rfp.conflictNotDeclared',
    ]);
    expect(
      codes(validateScore({ ...context, evaluator: evaluator('e', { conflictStatus: 'declared', conflictBidderIds: ['b'] }) }, score(3))),
    ).toEqual(['rfp.conflictOfInterest']);
    expect(codes(validateScore({ ...context, evaluator: evaluator('e', { sectionIds: ['t'] }) }, score(3)))).toEqual([
      'rfp.outsideEvaluatorScope',
    ]);
    expect(codes(validateScore({ ...context, criterion: price('p', 's', 1, 1) }, score(3)))).toEqual(['rfp.priceScoredByFormula']);
    expect(
      validateScore(
        { event: makeEvent({ phase: 'scoring', priceScoreMethod: 'manual' }), criterion: price('p', 's', 1, 1), evaluator: evaluator('e') },
        score(3),
      ),
    ).toEqual([]);
  });
});

describe('validateConsensusScore', () => {
  const event = makeEvent({ phase: 'consensus' });

  test('needs a reason', () => {
    expect(
      validateConsensusScore(event, scored('c', 's', 1, 1), {
        id: 'x',
        bidderId: 'b',
        criterionId: 'c',
        value: 3,
        reason: 'Agreed after demo',
      }),
    ).toEqual([]);
    expect(
      codes(validateConsensusScore(event, scored('c', 's', 1, 1), { bidderId: 'b', criterionId: 'c', value: 3, reason: ' ' })),
    ).toEqual(['rfp.consensusReasonMissing']);
  });

  test('phase, scale and price', () => {
    const consensus = { bidderId: 'b', criterionId: 'c', value: 3, reason: 'Agreed' };
    expect(codes(validateConsensusScore(makeEvent({ phase: 'scoring' }), scored('c', 's', 1, 1), consensus))).toEqual([
      'rfp.consensusNotOpen',
    ]);
    expect(codes(validateConsensusScore(event, scored('c', 's', 1, 1), { ...consensus, value: 3.5 }))).toEqual(['rfp.scoreNotOnScale']);
    expect(codes(validateConsensusScore(event, knockout('k', 's', 1), { ...consensus, value: 3 }))).toEqual(['rfp.scoreNotOnScale']);
    expect(codes(validateConsensusScore(event, price('p', 's', 1, 1), consensus))).toEqual(['rfp.priceScoredByFormula']);
  });
});

describe('validateEvaluator', () => {
  test('declared conflict needs bidders and a statement', () => {
    const declared = { ...evaluator('e', { conflictStatus: 'declared' }), conflictStatement: '' };
    expect(codes(validateEvaluator(declared))).toEqual(['rfp.conflictBiddersMissing', 'rfp.conflictStatementMissing']);
    expect(validateEvaluator({ ...declared, conflictBidderIds: ['b'], conflictStatement: 'Spouse works for the bidder' })).toEqual([]);
    expect(validateEvaluator({ ...evaluator('e'), conflictStatement: '' })).toEqual([]);
  });
});

describe('validatePriceBids', () => {
  const withId = (id: string, bid: PriceBidInput): WithId<PriceBidInput> => ({ id, ...bid });

  test('valid bids pass', () => {
    expect(
      validatePriceBids(makeEvent(), [withId('p1', monthlyBid('a', 100, 10)), withId('p2', monthlyBid('b', 100, 10, 'EUR', 0.85))]),
    ).toEqual([]);
  });

  test('currency, round and duplicates', () => {
    const issues = validatePriceBids(makeEvent({ baseCurrency: 'gbp' }), [
      withId('p1', { ...monthlyBid('a', 100, 10), currency: 'EURO', round: 0 }),
      withId('p2', monthlyBid('b', 100, 10)),
      withId('p3', monthlyBid('b', 100, 10)),
    ]);
    expect(codes(issues)).toContain('rfp.invalidCurrency');
    expect(issues.filter((issue) => issue.code === 'rfp.invalidCurrency').map((issue) => issue.field)).toEqual([
      'baseCurrency',
      'currency',
    ]);
    expect(issues.find((issue) => issue.code === 'rfp.invalidRound')?.recordId).toBe('p1');
    expect(issues.find((issue) => issue.code === 'rfp.duplicatePriceRound')?.recordId).toBe('p3');
  });

  test('rate date and positive total', () => {
    const issues = validatePriceBids(makeEvent(), [
      withId('p1', { ...monthlyBid('a', 100, 10, 'EUR', 0.85), exchangeRateDate: '2026-02-30' }),
      withId('p2', monthlyBid('b', -500, 10)),
    ]);
    expect(codes(issues)).toEqual(['rfp.missingExchangeRateDate', 'rfp.priceNotPositive']);
    expect(issues[1]?.detail).toEqual({ value: -260 });
  });

  test('warns on different rate dates', () => {
    const issues = validatePriceBids(makeEvent(), [
      withId('p1', monthlyBid('a', 100, 10, 'EUR', 0.85)),
      withId('p2', { ...monthlyBid('b', 100, 10, 'USD', 0.79), exchangeRateDate: '2026-03-09' }),
    ]);
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'rfp.exchangeRateDatesDiffer',
        recordId: null,
        field: 'exchangeRateDate',
        detail: { dates: '2026-03-02, 2026-03-09' },
      },
    ]);
  });

  test('reports the TCO issue', () => {
    expect(codes(validatePriceBids(makeEvent(), [withId('p1', monthlyBid('a', 100, 10, 'GBP', 2))]))).toEqual(['rfp.exchangeRateNotOne']);
  });
});
