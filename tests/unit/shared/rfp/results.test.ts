import { describe, expect, test } from 'vitest';
import type { RfpInput, ScoreInput } from '../../../../shared/rfp/input';
import { buildRfpModel } from '../../../../shared/rfp/model';
import { computeResults } from '../../../../shared/rfp/results';
import { bidder, consensus, emptyInput, evaluator, knockout, scored, scoresFor, section } from './factories';

/** Two criteria, weights 1 and 1, one evaluator; `scores` maps bidder id to its two scores. */
function twoCriteria(scores: Record<string, readonly [number | null, number | null]>, data: Partial<RfpInput> = {}): RfpInput {
  const scoreList: ScoreInput[] = Object.entries(scores).flatMap(([bidderId, [first, second]]) => [
    ...scoresFor('c1', bidderId, ['e'], [first]),
    ...scoresFor('c2', bidderId, ['e'], [second]),
  ]);
  return emptyInput({
    sections: [section('s', 1, 1)],
    criteria: [scored('c1', 's', 1, 1), scored('c2', 's', 1, 2)],
    bidders: Object.keys(scores).map((id) => bidder(id, id.toUpperCase())),
    evaluators: [evaluator('e')],
    scores: scoreList,
    ...data,
  });
}

const resultsOf = (input: RfpInput) => computeResults(buildRfpModel(input));

describe('ranking', () => {
  test('higher total first', () => {
    const results = resultsOf(twoCriteria({ a: [1, 1], b: [5, 5], c: [3, 3] }));
    expect(results.ranking.map((entry) => entry.bidderId)).toEqual(['b', 'c', 'a']);
    expect(results.ranking.map((entry) => entry.total)).toEqual([100, 60, 20]);
  });

  test('ties break by name and are reported', () => {
    // Totals: x 50, y 50, z 50 through different scores; names X, Y, Z.
    const results = resultsOf(twoCriteria({ z: [5, 0], y: [0, 5], x: [2, 3] }));
    expect(results.ranking.map((entry) => [entry.bidderId, entry.rank])).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
    expect(results.ties).toEqual([{ bidderIds: ['x', 'y', 'z'], total: 50, firstRank: 1 }]);
    expect(results.ranking[0]?.tiedWith).toEqual(['y', 'z']);
    expect(results.winnerId).toBe('x');
  });

  test('no weights gives null totals', () => {
    const results = resultsOf(twoCriteria({ a: [1, 1], b: [2, 2] }, { sections: [section('s', 0, 1)] }));
    expect(results.ranking.map((entry) => entry.total)).toEqual([null, null]);
    expect(results.winnerId).toBeNull();
    expect(results.ties).toEqual([]);
  });
});

describe('blank scores', () => {
  test('blank cell excludes the criterion for all', () => {
    const results = resultsOf(twoCriteria({ a: [5, null], b: [1, 5] }));
    // Only c1 counts: a 100, b 20. Had b's c2 counted, b would reach 60.
    expect(results.ranking.map((entry) => [entry.bidderId, entry.total])).toEqual([
      ['a', 100],
      ['b', 20],
    ]);
    expect(results.excludedCriteria).toEqual([{ criterionId: 'c2', blankBidderIds: ['a'] }]);
    expect(results.ranking[0]?.blankCriterionIds).toEqual(['c2']);
    expect(results.complete).toBe(false);
  });

  test('every criterion blank gives null totals', () => {
    const results = resultsOf(twoCriteria({ a: [null, 1], b: [1, null] }));
    expect(results.ranking.map((entry) => entry.total)).toEqual([null, null]);
    expect(results.winnerId).toBeNull();
  });
});

describe('knockouts in results', () => {
  const withKnockout = (verdicts: Record<string, number | null>, data: Partial<RfpInput> = {}): RfpInput => {
    const base = twoCriteria({ a: [5, 5], b: [1, 1], c: [3, 3] });
    return {
      ...base,
      criteria: [...base.criteria, knockout('k', 's', 3)],
      scores: [
        ...base.scores,
        ...Object.entries(verdicts).flatMap(([bidderId, value]) => scoresFor('k', bidderId, ['e'], [value], 'Certificate checked')),
      ],
      ...data,
    };
  };

  test('a fail ranks last with its reason', () => {
    const results = resultsOf(withKnockout({ a: 0, b: 1, c: 1 }));
    expect(results.ranking.map((entry) => entry.bidderId)).toEqual(['c', 'b', 'a']);
    expect(results.ranking[2]).toMatchObject({
      knockedOut: true,
      total: 100,
      knockouts: [{ criterionId: 'k', status: 'fail', reasons: ['Certificate checked'] }],
    });
    expect(results.winnerId).toBe('c');
  });

  test('an undecided knockout knocks no one out', () => {
    const results = resultsOf(withKnockout({ a: null, b: 1, c: 1 }));
    expect(results.winnerId).toBe('a');
    expect(results.undecidedKnockouts).toEqual([{ bidderId: 'a', criterionId: 'k', status: 'pending' }]);
    expect(results.complete).toBe(false);
  });

  test('consensus reason is the knockout reason', () => {
    const results = resultsOf(
      withKnockout({ a: 1, b: 1, c: 1 }, { consensusScores: [consensus('k', 'a', 0, 'Scope excludes the Manila site')] }),
    );
    const a = results.ranking.find((entry) => entry.bidderId === 'a');
    expect(a?.knockouts[0]).toEqual({ criterionId: 'k', status: 'fail', reasons: ['Scope excludes the Manila site'] });
  });

  test('knocked-out blanks do not exclude', () => {
    const base = withKnockout({ a: 0, b: 1, c: 1 });
    const results = resultsOf({
      ...base,
      scores: base.scores.map((score) => (score.bidderId === 'a' && score.criterionId === 'c2' ? { ...score, value: null } : score)),
    });
    expect(results.excludedCriteria).toEqual([]);
    expect(results.ranking[2]).toMatchObject({ bidderId: 'a', total: 100, partialTotal: true });
  });

  test('all knocked out: no winner', () => {
    const results = resultsOf(withKnockout({ a: 0, b: 0, c: 0 }));
    expect(results.winnerId).toBeNull();
    expect(results.ranking.map((entry) => entry.bidderId)).toEqual(['a', 'c', 'b']);
    expect(results.arrays.eligibleCount).toBe(0);
  });
});

describe('what-if weights', () => {
  test('criterion weights re-rank', () => {
    const model = buildRfpModel(twoCriteria({ a: [5, 0], b: [0, 4] }));
    expect(computeResults(model).winnerId).toBe('a');
    const changed = computeResults(model, { criterionWeights: new Map([['c2', 3]]) });
    // a: 1/4 * 100 = 25; b: 3/4 * 80 = 60.
    expect(changed.ranking.map((entry) => entry.bidderId)).toEqual(['b', 'a']);
    expect(changed.ranking[0]?.total).toBeCloseTo(60, 12);
    expect(changed.ranking[1]?.total).toBeCloseTo(25, 12);
    expect(changed.shares.criteria.map((entry) => [entry.enteredWeight, entry.percentTenths])).toEqual([
      [1, 250],
      [3, 750],
    ]);
  });

  test('share override scales the others', () => {
    const model = buildRfpModel(twoCriteria({ a: [5, 0], b: [0, 4] }));
    const changed = computeResults(model, { share: { kind: 'criterion', id: 'c1', share: 0.2 } });
    expect(changed.shares.criteria.map((entry) => entry.share)).toEqual([0.2, expect.closeTo(0.8, 12)]);
    expect(changed.winnerId).toBe('b');
  });

  test('share override on an excluded item changes nothing', () => {
    const model = buildRfpModel(twoCriteria({ a: [5, null], b: [0, 4] }));
    const changed = computeResults(model, { share: { kind: 'criterion', id: 'c2', share: 0.9 } });
    expect(changed.shares.criteria.map((entry) => entry.share)).toEqual([1, 0]);
  });
});

describe('sections', () => {
  test('breakdown adds up to the total', () => {
    const input = twoCriteria({ a: [4, 2], b: [1, 5] });
    const results = resultsOf({
      ...input,
      sections: [section('s', 3, 1), section('t', 1, 2)],
      criteria: [scored('c1', 's', 1, 1), scored('c2', 't', 1, 1)],
    });
    const a = results.ranking.find((entry) => entry.bidderId === 'a');
    // a: .75 * 80 = 60 points from s, .25 * 40 = 10 from t.
    expect(a?.sections.map((entry) => entry.share)).toEqual([0.75, 0.25]);
    expect(a?.sections[0]?.points).toBeCloseTo(60, 12);
    expect(a?.sections[1]?.points).toBeCloseTo(10, 12);
    expect(a?.sections[0]?.percentOfSection).toBeCloseTo(80, 12);
    expect(a?.sections[1]?.percentOfSection).toBeCloseTo(40, 12);
    expect(a?.total).toBeCloseTo(70, 12);
  });
});
