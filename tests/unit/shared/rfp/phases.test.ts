import { describe, expect, test } from 'vitest';
import type { RfpPhase } from '../../../../shared/domain/rfp';
import type { TransitionFacts } from '../../../../shared/rfp/phases';
import { checkPhaseTransition, isFinalPhase, mayEdit, nextPhases, rfpPhases } from '../../../../shared/rfp/phases';
import { validateConsensusScore } from '../../../../shared/rfp/validation';
import { bidder, evaluator, makeEvent, scored, section } from './factories';

function facts(phase: RfpPhase, change: Partial<TransitionFacts> = {}): TransitionFacts {
  return {
    event: { ...makeEvent({ phase }), awardedBidderId: null, awardReason: '' },
    sections: [section('s', 1, 1)],
    criteria: [scored('c', 's', 1, 1)],
    bidders: [bidder('a')],
    evaluators: [evaluator('ann')],
    scores: [{ evaluatorId: 'ann', bidderId: 'a', criterionId: 'c', value: 3, comment: '' }],
    ...change,
  };
}

const codes = (issues: readonly { readonly code: string }[]) => issues.map((issue) => issue.code);

describe('nextPhases', () => {
  test('flow moves forward one step', () => {
    expect(nextPhases('draft')).toEqual(['open', 'cancelled']);
    expect(nextPhases('open')).toEqual(['scoring', 'cancelled']);
    expect(nextPhases('scoring')).toEqual(['consensus', 'cancelled']);
    expect(nextPhases('consensus')).toEqual(['awarded', 'cancelled']);
  });

  test.each(['awarded', 'cancelled'] as const)('%s is final', (phase) => {
    expect(nextPhases(phase)).toEqual([]);
    expect(isFinalPhase(phase)).toBe(true);
  });

  test('every phase is listed once', () => {
    expect(new Set(rfpPhases).size).toBe(6);
  });
});

describe('checkPhaseTransition', () => {
  test('allows each forward step', () => {
    expect(checkPhaseTransition(facts('draft'), 'open')).toEqual([]);
    expect(checkPhaseTransition(facts('open'), 'scoring')).toEqual([]);
    expect(checkPhaseTransition(facts('scoring'), 'consensus')).toEqual([]);
    const award = facts('consensus');
    expect(
      checkPhaseTransition({ ...award, event: { ...award.event, awardedBidderId: 'a', awardReason: 'Best value.' } }, 'awarded'),
    ).toEqual([]);
  });

  test.each(rfpPhases.filter((phase) => !isFinalPhase(phase)))('cancel from %s', (phase) => {
    expect(checkPhaseTransition(facts(phase, { bidders: [], evaluators: [], scores: [] }), 'cancelled')).toEqual([]);
  });

  test('rejects skipping and going back', () => {
    const skip = checkPhaseTransition(facts('draft'), 'scoring');
    expect(skip).toEqual([
      { severity: 'error', code: 'rfp.invalidTransition', recordId: null, field: 'phase', detail: { from: 'draft', to: 'scoring' } },
    ]);
    expect(codes(checkPhaseTransition(facts('consensus'), 'scoring'))).toEqual(['rfp.invalidTransition']);
    expect(codes(checkPhaseTransition(facts('awarded'), 'cancelled'))).toEqual(['rfp.invalidTransition']);
    expect(codes(checkPhaseTransition(facts('cancelled'), 'draft'))).toEqual(['rfp.invalidTransition']);
  });

  test('open needs bidders and weights', () => {
    expect(codes(checkPhaseTransition(facts('draft', { bidders: [] }), 'open'))).toEqual(['rfp.noBidders']);
    expect(codes(checkPhaseTransition(facts('draft', { sections: [section('s', 0, 1)] }), 'open'))).toEqual(['rfp.noWeightedCriteria']);
  });

  test('open ignores tree warnings', () => {
    const withEmptySection = facts('draft', { sections: [section('s', 1, 1), section('t', 1, 2)] });
    expect(checkPhaseTransition(withEmptySection, 'open')).toEqual([]);
  });

  test('scoring needs evaluators', () => {
    expect(codes(checkPhaseTransition(facts('open', { evaluators: [] }), 'scoring'))).toEqual(['rfp.noEvaluators']);
  });

  test('consensus needs a score', () => {
    const blank = [{ evaluatorId: 'ann', bidderId: 'a', criterionId: 'c', value: null, comment: '' }];
    expect(codes(checkPhaseTransition(facts('scoring', { scores: blank }), 'consensus'))).toEqual(['rfp.noScores']);
  });

  test('award needs a bidder and reason', () => {
    expect(codes(checkPhaseTransition(facts('consensus'), 'awarded'))).toEqual(['rfp.awardBidderMissing', 'rfp.awardReasonMissing']);
    const stranger = facts('consensus');
    const event = { ...stranger.event, awardedBidderId: 'z', awardReason: 'Chosen.' };
    expect(codes(checkPhaseTransition({ ...stranger, event }, 'awarded'))).toEqual(['rfp.awardBidderMissing']);
  });
});

describe('mayEdit', () => {
  test('criteria tree only in draft', () => {
    expect(rfpPhases.filter((phase) => mayEdit(phase, 'criteriaTree'))).toEqual(['draft']);
  });

  test('texts until the end', () => {
    expect(rfpPhases.filter((phase) => mayEdit(phase, 'criteriaText'))).toEqual(['draft', 'open', 'scoring', 'consensus']);
  });

  test('price bids once open', () => {
    expect(rfpPhases.filter((phase) => mayEdit(phase, 'priceBids'))).toEqual(['open', 'scoring', 'consensus']);
  });

  test('nothing in a final phase', () => {
    const edits = ['event', 'criteriaTree', 'criteriaText', 'bidders', 'evaluators', 'conflictDeclaration', 'priceBids'] as const;
    for (const phase of ['awarded', 'cancelled'] as const) {
      expect(edits.filter((edit) => mayEdit(phase, edit))).toEqual([]);
    }
  });

  test('consensus scores stay closed once cancelled', () => {
    const consensus = { bidderId: 'a', criterionId: 'c', value: 3, reason: 'Agreed' };
    const issues = validateConsensusScore(makeEvent({ phase: 'cancelled' }), scored('c', 's', 1, 1), consensus);
    expect(codes(issues)).toEqual(['rfp.consensusNotOpen']);
  });
});
